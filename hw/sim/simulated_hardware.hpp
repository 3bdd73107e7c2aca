#pragma once
// Simulated devices for a whole HardwareConfig: one software GPIO chip with an HX711 model on
// every configured data line and an ADS1115 model at every configured address. Its backends
// plug into HardwareSource in place of the Linux ones, for tests and for running the daemon
// on a machine without the chair.
#include <map>
#include <memory>
#include <string>

#include "hw/config/hardware_config.hpp"
#include "hw/sim/ads1115_model.hpp"
#include "hw/sim/hx711_model.hpp"
#include "hw/sim/sim_gpio.hpp"
#include "hw/source/hardware_source.hpp"

namespace chairhub::hw {

class SimulatedHardware {
 public:
  SimulatedHardware(const HardwareConfig& config, Clock& clock);
  ~SimulatedHardware();

  // Backends that hand out these devices; they must not outlive this object.
  Backends backends();

  // False: the chips are not there at all, as on a Pi before the chair is wired. Opening the
  // GPIO chip or an I2C bus through backends() then fails as it does on Linux (no GPIO chip
  // found, no /dev/i2c-N). Devices already handed out are not affected.
  void set_plugged_in(bool plugged_in) { plugged_in_ = plugged_in; }

  // Makes `channel` read `counts` (raw chip counts); false when the channel is not wired.
  // NaN unplugs the channel's sensor until a number comes again: its HX711 stops answering
  // (data line floating high), or its ADS1115 leaves the bus, taking the chip's other inputs
  // along. Only changes unplug or plug back, so a fault injected on a model directly stays.
  bool set_raw(const std::string& channel, double counts);

  Hx711Model* hx711(const std::string& channel);
  Ads1115Model* ads1115(int bus, std::uint8_t address);
  SimGpioChip& gpio() { return *chip_; }
  // The chip line a config line maps to, e.g. to watch an output.
  unsigned offset(const LineId& line) const;

 private:
  struct HxChannel {
    std::unique_ptr<Hx711Model> model;
    int gain = 128;  // the chip's power-on gain
    bool missing = false;
  };
  struct AdsChannel {
    Ads1115Model* model = nullptr;
    int input = 0;
    double full_scale = 0;
    bool missing = false;
  };

  Clock& clock_;
  bool plugged_in_ = true;
  std::unique_ptr<SimGpioChip> chip_;
  std::map<std::string, unsigned> named_;  // line names beyond GPIO0..GPIO63
  std::map<std::string, HxChannel> hx_;
  std::map<std::pair<int, int>, std::unique_ptr<Ads1115Model>> ads_;
  std::map<std::string, AdsChannel> ads_channels_;
};

}  // namespace chairhub::hw
