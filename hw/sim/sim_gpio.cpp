#include "hw/sim/sim_gpio.hpp"

#include <algorithm>
#include <stdexcept>

#include "hw/gpio/gpio_backend.hpp"
#include "hw/util/device_error.hpp"

namespace chairhub::hw {

class SimGpioLines final : public GpioLines {
 public:
  SimGpioLines(SimGpioChip& chip, std::vector<unsigned> offsets, bool output, bool active_low, bool edges)
      : chip_(chip), offsets_(std::move(offsets)), output_(output), active_low_(active_low), edges_(edges) {}
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

  bool wait_edges(Nanos timeout) override {
    if (!edges_) {
      std::vector<LineId> ids(offsets_.begin(), offsets_.end());
      throw no_edge_detection(describe_lines(ids, chip_.describe()));
    }
    return chip_.wait_edges(offsets_, timeout);
  }

 private:
  SimGpioChip& chip_;
  std::vector<unsigned> offsets_;
  bool output_;
  bool active_low_;
  bool edges_;
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
  const bool edges = !output && req.edge != Edge::none;
  for (const unsigned offset : offsets) {
    Line& l = lines_[offset];
    l.requested = true;
    l.output = output;
    l.edge = edges ? req.edge : Edge::none;
    l.active_low = req.active_low;
    l.edges = 0;
  }
  auto lines = std::make_unique<SimGpioLines>(*this, offsets, output, req.active_low, edges);
  for (const unsigned offset : offsets) lines_[offset].seen = level(offset) ^ (req.active_low ? 1 : 0);
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

void SimGpioChip::drive(unsigned line, Source source, NextChange next_change) {
  Line& l = lines_[check(line)];
  l.source = std::move(source);
  l.next_change = std::move(next_change);
  note_edges();
}

void SimGpioChip::set_level(unsigned line, int level) {
  Line& l = lines_[check(line)];
  l.source = nullptr;
  l.next_change = nullptr;
  l.driven = level ? 1 : 0;
  note_edges();
}

void SimGpioChip::stick(unsigned line, std::optional<int> level) {
  lines_[check(line)].stuck = level;
  note_edges();
}

void SimGpioChip::release(unsigned line) {
  lines_[line].requested = false;
  lines_[line].edge = Edge::none;
}

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
  // Only a device that heard the write can have moved its outputs. Lines nobody listens to
  // (LEDs, written from another thread) stay out of the devices' way.
  if (!l.listeners.empty()) note_edges();
}

void SimGpioChip::note_edges() {
  for (unsigned i = 0; i < lines_.size(); ++i) {
    Line& l = lines_[i];
    if (l.edge == Edge::none) continue;
    const int now = level(i) ^ (l.active_low ? 1 : 0);
    if (now == l.seen) continue;
    const bool wanted = l.edge == Edge::both || (now == 0 ? l.edge == Edge::falling : l.edge == Edge::rising);
    if (wanted) ++l.edges;
    l.seen = now;
  }
}

bool SimGpioChip::wait_edges(const std::vector<unsigned>& offsets, Nanos timeout) {
  const auto pending = [&] {
    return std::any_of(offsets.begin(), offsets.end(), [&](unsigned o) { return lines_[o].edges > 0; });
  };
  note_edges();
  if (!pending() && timeout > Nanos{0}) {
    if (clock_ == nullptr) throw std::logic_error(describe() + " has no clock to wait on");
    const Nanos deadline = clock_->now() + timeout;
    // Sleeps to the earliest change a source announces, looks, and goes on until an edge or
    // the deadline. Announcements not after now have been looked at already.
    for (Nanos now = clock_->now(); now < deadline && !pending(); now = clock_->now()) {
      Nanos wake = deadline;
      for (const unsigned o : offsets) {
        const Line& l = lines_[o];
        if (!l.next_change) continue;
        if (const std::optional<Nanos> t = l.next_change(); t && *t > now) wake = std::min(wake, *t);
      }
      clock_->sleep(wake - now);
      note_edges();
    }
  }
  const bool any = pending();
  for (const unsigned o : offsets) lines_[o].edges = 0;
  return any;
}

}  // namespace chairhub::hw
