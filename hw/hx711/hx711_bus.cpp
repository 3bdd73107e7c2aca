#include "hw/hx711/hx711_bus.hpp"

#include <algorithm>
#include <stdexcept>

namespace chairhub::hw {

Hx711Bus::Hx711Bus(GpioLines& sck, GpioLines& dout, Clock& clock, Hx711Timing timing)
    : sck_(sck), dout_(dout), clock_(clock), timing_(timing), levels_(dout.size()) {
  if (sck.size() != 1) throw std::invalid_argument("HX711 bus: the clock must be exactly one line");
  if (dout.size() == 0) throw std::invalid_argument("HX711 bus: no data lines");
}

std::vector<bool> Hx711Bus::wait_ready(const std::vector<bool>& wait_for, Nanos timeout) {
  const Nanos deadline = clock_.now() + timeout;
  Nanos until = deadline;
  std::vector<bool> ready(chips());
  for (bool grace = false;;) {
    // The data bits of the last frame left falling edges behind: drop them before looking, so
    // that every edge still to come means a level not yet seen, and the wait cannot miss one.
    dout_.wait_edges(Nanos{0});
    dout_.get(levels_);
    bool all = true, others = true;
    for (std::size_t i = 0; i < chips(); ++i) {
      ready[i] = levels_[i] == 0;
      if (!ready[i]) (wait_for[i] ? all : others) = false;
    }
    const Nanos now = clock_.now();
    if ((all && others) || now >= until) return ready;
    if (all && !grace) {
      // A chip not waited for (one coming back from a fault) that gets ready just after the
      // others would catch part of the frame's pulses, and again every period while their
      // conversions stay in step: it gets a moment to join.
      grace = true;
      until = std::min(deadline, now + timing_.straggler_wait);
    }
    dout_.wait_edges(until - now);
  }
}

Nanos Hx711Bus::pulse() {
  const Nanos t0 = clock_.now();
  sck_.set_all(1);
  clock_.delay(timing_.high_time);
  sck_.set_all(0);
  return clock_.now() - t0;
}

Hx711Frame Hx711Bus::shift(const std::vector<bool>& read, int extra_pulses) {
  if (extra_pulses < 1 || extra_pulses > 3) {
    throw std::invalid_argument("HX711 bus: 1 to 3 pulses must follow the 24 data bits");
  }
  Hx711Frame frame;
  std::vector<std::uint32_t> bits(chips(), 0);
  const auto note = [&](Nanos high) {
    frame.longest_high = std::max(frame.longest_high, high);
    if (high > timing_.max_high) frame.timing_ok = false;
  };
  // DOUT changes on the rising edge and holds until the next one, so it is sampled after the
  // falling edge: the clock stays high no longer than the pulse itself.
  for (int bit = 0; bit < 24; ++bit) {
    note(pulse());
    dout_.get(levels_);
    for (std::size_t i = 0; i < chips(); ++i) bits[i] = (bits[i] << 1) | (levels_[i] ? 1u : 0u);
  }
  for (int p = 0; p < extra_pulses; ++p) note(pulse());
  // The 25th pulse drives DOUT high; still low means the line is stuck (or shorted to ground).
  dout_.get(levels_);
  frame.raw.resize(chips());
  frame.status.resize(chips());
  for (std::size_t i = 0; i < chips(); ++i) {
    frame.raw[i] = sign_extend_24(bits[i]);
    if (!read[i]) {
      frame.status[i] = Hx711Line::not_read;
    } else {
      frame.status[i] = levels_[i] == 0 ? Hx711Line::stuck_low : Hx711Line::ok;
    }
  }
  return frame;
}

void Hx711Bus::power_down() {
  sck_.set_all(1);
  clock_.sleep(Nanos{100000});
}

void Hx711Bus::power_up() { sck_.set_all(0); }

}  // namespace chairhub::hw
