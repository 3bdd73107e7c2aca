#include "hw/sim/sim_gpio.hpp"

#include <stdexcept>

#include "hw/util/device_error.hpp"

namespace chairhub::hw {

class SimGpioLines final : public GpioLines {
 public:
  SimGpioLines(SimGpioChip& chip, std::vector<unsigned> offsets, bool output, bool active_low)
      : chip_(chip), offsets_(std::move(offsets)), output_(output), active_low_(active_low) {}
  ~SimGpioLines() override {
    for (unsigned o : offsets_) chip_.release(o);
  }

  std::size_t size() const override { return offsets_.size(); }

  void get(std::span<int> values) override {
    for (std::size_t i = 0; i < offsets_.size(); ++i) {
      values[i] = chip_.level(offsets_[i]) ^ (active_low_ ? 1 : 0);
    }
  }

  void set(std::span<const int> values) override {
    if (!output_) throw DeviceError(ErrorKind::other, "setting an input line on " + chip_.describe());
    for (std::size_t i = 0; i < offsets_.size(); ++i) {
      chip_.write(offsets_[i], ((values[i] != 0) ^ active_low_) ? 1 : 0);
    }
  }

 private:
  SimGpioChip& chip_;
  std::vector<unsigned> offsets_;
  bool output_;
  bool active_low_;
};

SimGpioChip::SimGpioChip(std::string name, unsigned num_lines, std::vector<std::string> line_names)
    : name_(std::move(name)), lines_(num_lines) {
  for (std::size_t i = 0; i < line_names.size() && i < lines_.size(); ++i) {
    lines_[i].name = line_names[i];
  }
}

std::string SimGpioChip::describe() const { return "simulated chip [" + name_ + "]"; }

unsigned SimGpioChip::check(unsigned line) const {
  if (line >= lines_.size()) {
    throw std::out_of_range("line " + std::to_string(line) + " not on " + describe());
  }
  return line;
}

std::unique_ptr<GpioLines> SimGpioChip::request(const LineRequest& req) {
  std::vector<unsigned> offsets;
  for (const LineId& id : req.lines) {
    std::optional<unsigned> found;
    if (id.is_offset()) {
      if (id.offset() < lines_.size()) found = id.offset();
    } else {
      for (unsigned i = 0; i < lines_.size(); ++i) {
        if (lines_[i].name == id.name()) found = i;
      }
    }
    if (!found) {
      throw DeviceError(ErrorKind::no_device, "GPIO line " + id.text() + " not found on " + describe());
    }
    if (lines_[*found].requested) {
      throw DeviceError(ErrorKind::busy, "GPIO line " + id.text() + " on " + describe() +
                                             ": Device or resource busy (already requested)");
    }
    offsets.push_back(*found);
  }
  const bool output = req.direction == Direction::output;
  for (const unsigned offset : offsets) {
    Line& l = lines_[offset];
    l.requested = true;
    l.output = output;
  }
  auto lines = std::make_unique<SimGpioLines>(*this, offsets, output, req.active_low);
  if (output) {
    std::vector<int> initial = req.initial;
    initial.resize(offsets.size(), 0);
    lines->set(initial);
  }
  return lines;
}

void SimGpioChip::on_change(unsigned line, Listener listener) {
  lines_[check(line)].listeners.push_back(std::move(listener));
}

void SimGpioChip::drive(unsigned line, Source source) { lines_[check(line)].source = std::move(source); }

void SimGpioChip::set_level(unsigned line, int level) {
  Line& l = lines_[check(line)];
  l.source = nullptr;
  l.driven = level ? 1 : 0;
}

void SimGpioChip::stick(unsigned line, std::optional<int> level) { lines_[check(line)].stuck = level; }

int SimGpioChip::level(unsigned line) const {
  const Line& l = lines_[check(line)];
  if (l.stuck) return *l.stuck;
  if (!l.output && l.source) return l.source() ? 1 : 0;
  return l.driven;
}

bool SimGpioChip::requested(unsigned line) const { return lines_[check(line)].requested; }

std::size_t SimGpioChip::writes(unsigned line) const { return lines_[check(line)].writes; }

void SimGpioChip::write(unsigned line, int level) {
  Line& l = lines_[line];
  ++l.writes;
  l.driven = level;
  if (l.stuck) return;  // the wire does not move, so the device sees nothing
  for (const auto& listener : l.listeners) listener(level);
}

}  // namespace chairhub::hw
