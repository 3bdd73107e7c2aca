#pragma once
// Where live samples come from: the chair's hardware, the built-in simulated chair, or a log
// played as if live. The daemon reads a source on its own thread and hands each sample to the
// analysis, the same code that replays logs.
#include <optional>
#include <string>

#include "core/sample.hpp"
#include "sim/simulated_chair.hpp"

namespace chairhub {

class SampleSource {
 public:
  virtual ~SampleSource() = default;
  // Blocks until the next sample is due, then fills it. False when the source has ended (a log
  // played to its end) or stop() was called.
  virtual bool next(Sample& sample) = 0;
  // Asks a blocked next() to return soon; called from another thread.
  virtual void stop() = 0;
  virtual std::string describe() const = 0;
  // What a guided calibration asks the person to put on the chair, held by a simulated chair's
  // person from the next sample on (none: its scenario again). Real sensors have a real person,
  // so they ignore it. Called from another thread.
  virtual void hold(const std::optional<HeldLoad>& load) { (void)load; }
};

}  // namespace chairhub
