// The HX711 group as a SensorGroup: the clock and data lines requested on the GPIO chip, an
// Hx711Array reading them.
#include <memory>

#include "hw/chip/chip_devices.hpp"
#include "hw/hx711/hx711_config.hpp"

namespace chairhub::hw {
namespace {

class Hx711Sensors final : public SensorGroup {
 public:
  Hx711Sensors(const Hx711Group& g, ChipDevices& devices) : gpio_(devices.gpio()) {
    LineRequest sck = LineRequest::outputs({g.clock});
    sck.consumer = "chairhub hx711 clock";
    sck_ = gpio_->request(sck);
    LineRequest dout = LineRequest::inputs({}, g.data_bias, Edge::falling);
    dout.consumer = "chairhub hx711 data";
    for (const auto& in : g.inputs) dout.lines.push_back(in.data);
    dout_ = gpio_->request(dout);
    Hx711Settings s;
    s.rate_sps = g.rate_sps;
    s.gain = g.gain;
    array_ = std::make_unique<Hx711Array>(*sck_, *dout_, devices.clock(), s);
  }

  void read(std::span<double> values, std::span<ChannelHealth> health) override {
    const Hx711Reading r = array_->read();
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (r.values[i]) {
        values[i] = *r.values[i];
        health[i] = {true, {}};
      } else {
        health[i] = {false, array_->faulted(i) ? array_->fault_message(i) : "HX711 " + std::string(to_string(r.status[i]))};
      }
    }
  }

 private:
  std::shared_ptr<GpioChip> gpio_;  // first: the lines go before their chip
  std::unique_ptr<GpioLines> sck_, dout_;
  std::unique_ptr<Hx711Array> array_;
};

}  // namespace

std::unique_ptr<SensorGroup> Hx711Group::open(ChipDevices& devices) const {
  return std::make_unique<Hx711Sensors>(*this, devices);
}

}  // namespace chairhub::hw
