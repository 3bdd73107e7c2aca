#pragma once
// LED and buzzer patterns (blink codes, chirps) and a player that runs them from timers. The
// player never sleeps: step(now) applies what is due and says when it wants to be called next,
// so it runs from a steady_timer, a test loop or the PlayerThread below without ever holding up
// the sensor reader.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/nudge_reason.hpp"
#include "hw/gpio/gpio.hpp"
#include "hw/util/clock.hpp"

namespace chairhub::hw {

enum class OutputKind { led, buzzer };

struct PatternStep {
  bool led = false;
  bool buzz = false;
  Nanos duration{0};
};

struct Pattern {
  std::string name;
  std::vector<PatternStep> steps;
  int repeat = 1;
  Nanos total() const;
};

// Each nudge reason has its own pattern so the person can tell them apart without looking.
Pattern nudge_pattern(NudgeReason reason);
// Plain patterns for `chairhub probe` and status codes.
Pattern blink_code(int count);
Pattern chirp(std::chrono::milliseconds length = std::chrono::milliseconds{150});

class PatternPlayer {
 public:
  // `lines` holds every output in order; kinds[i] says what output i is.
  PatternPlayer(GpioLines& lines, std::vector<OutputKind> kinds);

  // Starts `pattern` at `now`, replacing whatever plays; `only` limits it to one output.
  void play(const Pattern& pattern, Nanos now, std::optional<std::size_t> only = std::nullopt);
  void stop();
  // Applies the step due at `now`; returns when to call again, nullopt when idle.
  std::optional<Nanos> step(Nanos now);
  bool playing() const { return pattern_.has_value(); }
  const std::string& current() const;
  // Quiet hours: patterns still blink but do not beep.
  void set_buzzer_enabled(bool on) { buzzer_enabled_ = on; }

 private:
  void apply(const PatternStep& s);

  GpioLines& lines_;
  std::vector<OutputKind> kinds_;
  std::optional<Pattern> pattern_;
  std::optional<std::size_t> only_;
  Nanos started_{0};
  bool buzzer_enabled_ = true;
  std::vector<int> levels_;
};

// Runs a PatternPlayer on its own thread with the steady clock.
class PlayerThread {
 public:
  PlayerThread(PatternPlayer& player, Clock& clock);
  ~PlayerThread();
  PlayerThread(const PlayerThread&) = delete;
  PlayerThread& operator=(const PlayerThread&) = delete;

  void play(const Pattern& pattern, std::optional<std::size_t> only = std::nullopt);
  void stop();
  bool playing();
  // The player is shared with the thread: change it through here, under the lock.
  void set_buzzer_enabled(bool on);

 private:
  void run();

  PatternPlayer& player_;
  Clock& clock_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool quit_ = false;
  std::thread thread_;
};

}  // namespace chairhub::hw
