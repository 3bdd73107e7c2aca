#pragma once
// Samples gathered on the reader thread and handed to the event loop together: at 80 samples a
// second the loop wakes once for four of them instead of once for each. A live chair's events
// come at most 40 ms later for it (people do not notice), and keep the time of the sample that
// decided them.
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "core/sample.hpp"

namespace chairhub {

class SampleBatch {
 public:
  static constexpr double kSpanS = 0.05;  // sample time a batch may span, with the next interval
  // A log played as fast as possible goes at this many, whatever its times say.
  static constexpr std::size_t kMaxSamples = 32;

  // Adds a sample; true when the batch is due: when the next sample, coming after the same
  // interval as this one, would stretch it past kSpanS. At 80 Hz every fourth sample takes three
  // others along; at 1 Hz, or for the first sample of all, each goes at once.
  bool add(const Sample& sample) {
    const double interval = last_t_ ? sample.t - *last_t_ : kSpanS;
    last_t_ = sample.t;
    samples_.push_back(sample);
    return samples_.size() >= kMaxSamples || sample.t - samples_.front().t + interval >= kSpanS;
  }
  bool empty() const { return samples_.empty(); }
  std::vector<Sample> take() { return std::exchange(samples_, {}); }

 private:
  std::vector<Sample> samples_;
  std::optional<double> last_t_;
};

}  // namespace chairhub
