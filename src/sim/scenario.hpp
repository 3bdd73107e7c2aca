#pragma once
// A scripted sitter for `chairhub simulate`: who sits, how, for how long, and what goes wrong
// with the sensors. Read from a TOML scenario file (see config/scenarios/).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/posture.hpp"
#include "core/section_reader.hpp"
#include "core/channel.hpp"

namespace chairhub {

enum class Feet { flat, tucked, dangling };

struct ScenarioStep {
  std::optional<Posture> posture;  // none = the chair is empty
  Feet feet = Feet::flat;
  double duration_s = 0;
};

struct ScenarioFault {
  std::string channel;
  std::string kind;  // "missing", "stuck", "saturated"
  double at_s = 0;
  double for_s = 0;
};

// How one person's body meets the chair; people differ in each. The defaults are the
// simulator's typical sitter.
struct BodyGeometry {
  double slouch_slide = 0.12;  // how far forward a slouch moves the centre of pressure
  double lean_reach = 1.0;     // how far leans go, as a factor of the typical sitter's
  double seat_share = 0.80;    // share of the body the seat carries when upright, feet flat
  double back_firmness = 1.0;  // how firmly the back meets the pads, as a factor of typical
};

struct Scenario {
  double mass_kg = 75;
  double offset_x = 0, offset_y = 0;  // the sitter's habitual upright position on the seat
  BodyGeometry body;
  std::uint64_t seed = 1;
  double rate_hz = 10;
  Units units = Units::calibrated;
  double noise_kg = 0.15;          // per seat cell
  double noise_contact = 0.02;     // per pad
  double spikes_per_hour = 0;      // single-sample glitches on seat cells
  double drift_kg_per_h = 0;       // slow tare drift of the seat cells
  double move_s = 1.5;             // how long a change of posture takes
  std::vector<ScenarioStep> steps;
  std::vector<ScenarioFault> faults;
};

// Reads a scenario; throws InputError with every problem, each naming file, line and key. Fault
// channels must exist in `layout`.
Scenario load_scenario(const std::string& path, const ChannelLayout& layout);
Scenario parse_scenario(std::string_view text, const std::string& name, const ChannelLayout& layout);
// The same, recording the problems (a config that names the scenario reports them with its own).
Scenario load_scenario(const std::string& path, const ChannelLayout& layout, Problems& problems);
Scenario parse_scenario(std::string_view text, const std::string& name, const ChannelLayout& layout,
                        Problems& problems);

}  // namespace chairhub
