#include "hw/sim/simulated_hardware.hpp"

#include <cerrno>
#include <cmath>

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

  for (const Hx711Group& g : config.hx711) {
    for (const Hx711Input& in : g.inputs) {
      hx_[in.channel] = {std::make_unique<Hx711Model>(*chip_, offset(g.clock), offset(in.data), clock_, g.rate_sps),
                         hx711_gain_number(g.gain)};
    }
  }
  for (const Ads1115Chip& a : config.ads1115) {
    auto& model = ads_[{a.bus, a.address}];
    model = std::make_unique<Ads1115Model>(clock_, a.address);
    for (const AdsInput& in : a.inputs) ads_channels_[in.channel] = {model.get(), in.input, a.settings.full_scale};
  }
}

SimulatedHardware::~SimulatedHardware() = default;

unsigned SimulatedHardware::offset(const LineId& line) const {
  if (line.is_offset()) return line.offset();
  if (const auto it = named_.find(line.name()); it != named_.end()) return it->second;
  return *header_number(line.name());
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
            auto& model = ads_[{bus, address}];
            if (!model) {  // nothing configured there: a bus with no chip at that address
              model = std::make_unique<Ads1115Model>(clock_, address);
              model->set_present(false);
            }
            return std::make_unique<BorrowedDevice>(*model);
          }};
}

bool SimulatedHardware::set_raw(const std::string& channel, double counts) {
  const bool missing = std::isnan(counts);
  if (const auto it = hx_.find(channel); it != hx_.end()) {
    HxChannel& hx = it->second;
    if (missing != hx.missing) hx.model->set_connected(!missing);
    hx.missing = missing;
    if (missing) return true;
    hx.model->set_input(Hx711Model::Input::a, Hx711Model::volts_for(static_cast<std::int32_t>(counts), hx.gain));
    hx.model->set_input(Hx711Model::Input::b, Hx711Model::volts_for(static_cast<std::int32_t>(counts), hx.gain));
    return true;
  }
  if (const auto it = ads_channels_.find(channel); it != ads_channels_.end()) {
    AdsChannel& ads = it->second;
    if (missing != ads.missing) {
      ads.missing = missing;
      bool chip_missing = false;  // the chip is on the bus while none of its inputs is unplugged
      for (const auto& [name, other] : ads_channels_) chip_missing = chip_missing || (other.model == ads.model && other.missing);
      ads.model->set_present(!chip_missing);
    }
    if (!missing) ads.model->set_input(ads.input, counts / 32768.0 * ads.full_scale);
    return true;
  }
  return false;
}

Hx711Model* SimulatedHardware::hx711(const std::string& channel) {
  const auto it = hx_.find(channel);
  return it == hx_.end() ? nullptr : it->second.model.get();
}

Ads1115Model* SimulatedHardware::ads1115(int bus, std::uint8_t address) {
  const auto it = ads_.find({bus, address});
  return it == ads_.end() ? nullptr : it->second.get();
}

}  // namespace chairhub::hw
