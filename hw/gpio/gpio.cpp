#include "hw/gpio/gpio.hpp"

#include <vector>

namespace chairhub::hw {

std::string LineId::text() const {
  return is_offset() ? std::to_string(offset()) : "\"" + name() + "\"";
}

LineRequest LineRequest::inputs(std::vector<LineId> lines, Bias bias, Edge edge) {
  LineRequest r;
  r.lines = std::move(lines);
  r.bias = bias;
  r.edge = edge;
  return r;
}

LineRequest LineRequest::outputs(std::vector<LineId> lines, std::vector<int> initial) {
  LineRequest r;
  r.lines = std::move(lines);
  r.direction = Direction::output;
  r.initial = std::move(initial);
  return r;
}

int GpioLines::get_one() {
  std::vector<int> v(size());
  get(v);
  return v.empty() ? 0 : v.front();
}

void GpioLines::set_all(int value) {
  const std::vector<int> v(size(), value);
  set(v);
}

}  // namespace chairhub::hw
