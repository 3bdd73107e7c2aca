#pragma once
// Simulated devices for a whole HardwareConfig: one software GPIO chip, and for every wired
// channel the model of its chip (sim/sim_channels.hpp: an HX711 model on every configured data
// line, an ADS1115 model at every configured address). Its backends plug into HardwareSource
// in place of the Linux ones, for tests and for running the daemon without the chair.
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "hw/chip/chip_devices.hpp"
#include "hw/config/hardware_config.hpp"
#include "hw/sim/ads1115_model.hpp"
#include "hw/sim/hx711_model.hpp"
#include "hw/sim/sim_gpio.hpp"

namespace chairhub::hw {

// One channel's sensor as its chip's model sees it.
class SimChannel {
 public:
  virtual ~SimChannel() = default;
  virtual void set_raw(double counts) = 0;
  virtual void plug(bool in) = 0;  // called on changes only
  // Makes the named fault happen; empty when done, else the faults the chip knows, in words.
  virtual std::string inject(const std::string& fault) = 0;

  bool missing = false;
};

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
  // False: no /dev/i2c-N, as on a Pi whose I2C is not enabled; the GPIO chip is still there.
  void set_i2c_enabled(bool enabled) { i2c_enabled_ = enabled; }

  // Makes `channel` read `counts` (raw chip counts); false when the channel is not wired.
  // NaN unplugs the channel's sensor until a number comes again: its HX711 stops answering
  // (data line floating high), or its ADS1115 leaves the bus, taking the chip's other inputs
  // along. Only changes unplug or plug back, so a fault injected on a model directly stays.
  bool set_raw(const std::string& channel, double counts);
  // A named fault of the channel's chip (SimChannel::inject); nothing when it is not wired.
  std::optional<std::string> inject(const std::string& channel, const std::string& fault);

  Hx711Model* hx711(const std::string& channel);
  Ads1115Model* ads1115(int bus, std::uint8_t address);
  SimGpioChip& gpio() { return *chip_; }
  Clock& clock() { return clock_; }
  // The chip line a config line maps to, e.g. to watch an output.
  unsigned offset(const LineId& line) const;

  // For the chips' simulations (sim_channels.cpp).
  void add_channel(const std::string& channel, std::unique_ptr<SimChannel> sim);
  I2cDevice& add_i2c(int bus, std::uint8_t address, std::unique_ptr<I2cDevice> device);

 private:
  Clock& clock_;
  bool plugged_in_ = true;
  bool i2c_enabled_ = true;
  std::unique_ptr<SimGpioChip> chip_;
  std::map<std::string, unsigned> named_;  // line names beyond GPIO0..GPIO63
  std::map<std::string, std::unique_ptr<SimChannel>> channels_;
  std::map<std::pair<int, int>, std::unique_ptr<I2cDevice>> i2c_;
};

}  // namespace chairhub::hw
