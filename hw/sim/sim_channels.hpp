#pragma once
// The chips' simulations: for each chip of the registry that has a model, how SimulatedHardware
// puts that model on the wiring of a ChipConfig. A chip added to hw/chip/registry.cpp gets a
// line in simulators() here when it has a model.
#include "hw/chip/sensor_group.hpp"
#include "hw/sim/hx711_model.hpp"
#include "hw/sim/simulated_hardware.hpp"

namespace chairhub::hw {

// Puts the models of `config`'s chips on `hardware`; nothing for a chip without a model.
void simulate_chips(const ChipConfig& config, SimulatedHardware& hardware);

// An HX711 on its data line; exposed so that tests can reach the model.
class Hx711SimChannel final : public SimChannel {
 public:
  Hx711SimChannel(SimulatedHardware& hardware, const LineId& clock, const LineId& data, int rate_sps, int gain);
  void set_raw(double counts) override;
  void plug(bool in) override { model_.set_connected(in); }
  std::string inject(const std::string& fault) override;
  Hx711Model& model() { return model_; }

 private:
  SimGpioChip& gpio_;
  unsigned data_;
  Hx711Model model_;
  int gain_;  // the chip's power-on gain
};

}  // namespace chairhub::hw
