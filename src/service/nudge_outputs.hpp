#pragma once
// Where chairhubd shows a nudge: the pattern on the chair's LED (and buzzer, when asked to sound)
// if the open sensor source has outputs, a log line otherwise. The outputs come and go with the
// source (a chair that is not wired yet has none), so the nudge driver keeps this one Indicator
// and the daemon tells it which outputs are there.
#include <memory>
#include <string>

#include "hw/output/pattern.hpp"
#include "hw/util/clock.hpp"
#include "service/journal.hpp"
#include "service/nudge_driver.hpp"

namespace chairhub {

class NudgeOutputs : public Indicator {
 public:
  explicit NudgeOutputs(const Journal& journal) : journal_(journal) {}

  // The open source's LED and buzzer; log_only() before that source is closed.
  void play_on(hw::PatternPlayer& player, hw::Clock& clock);
  void log_only() { thread_.reset(); }  // stops the thread playing on the old outputs
  void show(NudgeReason reason, bool sound) override;

 private:
  const Journal& journal_;
  std::unique_ptr<hw::PlayerThread> thread_;
};

}  // namespace chairhub
