#include "hw/output/pattern.hpp"

#include <array>
#include <stdexcept>

namespace chairhub::hw {

using std::chrono::milliseconds;

namespace {

PatternStep on(int ms, bool buzz = true) { return {true, buzz, milliseconds{ms}}; }
PatternStep off(int ms) { return {false, false, milliseconds{ms}}; }

}  // namespace

Nanos Pattern::total() const {
  Nanos t{0};
  for (const auto& s : steps) t += s.duration;
  return t * repeat;
}

Pattern nudge_pattern(NudgeReason reason) {
  // Rhythms rather than lengths tell the reasons apart: two quick, long-short, three quick,
  // and a slow rising train with the light held on for a break.
  const std::string name(to_string(reason));
  switch (reason) {
    case NudgeReason::lumbar: return {name, {on(120), off(150), on(120), off(600)}, 1};
    case NudgeReason::feet: return {name, {on(500), off(200), on(120), off(600)}, 1};
    case NudgeReason::posture: return {name, {on(100), off(100), on(100), off(100), on(100), off(600)}, 1};
    case NudgeReason::brk:
      return {name,
              {on(60), {true, false, milliseconds{240}}, on(120), {true, false, milliseconds{180}}, on(240),
               {true, false, milliseconds{900}}, off(300)},
              2};
  }
  return {name, {}, 1};
}

Pattern blink_code(int count) {
  Pattern p{"blink " + std::to_string(count), {}, 1};
  for (int i = 0; i < count; ++i) {
    p.steps.push_back(on(200, false));
    p.steps.push_back(off(300));
  }
  p.steps.push_back(off(700));
  return p;
}

Pattern chirp(milliseconds length) {
  return Pattern{"chirp", {{false, true, length}, off(50)}, 1};
}

PatternPlayer::PatternPlayer(GpioLines& lines, std::vector<OutputKind> kinds)
    : lines_(lines), kinds_(std::move(kinds)), levels_(kinds_.size(), 0) {
  if (lines.size() != kinds_.size()) {
    throw std::invalid_argument("pattern player: " + std::to_string(lines.size()) + " lines but " +
                                std::to_string(kinds_.size()) + " output kinds");
  }
  apply({});
}

const std::string& PatternPlayer::current() const {
  static const std::string idle;
  return pattern_ ? pattern_->name : idle;
}

void PatternPlayer::apply(const PatternStep& s) {
  std::vector<int> want(kinds_.size(), 0);
  for (std::size_t i = 0; i < kinds_.size(); ++i) {
    if (only_ && *only_ != i) continue;
    want[i] = kinds_[i] == OutputKind::led ? s.led : (s.buzz && buzzer_enabled_);
  }
  if (want != levels_) {  // only touch the lines when something changes
    lines_.set(want);
    levels_ = want;
  }
}

void PatternPlayer::play(const Pattern& pattern, Nanos now, std::optional<std::size_t> only) {
  if (only && *only >= kinds_.size()) throw std::out_of_range("pattern player: no output " + std::to_string(*only));
  apply({});
  pattern_ = pattern;
  only_ = only;
  started_ = now;
  step(now);
}

void PatternPlayer::stop() {
  pattern_.reset();
  apply({});
  only_.reset();
}

std::optional<Nanos> PatternPlayer::step(Nanos now) {
  if (!pattern_) return std::nullopt;
  const Nanos cycle = pattern_->total() / std::max(1, pattern_->repeat);
  const Nanos elapsed = now - started_;
  if (cycle <= Nanos{0} || elapsed >= pattern_->total()) {
    stop();
    return std::nullopt;
  }
  Nanos at = elapsed % cycle;
  const Nanos cycle_start = now - at;
  Nanos step_end{0};
  for (const PatternStep& s : pattern_->steps) {
    step_end += s.duration;
    if (at < step_end) {
      apply(s);
      return cycle_start + step_end;
    }
  }
  return now;  // not reached: `at` is below the cycle length
}

PlayerThread::PlayerThread(PatternPlayer& player, Clock& clock)
    : player_(player), clock_(clock), thread_([this] { run(); }) {}

PlayerThread::~PlayerThread() {
  {
    std::lock_guard lock(mutex_);
    quit_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void PlayerThread::play(const Pattern& pattern, std::optional<std::size_t> only) {
  {
    std::lock_guard lock(mutex_);
    player_.play(pattern, clock_.now(), only);
  }
  wake_.notify_all();
}

void PlayerThread::stop() {
  std::lock_guard lock(mutex_);
  player_.stop();
}

bool PlayerThread::playing() {
  std::lock_guard lock(mutex_);
  return player_.playing();
}

void PlayerThread::set_buzzer_enabled(bool on) {
  std::lock_guard lock(mutex_);
  player_.set_buzzer_enabled(on);
}

void PlayerThread::run() {
  std::unique_lock lock(mutex_);
  while (!quit_) {
    const std::optional<Nanos> next = player_.step(clock_.now());
    if (!next) {
      wake_.wait(lock);
    } else {
      wake_.wait_for(lock, *next - clock_.now());
    }
  }
  player_.stop();
}

}  // namespace chairhub::hw
