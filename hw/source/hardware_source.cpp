#include "hw/source/hardware_source.hpp"

#include <cstdio>

#include "hw/ads1115/ads1115.hpp"
#include "hw/gpio/open_gpio_chip.hpp"
#include "hw/i2c/i2c_dev.hpp"
#include "hw/util/device_error.hpp"

namespace chairhub::hw {

Backends linux_backends() {
  return {[](const std::string& spec, const std::vector<LineId>& wanted) { return open_gpio_chip(spec, wanted); },
          [](int bus, std::uint8_t address) { return open_i2c_dev(bus, address); }};
}

struct HardwareSource::HxGroup {
  std::unique_ptr<GpioLines> sck, dout;
  std::unique_ptr<Hx711Array> array;
  std::vector<std::size_t> slots;  // layout index per chip
};

struct HardwareSource::AdsChip {
  std::unique_ptr<I2cDevice> device;
  std::unique_ptr<Ads1115> adc;
  std::vector<std::pair<int, std::size_t>> inputs;  // AIN, layout index
};

HardwareSource::HardwareSource(const HardwareConfig& config, const ChannelLayout& layout, const Backends& backends,
                               Clock& clock)
    : clock_(clock), channels_(layout.size()) {
  check_hardware_config(config, layout);
  if (!config.hx711.empty() || !config.outputs.empty()) {
    gpio_ = backends.open_gpio(config.gpio_chip, config.all_lines());
  }
  for (const Hx711Group& g : config.hx711) {
    auto group = std::make_unique<HxGroup>();
    LineRequest sck = LineRequest::outputs({g.clock});
    sck.consumer = "chairhub hx711 clock";
    group->sck = gpio_->request(sck);
    LineRequest dout = LineRequest::inputs({}, g.data_bias, Edge::falling);
    dout.consumer = "chairhub hx711 data";
    for (const auto& in : g.inputs) {
      dout.lines.push_back(in.data);
      group->slots.push_back(*layout.find(in.channel));
    }
    group->dout = gpio_->request(dout);
    Hx711Settings s;
    s.rate_sps = g.rate_sps;
    s.gain = g.gain;
    group->array = std::make_unique<Hx711Array>(*group->sck, *group->dout, clock_, s);
    hx_.push_back(std::move(group));
  }
  for (const Ads1115Chip& a : config.ads1115) {
    auto chip = std::make_unique<AdsChip>();
    chip->device = backends.open_i2c(a.bus, a.address);
    chip->adc = std::make_unique<Ads1115>(*chip->device, clock_, a.settings);
    for (const auto& in : a.inputs) chip->inputs.emplace_back(in.input, *layout.find(in.channel));
    ads_.push_back(std::move(chip));
  }
  if (!config.outputs.empty()) {
    LineRequest out = LineRequest::outputs({});
    out.consumer = "chairhub outputs";
    std::vector<OutputKind> kinds;
    for (const auto& o : config.outputs) {
      out.lines.push_back(o.line);
      kinds.push_back(o.kind);
    }
    out.active_low = config.outputs.front().active_low;  // the check makes them all alike
    output_lines_ = gpio_->request(out);
    player_ = std::make_unique<PatternPlayer>(*output_lines_, kinds);
  }
}

HardwareSource::~HardwareSource() = default;

std::string HardwareSource::describe_gpio() const { return gpio_ ? gpio_->describe() : "no GPIO"; }

void HardwareSource::fill_ads(AdsChip& chip, HardwareReading& out) {
  for (std::size_t k = 0; k < chip.inputs.size(); ++k) {
    const auto [ain, slot] = chip.inputs[k];
    const AdsReading r = chip.adc->read(ain);
    out.health[slot] = {r.value.has_value(), r.fault};
    if (r.value) {
      out.sample.values[slot] = *r.value;
      continue;
    }
    if (chip.adc->fault_kind() == ErrorKind::timeout) continue;
    // The chip did not answer: skip its other inputs this round instead of failing on each.
    for (std::size_t j = k + 1; j < chip.inputs.size(); ++j) out.health[chip.inputs[j].second] = {false, r.fault};
    return;
  }
}

HardwareReading HardwareSource::read() {
  HardwareReading out;
  out.sample.values.assign(channels_, kMissing);
  out.health.assign(channels_, {false, "not wired in [hardware]"});
  for (const auto& g : hx_) {
    const Hx711Reading r = g->array->read();
    for (std::size_t i = 0; i < g->slots.size(); ++i) {
      const std::size_t slot = g->slots[i];
      if (r.values[i]) {
        out.sample.values[slot] = *r.values[i];
        out.health[slot] = {true, {}};
      } else {
        const std::string why = g->array->faulted(i) ? g->array->fault_message(i)
                                                     : "HX711 " + std::string(to_string(r.status[i]));
        out.health[slot] = {false, why};
      }
    }
  }
  // The HX711 wait sets the pace; the pads are read right after so the sample is one moment.
  for (const auto& chip : ads_) fill_ads(*chip, out);
  out.sample.t = to_seconds(clock_.now());
  return out;
}

}  // namespace chairhub::hw
