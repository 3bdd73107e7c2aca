#pragma once
// A software GPIO chip: the program requests lines as it would on a real chip, and chip models
// (or tests) sit on the other side of the wires. Used by unit tests and by the daemon's
// simulated-hardware mode. Edge detection works as the kernel's does: edges are counted as the
// levels change, kept until the program waits, and a wait sleeps on the chip's clock until the
// next change a source announces, or the timeout.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hw/gpio/gpio.hpp"
#include "hw/util/clock.hpp"

namespace chairhub::hw {

class SimGpioChip final : public GpioChip {
 public:
  using Listener = std::function<void(int level)>;
  using Source = std::function<int()>;
  // When a source's level may next change by itself (a time on the chip's clock); nullopt when it
  // changes only in answer to the program's writes.
  using NextChange = std::function<std::optional<Nanos>()>;

  // Lines may be given names so lookups by name can be tested.
  SimGpioChip(std::string name, unsigned num_lines, std::vector<std::string> line_names = {});

  std::string describe() const override;
  std::unique_ptr<GpioLines> request(const LineRequest& request) override;

  // The time base of the devices on the wires: a wait for edges sleeps on it. Models that keep
  // time (Hx711Model) hand theirs over; a wait with a timeout on a chip without one throws.
  void use_clock(Clock& clock) { clock_ = &clock; }

  // The device side of the wires.
  void on_change(unsigned line, Listener listener);  // called when the program drives a line
  void drive(unsigned line, Source source, NextChange next_change = nullptr);  // a model's output
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
    NextChange next_change;
    std::optional<int> stuck;
    std::vector<Listener> listeners;
    // Edge detection of a requested input: the logical level last seen and the edges since
    // the program last waited.
    Edge edge = Edge::none;
    bool active_low = false;
    int seen = 0;
    std::size_t edges = 0;
  };
  friend class SimGpioLines;
  unsigned check(unsigned line) const;
  void write(unsigned line, int level);
  void release(unsigned line);
  // Counts the edges of every watched line whose level changed since it was last looked at.
  void note_edges();
  bool wait_edges(const std::vector<unsigned>& offsets, Nanos timeout);

  std::string name_;
  std::vector<Line> lines_;
  Clock* clock_ = nullptr;
};

}  // namespace chairhub::hw
