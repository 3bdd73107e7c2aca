#pragma once
// The events the analysis raises: one type each, gathered in one variant. The analysis fills
// them and the sinks read them by type. Each type names its published fields, in order, in its
// `fields(out)`: its one home. events/event_json.* writes them as the public JSON form (what
// `replay` prints and MQTT publishes): doubles rounded to milliseconds, enumerations by name, an
// optional given as a field null when empty; a field left out is not published.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "core/baseline.hpp"
#include "core/fault.hpp"
#include "core/nudge_reason.hpp"
#include "core/posture.hpp"

namespace chairhub {

// The events' names, as in their JSON "type".
enum class EventType {
  seated,
  stood_up,
  posture,
  feet,
  break_due,
  break_taken,
  nudge,
  sensor_fault,
  sensor_ok,
  baseline,
};
std::string_view to_string(EventType type);

// Someone sat down (after the occupancy debounce).
struct Seated {
  static constexpr EventType kType = EventType::seated;
  template <typename Out>
  void fields(Out&) const {}
};

// The chair became empty.
struct StoodUp {
  static constexpr EventType kType = EventType::stood_up;
  template <typename Out>
  void fields(Out&) const {}
};

// The reported posture changed; `previous` is empty for the first posture of a sitting.
struct PostureChange {
  static constexpr EventType kType = EventType::posture;
  Posture posture;
  std::optional<Posture> previous;
  template <typename Out>
  void fields(Out& out) const {
    out("posture", posture);
    out("previous", previous);  // null for the first
  }
};

// The feet became flat on the floor, or stopped being so.
struct FeetChange {
  static constexpr EventType kType = EventType::feet;
  bool flat;
  template <typename Out>
  void fields(Out& out) const {
    out("flat", flat);
  }
};

// A gentle movement suggested with a break.
struct Suggestion {
  std::string name;
  std::string how;
};

// The session reached the break interval (and again at every repeat).
struct BreakDue {
  static constexpr EventType kType = EventType::break_due;
  static constexpr std::string_view kAdvice = "Move slowly, and stop if you feel sharp pain.";
  double sitting_s;  // seated in this session
  double session_s;  // since the session began, short absences included
  // Empty when no movement fits. Not an optional: GCC 14 warns falsely (maybe-uninitialized)
  // about an optional of strings moved inside the variant.
  Suggestion movement;
  template <typename Out>
  void fields(Out& out) const {
    out("sitting_s", sitting_s);
    out("session_s", session_s);
    if (!movement.name.empty()) {
      out("movement", movement.name);
      out("how", movement.how);
    }
    out("advice", kAdvice);
  }
};

// An absence long enough to count as a break ended the session.
struct BreakTaken {
  static constexpr EventType kType = EventType::break_taken;
  double away_s;
  double sitting_s;  // seated in the session that ended
  template <typename Out>
  void fields(Out& out) const {
    out("away_s", away_s);
    out("sitting_s", sitting_s);
  }
};

// The sitter is reminded of something.
struct Nudge {
  static constexpr EventType kType = EventType::nudge;
  NudgeReason reason;
  std::string_view message;        // a fixed sentence for the sitter
  std::optional<Posture> posture;  // the posture a posture nudge is about
  template <typename Out>
  void fields(Out& out) const {
    out("reason", reason);
    out("message", message);
    if (posture) out("posture", *posture);
  }
};

// A channel's sensor became faulty.
struct SensorFault {
  static constexpr EventType kType = EventType::sensor_fault;
  std::string channel;
  Fault fault;
  template <typename Out>
  void fields(Out& out) const {
    out("channel", channel);
    out("fault", fault);
  }
};

// A faulty channel reads well again.
struct SensorOk {
  static constexpr EventType kType = EventType::sensor_ok;
  std::string channel;
  template <typename Out>
  void fields(Out& out) const {
    out("channel", channel);
  }
};

// Where an upright baseline came from.
enum class BaselineSource {
  window,  // averaged over a window of samples the user named
  auto_learnt,  // learnt from the sitter's first stretch of upright sitting ("auto")
  set,     // given directly (restored from the state file, or by a command)
};
std::string_view to_string(BaselineSource source);

// The sitter's upright baseline was learnt, or a requested window held nobody.
struct BaselineUpdate {
  static constexpr EventType kType = EventType::baseline;
  BaselineSource source;
  std::optional<Baseline> baseline;  // empty when it could not be learnt
  std::string_view error;            // why not, when `baseline` is empty
  template <typename Out>
  void fields(Out& out) const {
    out("source", source);
    if (!baseline) {
      out("error", error);
      return;
    }
    out("cop_x", baseline->cop_x);
    out("cop_y", baseline->cop_y);
    if (baseline->lumbar) out("lumbar", *baseline->lumbar);
  }
};

using EventData = std::variant<Seated, StoodUp, PostureChange, FeetChange, BreakDue, BreakTaken, Nudge,
                               SensorFault, SensorOk, BaselineUpdate>;

struct Event {
  // The event's own type is constructed in place: moving a finished variant makes GCC 14 at -O2
  // warn falsely (maybe-uninitialized), and clang 14 has no parenthesised aggregate init.
  template <class T>
  Event(double t_, T&& event) : t(t_), data(std::forward<T>(event)) {}

  double t = 0;  // seconds on the sample time base
  EventData data;

  EventType type() const {
    return std::visit([](const auto& e) { return std::decay_t<decltype(e)>::kType; }, data);
  }
  template <class T>
  bool is() const {
    return std::holds_alternative<T>(data);
  }
};

// Anything that consumes events: stdout, MQTT, the LED and buzzer.
class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void on_event(const Event& event) = 0;
};

// Drops every event: for runs that want only the analysis's state or timing.
class NullSink : public EventSink {
 public:
  void on_event(const Event&) override {}
};

}  // namespace chairhub
