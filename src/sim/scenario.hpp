#pragma once
// A scripted sitter for `chairhub simulate`, the daemon's simulated sources and the wiring
// commands' --simulate: who sits, how, for how long, what goes wrong with the sensors, and on
// simulated chips the chair's own sensor constants and chip faults. Read from a TOML scenario
// file (see config/scenarios/demo.toml); the one format of every simulation.
#include <cstdint>
#include <map>
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

// A sensor of the simulated chair in chip counts, where it differs from the config's channel:
// what calibrating this chair should find. Used for raw samples only.
struct SensorTruth {
  std::optional<double> offset, per_kg;  // a seat cell: counts when empty, counts per kg on it
  std::optional<double> empty, full;     // a pad: counts untouched and fully pressed
};

// A chip fault for the whole run, on the simulated chips only (the `devices` source and the
// wiring commands' --simulate). The chip's model knows its faults (hw/sim); the file and line
// are kept so a fault it does not know is reported where the scenario says it.
struct DeviceFault {
  std::string channel;
  std::string kind;  // HX711: never_ready, stuck_low, unplugged; ADS1115: absent
  std::string file;
  int line = 0;
};

struct ScenarioDevices {
  std::vector<DeviceFault> faults;
  bool no_i2c_bus = false;           // /dev/i2c-N is not there (I2C not enabled)
  std::vector<unsigned> taken_lines;  // GPIO lines another program holds
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
  std::map<std::string, SensorTruth> sensors;  // by channel name
  ScenarioDevices devices;
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
