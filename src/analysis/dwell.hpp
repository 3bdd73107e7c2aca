#pragma once
// A value that changes only after its new candidate has held for a while. Occupancy, posture
// and feet all use it, so brief fidgeting raises nothing.
#include <optional>

namespace chairhub {

template <typename T>
class Dwell {
 public:
  explicit Dwell(double dwell_s) : dwell_s_(dwell_s) {}

  // Feeds the instantaneous value; returns true when the held value changed at this sample.
  bool update(double t, const T& value) {
    if (take_next_) {
      take_next_ = false;
      if (held_ && !(value == *held_)) {
        held_ = value;
        candidate_.reset();
        return true;
      }
    }
    if (held_ && value == *held_) {
      candidate_.reset();
      return false;
    }
    if (!candidate_ || !(value == *candidate_)) {
      candidate_ = value;
      since_ = t;
    }
    if (t - since_ >= dwell_s_) {
      held_ = value;
      candidate_.reset();
      return true;
    }
    return false;
  }

  const std::optional<T>& held() const { return held_; }
  void reset() {
    held_.reset();
    candidate_.reset();
  }
  void set_dwell(double dwell_s) { dwell_s_ = dwell_s; }
  // The held value was judged by a measure that has since changed (a posture against another
  // baseline): the next value is taken at once, since it says nothing about the sitter moving.
  void take_next() { take_next_ = true; }

 private:
  double dwell_s_;
  std::optional<T> held_;
  std::optional<T> candidate_;
  double since_ = 0;
  bool take_next_ = false;
};

}  // namespace chairhub
