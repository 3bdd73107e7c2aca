#pragma once
// What the page shows of the chair and what it may ask of it. chairhubd provides it
// (service/daemon_web), the tests a stand-in; the page never reaches past it.
#include <optional>
#include <string>
#include <vector>

#include "analysis/chair_state.hpp"
#include "core/fault.hpp"

namespace chairhub::web {

// What an action made of the chair, in words for the person.
struct Outcome {
  bool ok = true;
  std::string message;
};

// The live view's picture, every sample.
struct LiveView {
  ChairState state;
  std::optional<double> next_break_s;  // until the next break is due while seated
};

// One sensor as the wiring check sees it.
struct WiringRow {
  std::string channel;
  std::string role;            // "seat", "back", "foot"
  bool wired = true;           // named in [hardware]
  std::optional<double> raw;   // the latest reading, in the chip's counts
  std::optional<Fault> fault;  // none while healthy
};

struct Wiring {
  std::string source;   // "the chair's sensors (HX711 x4, ADS1115 x1)", "a simulated chair"
  std::string waiting;  // why no sample comes, when none does (empty: they come)
  std::vector<WiringRow> rows;
};

// A setting as the page lists it: what it is, its value, and where to change it.
struct SettingRow {
  std::string name;
  std::string value;
  std::string where;
};

// A guided calibration, step by step: what the person does now and what the sensors see.
enum class Guide { chair, postures };

struct GuideView {
  bool running = false;
  int step = 0;    // 1-based, of `steps`
  int steps = 0;
  std::string title;        // "the empty chair", "upright"
  std::string instruction;  // what to do now
  bool measuring = false;
  double progress = 0;      // 0..1 of the step's measuring
  std::string seen;         // what the sensors see now, in words
  std::optional<Outcome> finished;  // set once it ended: saved, or why not
};

class ChairPort {
 public:
  virtual ~ChairPort() = default;
  virtual LiveView live() const = 0;
  virtual Wiring wiring() const = 0;
  virtual std::vector<SettingRow> settings() const = 0;
  virtual std::string history_file() const = 0;  // empty: no history is kept
  virtual Outcome tare() = 0;
  // `kg`: the known weight of a chair calibration (unused for postures).
  virtual Outcome start_guide(Guide guide, double kg) = 0;
  virtual Outcome guide_step_ready(Guide guide) = 0;  // the person did what the step asked
  virtual void cancel_guide(Guide guide) = 0;
  virtual GuideView guide(Guide guide) const = 0;
};

}  // namespace chairhub::web
