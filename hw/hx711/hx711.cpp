#include "hw/hx711/hx711.hpp"

#include <algorithm>
#include <stdexcept>

namespace chairhub::hw {

std::optional<Hx711Gain> hx711_gain_from_number(int gain) {
  switch (gain) {
    case 128: return Hx711Gain::a128;
    case 64: return Hx711Gain::a64;
    case 32: return Hx711Gain::b32;
    default: return std::nullopt;
  }
}

int hx711_gain_number(Hx711Gain gain) {
  switch (gain) {
    case Hx711Gain::a128: return 128;
    case Hx711Gain::a64: return 64;
    case Hx711Gain::b32: return 32;
  }
  return 0;
}

std::string_view to_string(Hx711Status status) {
  switch (status) {
    case Hx711Status::ok: return "ok";
    case Hx711Status::not_ready: return "not ready";
    case Hx711Status::stuck_low: return "data line stuck low";
    case Hx711Status::timing: return "clock pulses too long";
    case Hx711Status::settling: return "settling";
  }
  return "?";
}

Hx711Array::Hx711Array(GpioLines& sck, GpioLines& dout, Clock& clock, Hx711Settings settings)
    : bus_(sck, dout, clock, settings.timing),
      clock_(clock),
      settings_(settings),
      failures_(dout.size(), 0),
      last_(dout.size(), Hx711Status::ok),
      resync_(dout.size(), false) {
  if (settings.rate_sps != 10 && settings.rate_sps != 80) {
    throw std::invalid_argument("HX711 rate must be 10 or 80 samples/s");
  }
  power_up();
}

Nanos Hx711Array::period() const { return Nanos{1000000000LL / settings_.rate_sps}; }

Nanos Hx711Array::settling_time() const { return period() * 4; }

void Hx711Array::power_down() { bus_.power_down(); }

void Hx711Array::power_up() {
  bus_.power_up();
  gain_set_ = settings_.gain == Hx711Gain::a128;
  settle_until_ = clock_.now() + settling_time();
}

std::string Hx711Array::fault_message(std::size_t chip) const {
  if (!faulted(chip)) return {};
  switch (last_[chip]) {
    case Hx711Status::not_ready:
      return "HX711 never became ready: check its power (VCC, 2.7-5.5 V), ground and the DOUT "
             "wire, or DOUT is stuck high";
    case Hx711Status::stuck_low:
      return "HX711 data line stuck low: DOUT shorted to ground or the chip is damaged";
    case Hx711Status::timing:
      return "HX711 clock pulses keep running too long: the reader is preempted; give it "
             "real-time priority or lower the system load";
    default: return "HX711 reads keep failing";
  }
}

Hx711Reading Hx711Array::read() {
  const std::size_t n = chips();
  Hx711Reading out;
  out.values.assign(n, std::nullopt);
  out.status.assign(n, Hx711Status::not_ready);

  // Wait for the healthy chips only, so a dead chip does not slow the others down; a faulted
  // chip that shows data again is read along and recovers.
  std::vector<bool> wait_for(n);
  for (std::size_t i = 0; i < n; ++i) wait_for[i] = !faulted(i);
  for (int attempt = 0; attempt <= settings_.retries; ++attempt) {
    if (read_frame(wait_for, out)) break;
  }
  count_failures(out);
  return out;
}

bool Hx711Array::read_frame(const std::vector<bool>& wait_for, Hx711Reading& out) {
  // Two periods cover a conversion just missed plus oscillator spread; after power-up or a
  // change of gain the chips show no data until they have settled.
  Nanos timeout = period() * 2 + settings_.timing.wait_margin;
  const Nanos now = clock_.now();
  if (settle_until_ > now) timeout += settle_until_ - now;
  const std::vector<bool> ready = bus_.wait_ready(wait_for, timeout);
  bool any = false;
  for (bool r : ready) any = any || r;
  if (!any) return true;

  const Hx711Frame frame = bus_.shift(ready, static_cast<int>(settings_.gain));
  out.longest_high = std::max(out.longest_high, frame.longest_high);
  if (!frame.timing_ok) {
    // A chip may have powered down and reset to A/128 mid-frame; its bits are suspect too.
    ++out.discarded_frames;
    gain_set_ = settings_.gain == Hx711Gain::a128;
    for (std::size_t i = 0; i < ready.size(); ++i) {
      if (ready[i]) out.status[i] = Hx711Status::timing;
    }
    // A chip that powered down needs its settling time before it shows data again.
    settle_until_ = clock_.now() + settling_time();
    return false;
  }
  bool resynced = false;
  for (std::size_t i = 0; i < ready.size(); ++i) {
    if (frame.status[i] == Hx711Line::stuck_low) {
      out.status[i] = Hx711Status::stuck_low;
    } else if (frame.status[i] == Hx711Line::ok) {
      if (!gain_set_ || resync_[i]) {
        out.status[i] = Hx711Status::settling;
        resynced = resynced || resync_[i];
      } else {
        out.status[i] = Hx711Status::ok;
        out.values[i] = frame.raw[i];
      }
    }
  }
  if (!gain_set_ || resynced) {
    // This frame's pulses changed the gain, of all chips or of one that took the pulses of
    // frames it missed as a choice of gain: its next conversion comes after settling, and no
    // frame may come before, or its pulses would land in that conversion and choose again.
    settle_until_ = clock_.now() + settling_time();
    gain_set_ = true;
  }
  return true;
}

void Hx711Array::count_failures(const Hx711Reading& out) {
  for (std::size_t i = 0; i < out.status.size(); ++i) {
    const Hx711Status s = out.status[i];
    // A chip skipped by a frame may have turned ready during it and taken part of the pulses:
    // its next word can be half-shifted.
    resync_[i] = s == Hx711Status::not_ready;
    if (s == Hx711Status::ok || s == Hx711Status::settling) {
      failures_[i] = 0;
    } else {
      ++failures_[i];
    }
    last_[i] = s;
  }
}

}  // namespace chairhub::hw
