#pragma once
// What a libgpiod backend (gpiod1_chip.cpp or gpiod2_chip.cpp, one per build) provides, and the
// wording every backend uses for its errors. Which chip to open is decided once, in
// open_gpio_chip.cpp, from what the backend tells about each chip.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "hw/gpio/gpio.hpp"
#include "hw/gpio/open_gpio_chip.hpp"  // gpio_backend_version, which each backend defines
#include "hw/util/device_error.hpp"

namespace chairhub::hw {

// The kernel takes at most 64 lines in one request (both uAPI versions).
constexpr std::size_t kMaxLinesPerRequest = 64;

class BackendChip : public GpioChip {
 public:
  virtual std::string name() const = 0;   // "gpiochip0"
  virtual std::string label() const = 0;  // "pinctrl-bcm2711"
  virtual bool has_line(const std::string& line_name) const = 0;
  std::string describe() const override { return name() + " [" + label() + "]"; }
};

// Opens the chip device at `path`; nullptr with errno set when it cannot.
std::unique_ptr<BackendChip> open_backend_chip(const std::string& path);

// "GPIO line 5" or "GPIO lines 6,13", then " on <chip>".
std::string describe_lines(const std::vector<LineId>& lines, const std::string& chip);

// Throws unless 1..kMaxLinesPerRequest lines are asked for.
void check_line_count(const LineRequest& request, const std::string& chip);

DeviceError line_not_found(const LineId& line, const std::string& chip, unsigned chip_lines);

// `holders`: the consumers of the lines asked for, as the kernel reports them (may be empty).
DeviceError request_failed(int err, const std::string& what, const std::vector<std::string>& holders);

DeviceError no_edge_detection(const std::string& what);

}  // namespace chairhub::hw
