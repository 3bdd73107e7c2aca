#pragma once
// A software GPIO chip: the program requests lines as it would on a real chip, and chip models
// (or tests) sit on the other side of the wires. Used by unit tests and by the daemon's
// simulated-hardware mode.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hw/gpio/gpio.hpp"

namespace chairhub::hw {

class SimGpioChip final : public GpioChip {
 public:
  using Listener = std::function<void(int level)>;
  using Source = std::function<int()>;

  // Lines may be given names so lookups by name can be tested.
  SimGpioChip(std::string name, unsigned num_lines, std::vector<std::string> line_names = {});

  std::string describe() const override;
  std::unique_ptr<GpioLines> request(const LineRequest& request) override;

  // The device side of the wires.
  void on_change(unsigned line, Listener listener);  // called when the program drives a line
  void drive(unsigned line, Source source);          // a model produces this line's level
  void set_level(unsigned line, int level);          // a fixed level, like a pull resistor
  void stick(unsigned line, std::optional<int> level);  // fault: line stuck, nullopt to free it

  int level(unsigned line) const;  // the physical level on the wire now
  bool requested(unsigned line) const;
  std::size_t writes(unsigned line) const;  // how often the program set this line

 private:
  struct Line {
    std::string name;
    bool requested = false;
    bool output = false;
    int driven = 0;  // last level the program set (outputs) or fixed level (inputs)
    std::size_t writes = 0;
    Source source;
    std::optional<int> stuck;
    std::vector<Listener> listeners;
  };
  friend class SimGpioLines;
  unsigned check(unsigned line) const;
  void write(unsigned line, int level);
  void release(unsigned line) { lines_[line].requested = false; }

  std::string name_;
  std::vector<Line> lines_;
};

}  // namespace chairhub::hw
