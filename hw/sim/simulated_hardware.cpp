#include "hw/sim/simulated_hardware.hpp"

#include <cerrno>
#include <cmath>

#include "hw/i2c/i2c_dev.hpp"
#include "hw/sim/sim_channels.hpp"
#include "hw/util/device_error.hpp"

namespace chairhub::hw {
namespace {

constexpr unsigned kHeaderLines = 64;

// "GPIO17" -> 17; other names -> nullopt.
std::optional<unsigned> header_number(const std::string& name) {
  if (name.size() < 5 || name.size() > 6 || name.rfind("GPIO", 0) != 0) return std::nullopt;
  unsigned n = 0;
  for (char c : name.substr(4)) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<unsigned>(c - '0');
  }
  return n < kHeaderLines ? std::optional<unsigned>(n) : std::nullopt;
}

// Hands out a chip or device owned elsewhere, as the backends' unique_ptr interface wants.
class BorrowedChip final : public GpioChip {
 public:
  explicit BorrowedChip(SimGpioChip& chip) : chip_(chip) {}
  std::string describe() const override { return chip_.describe(); }
  std::unique_ptr<GpioLines> request(const LineRequest& r) override { return chip_.request(r); }

 private:
  SimGpioChip& chip_;
};

class BorrowedDevice final : public I2cDevice {
 public:
  explicit BorrowedDevice(I2cDevice& device) : device_(device) {}
  std::string describe() const override { return device_.describe(); }
  std::uint16_t read_word(std::uint8_t reg) override { return device_.read_word(reg); }
  void write_word(std::uint8_t reg, std::uint16_t value) override { device_.write_word(reg, value); }

 private:
  I2cDevice& device_;
};

}  // namespace

SimulatedHardware::SimulatedHardware(const HardwareConfig& config, Clock& clock) : clock_(clock) {
  // Lines are named like the Pi's ("GPIO17"); other configured names get lines of their own.
  std::vector<std::string> names;
  for (unsigned i = 0; i < kHeaderLines; ++i) names.push_back("GPIO" + std::to_string(i));
  for (const LineId& id : config.all_lines()) {
    if (id.is_offset() || header_number(id.name()) || named_.count(id.name())) continue;
    named_[id.name()] = static_cast<unsigned>(names.size());
    names.push_back(id.name());
  }
  chip_ = std::make_unique<SimGpioChip>("sim-gpio", static_cast<unsigned>(names.size()), names);
  for (const auto& group : config.groups) simulate_chips(*group, *this);
}

SimulatedHardware::~SimulatedHardware() = default;

unsigned SimulatedHardware::offset(const LineId& line) const {
  if (line.is_offset()) return line.offset();
  if (const auto it = named_.find(line.name()); it != named_.end()) return it->second;
  return *header_number(line.name());
}

void SimulatedHardware::add_channel(const std::string& channel, std::unique_ptr<SimChannel> sim) {
  channels_[channel] = std::move(sim);
}

I2cDevice& SimulatedHardware::add_i2c(int bus, std::uint8_t address, std::unique_ptr<I2cDevice> device) {
  return *(i2c_[{bus, address}] = std::move(device));
}

Backends SimulatedHardware::backends() {
  // Unplugged, they fail with the words of the Linux backends.
  return {[this](const std::string&, const std::vector<LineId>&) -> std::unique_ptr<GpioChip> {
            if (!plugged_in_) throw device_error_from_errno(ENOENT, "no GPIO chip found (simulated chips unplugged)");
            return std::make_unique<BorrowedChip>(*chip_);
          },
          [this](int bus, std::uint8_t address) -> std::unique_ptr<I2cDevice> {
            if (!plugged_in_)
              throw device_error_from_errno(ENOENT,
                                            "opening /dev/i2c-" + std::to_string(bus) + " (simulated chips unplugged)");
            if (!i2c_enabled_) throw i2c_open_error(ENOENT, bus);
            auto& device = i2c_[{bus, address}];
            if (!device) {  // nothing configured there: a chip that does not answer
              auto absent = std::make_unique<Ads1115Model>(clock_, address);
              absent->set_present(false);
              device = std::move(absent);
            }
            return std::make_unique<BorrowedDevice>(*device);
          }};
}

bool SimulatedHardware::set_raw(const std::string& channel, double counts) {
  const auto it = channels_.find(channel);
  if (it == channels_.end()) return false;
  SimChannel& sim = *it->second;
  const bool missing = std::isnan(counts);
  if (missing != sim.missing) {
    sim.missing = missing;
    sim.plug(!missing);
  }
  if (!missing) sim.set_raw(counts);
  return true;
}

std::optional<std::string> SimulatedHardware::inject(const std::string& channel, const std::string& fault) {
  const auto it = channels_.find(channel);
  if (it == channels_.end()) return std::nullopt;
  return it->second->inject(fault);
}

Hx711Model* SimulatedHardware::hx711(const std::string& channel) {
  const auto it = channels_.find(channel);
  auto* hx = it == channels_.end() ? nullptr : dynamic_cast<Hx711SimChannel*>(it->second.get());
  return hx ? &hx->model() : nullptr;
}

Ads1115Model* SimulatedHardware::ads1115(int bus, std::uint8_t address) {
  const auto it = i2c_.find({bus, address});
  return it == i2c_.end() ? nullptr : dynamic_cast<Ads1115Model*>(it->second.get());
}

}  // namespace chairhub::hw
