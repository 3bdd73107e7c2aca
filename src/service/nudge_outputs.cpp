#include "service/nudge_outputs.hpp"

namespace chairhub {

void NudgeOutputs::play_on(hw::PatternPlayer& player, hw::Clock& clock) {
  thread_.reset();  // one player thread at a time
  thread_ = std::make_unique<hw::PlayerThread>(player, clock);
}

void NudgeOutputs::show(NudgeReason reason, bool sound) {
  if (!thread_) {
    journal_(LogLevel::notice,
             "nudge " + std::string(to_string(reason)) + (sound ? " (light and sound)" : " (light)"));
    return;
  }
  thread_->set_buzzer_enabled(sound);  // not on the player: its thread may be playing it
  thread_->play(hw::nudge_pattern(reason));
}

}  // namespace chairhub
