#include "hw/sim/hx711_model.hpp"

#include <algorithm>
#include <cmath>

namespace chairhub::hw {
namespace {
constexpr Nanos kPowerDownAfter{60000};  // datasheet: PD_SCK high for more than 60 us
constexpr std::int32_t kMaxCode = 0x7FFFFF, kMinCode = -0x800000;

int gain_of(int pulses_after_data) { return pulses_after_data == 2 ? 32 : pulses_after_data == 3 ? 64 : 128; }
}  // namespace

Hx711Model::Hx711Model(SimGpioChip& chip, unsigned sck_line, unsigned dout_line, Clock& clock,
                       int rate_sps, double avdd)
    : clock_(clock), rate_(rate_sps), avdd_(avdd) {
  reset(clock_.now());
  chip.use_clock(clock);
  chip.on_change(sck_line, [this](int level) { edge(level); });
  chip.drive(dout_line, [this] { return dout(); }, [this] { return next_change(); });
}

std::int32_t Hx711Model::code_for(double volts, int gain, double avdd) {
  const double full_scale = 0.5 * avdd / gain;
  const double code = std::round(volts / full_scale * 8388608.0);
  return static_cast<std::int32_t>(std::clamp<double>(code, kMinCode, kMaxCode));
}

double Hx711Model::volts_for(std::int32_t code, int gain, double avdd) {
  return code / 8388608.0 * (0.5 * avdd / gain);
}

void Hx711Model::set_input(Input input, double volts) {
  (input == Input::a ? input_a_ : input_b_) = volts;
}

void Hx711Model::set_connected(bool on) {
  if (on && !connected_) reset(clock_.now());  // power returns: a fresh start
  connected_ = on;
}

bool Hx711Model::powered_down() const { return sck_high_ && clock_.now() - rise_at_ > kPowerDownAfter; }

int Hx711Model::gain() const { return gain_of(pulses_after_data_); }

void Hx711Model::reset(Nanos now) {
  state_ = State::converting;
  pulses_after_data_ = 1;
  pulse_ = 0;
  next_ready_ = now + 4 * period();
}

void Hx711Model::update(Nanos now) {
  if ((state_ == State::converting || state_ == State::done) && !never_ready_ && now >= next_ready_) {
    state_ = State::ready;
  }
}

void Hx711Model::select(int pulses_after_data) {
  // Recomputed from the frame's start on each extra pulse, so pulse 25 passing through
  // "A/128" on the way to 27 does not count as a change.
  pulses_after_data_ = pulses_after_data;
  next_ready_ = pulses_after_data == read_selection_ ? grid_next_ : done_at_ + 4 * period();
}

void Hx711Model::edge(int level) {
  if (!connected_) return;
  const Nanos now = clock_.now();
  if (level && !sck_high_) {
    sck_high_ = true;
    rise_at_ = now;
    update(now);
    switch (state_) {
      case State::converting: break;  // pulses while no data waits are ignored
      case State::ready: {
        const Input in = pulses_after_data_ == 2 ? Input::b : Input::a;
        const double volts = signal_ ? signal_(in, now) : (in == Input::a ? input_a_ : input_b_);
        word_ = static_cast<std::uint32_t>(code_for(volts, gain(), avdd_)) & 0xFFFFFFu;
        state_ = State::shifting;
        pulse_ = 1;
        break;
      }
      case State::shifting:
        if (++pulse_ == 25) {
          // Data done; conversions go on at the period, or after settling if the choice changes.
          state_ = State::done;
          ++reads_;
          read_selection_ = pulses_after_data_;
          done_at_ = now;
          grid_next_ = next_ready_;
          while (grid_next_ <= now) grid_next_ += period();
          select(1);
        }
        break;
      case State::done:
        if (++pulse_ <= 27) select(pulse_ - 24);
        break;
    }
  } else if (!level && sck_high_) {
    sck_high_ = false;
    if (now - rise_at_ > kPowerDownAfter) {
      ++power_downs_;
      reset(now);
    }
  }
}

std::optional<Nanos> Hx711Model::next_change() const {
  if (!connected_) return std::nullopt;  // floats high until plugged in
  std::optional<Nanos> next;
  if (sck_high_) {
    const Nanos power_down = rise_at_ + kPowerDownAfter + Nanos{1};
    if (clock_.now() >= power_down) return std::nullopt;  // high until the clock goes low
    next = power_down;
  }
  // Between frames DOUT falls when the next conversion is done; during one it moves only with
  // the clock.
  if ((state_ == State::converting || state_ == State::done) && !never_ready_) {
    next = next ? std::min(*next, next_ready_) : next_ready_;
  }
  return next;
}

int Hx711Model::dout() {
  if (!connected_) return 1;
  const Nanos now = clock_.now();
  if (sck_high_ && now - rise_at_ > kPowerDownAfter) return 1;
  update(now);
  switch (state_) {
    case State::ready: return 0;
    case State::shifting: return static_cast<int>((word_ >> (24 - pulse_)) & 1u);
    default: return 1;
  }
}

}  // namespace chairhub::hw
