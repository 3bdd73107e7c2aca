#include "hw/sim/sim_channels.hpp"

#include <map>
#include <string_view>

#include "hw/ads1115/ads1115_config.hpp"
#include "hw/chip/registry.hpp"
#include "hw/hx711/hx711_config.hpp"

namespace chairhub::hw {

Hx711SimChannel::Hx711SimChannel(SimulatedHardware& hardware, const LineId& clock, const LineId& data, int rate_sps,
                                 int gain)
    : gpio_(hardware.gpio()),
      data_(hardware.offset(data)),
      model_(hardware.gpio(), hardware.offset(clock), data_, hardware.clock(), rate_sps),
      gain_(gain) {}

void Hx711SimChannel::set_raw(double counts) {
  const double volts = Hx711Model::volts_for(static_cast<std::int32_t>(counts), gain_);
  model_.set_input(Hx711Model::Input::a, volts);
  model_.set_input(Hx711Model::Input::b, volts);
}

std::string Hx711SimChannel::inject(const std::string& fault) {
  if (fault == "never_ready") model_.set_never_ready(true);
  else if (fault == "unplugged") model_.set_connected(false);
  else if (fault == "stuck_low") gpio_.stick(data_, 0);
  else return "an HX711 fault is \"never_ready\", \"stuck_low\" or \"unplugged\"";
  return {};
}

namespace {

// An ADS1115 input. Its chip leaves the bus while any of its inputs is unplugged.
class AdsSimChannel final : public SimChannel {
 public:
  struct Chip {
    Ads1115Model& model;
    int unplugged = 0;
  };
  AdsSimChannel(std::shared_ptr<Chip> chip, int input, double full_scale)
      : chip_(std::move(chip)), input_(input), full_scale_(full_scale) {}

  void set_raw(double counts) override { chip_->model.set_input(input_, counts / 32768.0 * full_scale_); }
  void plug(bool in) override {
    chip_->unplugged += in ? -1 : 1;
    chip_->model.set_present(chip_->unplugged == 0);
  }
  std::string inject(const std::string& fault) override {
    if (fault != "absent") return "a pad's fault is \"absent\" (its ADS1115 does not answer)";
    chip_->model.set_present(false);
    return {};
  }

 private:
  std::shared_ptr<Chip> chip_;
  int input_;
  double full_scale_;
};

void simulate_hx711(const ChipConfig& config, SimulatedHardware& hardware) {
  const auto& g = static_cast<const Hx711Group&>(config);
  for (const Hx711Input& in : g.inputs)
    hardware.add_channel(in.channel, std::make_unique<Hx711SimChannel>(hardware, g.clock, in.data, g.rate_sps,
                                                                       hx711_gain_number(g.gain)));
}

void simulate_ads1115(const ChipConfig& config, SimulatedHardware& hardware) {
  const auto& a = static_cast<const Ads1115Chip&>(config);
  auto& model = static_cast<Ads1115Model&>(
      hardware.add_i2c(a.bus, a.address, std::make_unique<Ads1115Model>(hardware.clock(), a.address)));
  const auto chip = std::make_shared<AdsSimChannel::Chip>(AdsSimChannel::Chip{model});
  for (const AdsInput& in : a.inputs)
    hardware.add_channel(in.channel, std::make_unique<AdsSimChannel>(chip, in.input, a.settings.full_scale));
}

}  // namespace

void simulate_chips(const ChipConfig& config, SimulatedHardware& hardware) {
  using Simulate = void (*)(const ChipConfig&, SimulatedHardware&);
  static const std::map<std::string_view, Simulate> simulators = {
      {"hx711", simulate_hx711},
      {"ads1115", simulate_ads1115},
  };
  if (const auto it = simulators.find(config.kind->key); it != simulators.end()) it->second(config, hardware);
}

}  // namespace chairhub::hw
