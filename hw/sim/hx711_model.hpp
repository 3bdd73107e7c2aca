#pragma once
// A software HX711 that follows the datasheet at the pins: DOUT low while a conversion waits,
// 24-bit two's complement shifted out MSB first on rising PD_SCK edges, the 25th pulse pulls
// DOUT high, 25/26/27 pulses select channel and gain of the next conversion, PD_SCK high for
// over 60 us powers the chip down and taking it low resets it to channel A, gain 128.
// Conversions run free at 10 or 80 per second; the first after power-up or a change of input or
// gain comes after the settling time (4 periods). Time comes from the injected Clock, which the
// chip also sleeps on while the program waits for DOUT to fall.
#include <cstdint>
#include <functional>
#include <optional>

#include "hw/sim/sim_gpio.hpp"
#include "hw/util/clock.hpp"

namespace chairhub::hw {

class Hx711Model {
 public:
  enum class Input { a, b };
  // Differential input voltage of a channel at time t.
  using Signal = std::function<double(Input input, Nanos t)>;

  Hx711Model(SimGpioChip& chip, unsigned sck_line, unsigned dout_line, Clock& clock,
             int rate_sps = 10, double avdd = 5.0);

  void set_input(Input input, double volts);
  void set_signal(Signal signal) { signal_ = std::move(signal); }

  // Output code for an input voltage at a gain: full scale is +-0.5 * AVDD / gain.
  static std::int32_t code_for(double volts, int gain, double avdd = 5.0);
  // The input voltage that gives `code` at `gain`: lets tests think in counts.
  static double volts_for(std::int32_t code, int gain, double avdd = 5.0);

  // Fault injection.
  void set_never_ready(bool on) { never_ready_ = on; }
  void set_connected(bool on);  // unplugged: DOUT floats high (pull-up), clock not seen

  // Observation.
  bool powered_down() const;
  int gain() const;              // gain of the conversion now running
  int conversions_read() const { return reads_; }
  int power_downs() const { return power_downs_; }

 private:
  enum class State { converting, ready, shifting, done };
  void edge(int level);
  int dout();
  std::optional<Nanos> next_change() const;  // when DOUT may next move by itself
  void update(Nanos now);
  void reset(Nanos now);
  void select(int pulses_after_data);
  Nanos period() const { return Nanos{1000000000LL / rate_}; }

  Clock& clock_;
  int rate_;
  double avdd_;
  double input_a_ = 0, input_b_ = 0;
  Signal signal_;
  bool never_ready_ = false;
  bool connected_ = true;

  State state_ = State::converting;
  int pulses_after_data_ = 1;  // 1..3: the selection of the conversion now running
  Nanos next_ready_{0};
  bool sck_high_ = false;
  Nanos rise_at_{0};
  int pulse_ = 0;  // pulses in the current read
  int read_selection_ = 1;  // selection of the conversion being read out
  Nanos done_at_{0};
  Nanos grid_next_{0};
  std::uint32_t word_ = 0;
  int reads_ = 0;
  int power_downs_ = 0;
};

}  // namespace chairhub::hw
