#include "hw/gpio/gpio_backend.hpp"

namespace chairhub::hw {

std::string describe_lines(const std::vector<LineId>& lines, const std::string& chip) {
  std::string what = lines.size() > 1 ? "GPIO lines " : "GPIO line ";
  for (std::size_t i = 0; i < lines.size(); ++i) what += (i ? "," : "") + lines[i].text();
  return what + " on " + chip;
}

void check_line_count(const LineRequest& request, const std::string& chip) {
  if (request.lines.empty() || request.lines.size() > kMaxLinesPerRequest) {
    throw DeviceError(ErrorKind::other, "GPIO request of " + std::to_string(request.lines.size()) + " lines on " +
                                            chip + ": must be 1.." + std::to_string(kMaxLinesPerRequest));
  }
}

DeviceError line_not_found(const LineId& line, const std::string& chip, unsigned chip_lines) {
  return DeviceError(ErrorKind::no_device, "GPIO line " + line.text() + " not found on " + chip + " (it has " +
                                               std::to_string(chip_lines) + " lines; `gpioinfo` lists them)");
}

DeviceError request_failed(int err, const std::string& what, const std::vector<std::string>& holders) {
  std::string in_use;
  for (const std::string& h : holders) in_use += (in_use.empty() ? "" : ", ") + h;
  return device_error_from_errno(err, "requesting " + what + (in_use.empty() ? "" : " (in use by " + in_use + ")"));
}

DeviceError no_edge_detection(const std::string& what) {
  return DeviceError(ErrorKind::other, "waiting for edges on " + what + ", requested without edge detection");
}

}  // namespace chairhub::hw
