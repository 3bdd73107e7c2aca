#include "hw/output/outputs.hpp"

namespace chairhub::hw {

Outputs::Outputs(const std::vector<OutputConfig>& outputs, std::shared_ptr<GpioChip> gpio) : gpio_(std::move(gpio)) {
  LineRequest out = LineRequest::outputs({});
  out.consumer = "chairhub outputs";
  std::vector<OutputKind> kinds;
  for (const auto& o : outputs) {
    out.lines.push_back(o.line);
    kinds.push_back(o.kind);
  }
  out.active_low = outputs.front().active_low;  // check_hardware_config makes them all alike
  lines_ = gpio_->request(out);
  player_ = std::make_unique<PatternPlayer>(*lines_, kinds);
}

Outputs::~Outputs() = default;

std::unique_ptr<Outputs> open_outputs(const std::vector<OutputConfig>& outputs, ChipDevices& devices) {
  if (outputs.empty()) return nullptr;
  return std::make_unique<Outputs>(outputs, devices.gpio());
}

}  // namespace chairhub::hw
