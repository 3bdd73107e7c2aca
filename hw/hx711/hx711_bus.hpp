#pragma once
// HX711, layer 1: the timing-critical bit-bang. Several chips share one clock (PD_SCK) line and
// each has its own data (DOUT) line; all are shifted in parallel with bulk line reads.
// This layer knows pulses and microseconds, not gains or faults (that is Hx711Array's job).
#include <cstdint>
#include <vector>

#include "hw/gpio/gpio.hpp"
#include "hw/util/clock.hpp"

namespace chairhub::hw {

struct Hx711Timing {
  Nanos high_time{1000};  // clock high per pulse; the datasheet wants 0.2 to 50 us
  // A measured high phase longer than this may have crossed the 60 us power-down limit, or the
  // data line may have been sampled late: the whole frame is then discarded.
  Nanos max_high{50000};
  Nanos wait_margin{1000000};  // added to each wait for data beyond the conversion periods
  // Once the chips waited for are ready, how long the others may take to join the frame.
  Nanos straggler_wait{1000000};
};

enum class Hx711Line { ok, not_read, stuck_low };

struct Hx711Frame {
  std::vector<std::int32_t> raw;   // sign-extended 24-bit values, meaningful where status is ok
  std::vector<Hx711Line> status;   // per chip
  bool timing_ok = true;           // false: some clock high phase exceeded max_high
  Nanos longest_high{0};
};

class Hx711Bus {
 public:
  // sck: one output line, dout: one input line per chip, requested with falling-edge detection
  // (LineRequest::inputs(lines, bias, Edge::falling)).
  Hx711Bus(GpioLines& sck, GpioLines& dout, Clock& clock, Hx711Timing timing = {});

  std::size_t chips() const { return dout_.size(); }

  // Waits until every chip in `wait_for` is ready (DOUT low) or `timeout` passes, sleeping on
  // DOUT's falling edges rather than polling; the chips not waited for then get up to
  // `straggler_wait` to join. Returns the readiness of all chips at the last look, so a chip
  // not waited for is still reported.
  std::vector<bool> wait_ready(const std::vector<bool>& wait_for, Nanos timeout);

  // Clocks 24 data bits and `extra_pulses` (1..3) more out of the chips marked in `read`.
  // A chip whose DOUT is still low after the last pulse is reported stuck_low.
  Hx711Frame shift(const std::vector<bool>& read, int extra_pulses);

  // Holding the clock high for over 60 us powers the chips down; taking it low wakes them
  // (then at channel A, gain 128).
  void power_down();
  void power_up();

 private:
  // One clock pulse, timed from before the rising edge to after the falling edge.
  Nanos pulse();

  GpioLines& sck_;
  GpioLines& dout_;
  Clock& clock_;
  Hx711Timing timing_;
  std::vector<int> levels_;
};

// Sign-extends a 24-bit two's complement value.
constexpr std::int32_t sign_extend_24(std::uint32_t v) {
  v &= 0xFFFFFFu;
  return (v & 0x800000u) ? static_cast<std::int32_t>(v) - 0x1000000 : static_cast<std::int32_t>(v);
}

}  // namespace chairhub::hw
