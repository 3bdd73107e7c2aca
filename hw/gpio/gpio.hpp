#pragma once
// The small GPIO interface every driver is written against. A backend (libgpiod 1.6 or 2.x,
// whichever the build found, or the software simulation) opens a chip and hands out requested
// sets of lines; drivers only ever see GpioLines.
#include <chrono>
#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace chairhub::hw {

// A line is named by its offset on the chip (the BCM number on a Raspberry Pi) or by its name
// (the kernel's line name, "GPIO17" on a Pi): names survive the Pi 5's chip renumbering.
struct LineId {
  std::variant<unsigned, std::string> id;

  // Implicit on purpose: a pin number or a line name reads naturally where a LineId is wanted.
  // cppcheck-suppress noExplicitConstructor
  LineId(unsigned offset) : id(offset) {}  // NOLINT(google-explicit-constructor)
  // cppcheck-suppress noExplicitConstructor
  LineId(std::string name) : id(std::move(name)) {}  // NOLINT(google-explicit-constructor)
  bool is_offset() const { return std::holds_alternative<unsigned>(id); }
  unsigned offset() const { return std::get<unsigned>(id); }
  const std::string& name() const { return std::get<std::string>(id); }
  std::string text() const;  // "17" or "\"GPIO17\""
  bool operator==(const LineId&) const = default;
};

enum class Direction { input, output };
enum class Bias { as_is, disabled, pull_up, pull_down };
// Edge detection on inputs; edges are of the logical value (active_low swaps them).
enum class Edge { none, falling, rising, both };

struct LineRequest {
  std::vector<LineId> lines;
  Direction direction = Direction::input;
  Bias bias = Bias::as_is;
  bool active_low = false;
  Edge edge = Edge::none;    // inputs only
  std::vector<int> initial;  // outputs only; empty means all 0
  std::string consumer = "chairhub";

  static LineRequest inputs(std::vector<LineId> lines, Bias bias = Bias::as_is, Edge edge = Edge::none);
  static LineRequest outputs(std::vector<LineId> lines, std::vector<int> initial = {});
};

// Lines requested together; values are read and written in one call (one ioctl on Linux), so
// several HX711 data lines are sampled at the same instant.
class GpioLines {
 public:
  virtual ~GpioLines() = default;
  virtual std::size_t size() const = 0;
  virtual void get(std::span<int> values) = 0;
  virtual void set(std::span<const int> values) = 0;

  // Waits up to `timeout` for edge events on lines requested with an `edge`, then reads and
  // discards every event pending; true when there was at least one. A zero timeout only drains.
  // Throws on lines requested without edge detection.
  virtual bool wait_edges(std::chrono::nanoseconds timeout) = 0;

  // Single-line conveniences.
  int get_one();
  void set_all(int value);
};

class GpioChip {
 public:
  virtual ~GpioChip() = default;
  virtual std::string describe() const = 0;  // e.g. "gpiochip0 [pinctrl-bcm2711]"
  // Throws DeviceError naming the line and chip when a line does not exist or is taken.
  virtual std::unique_ptr<GpioLines> request(const LineRequest& request) = 0;
};

}  // namespace chairhub::hw
