#include "service/state_store.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/section_reader.hpp"
#include "mqtt/chair_id.hpp"

namespace chairhub {
namespace {

constexpr int kVersion = 1;

// Numbers are checked before use: a corrupt file must not carry nan, a count that does not fit
// an int, or a time no clock can hold into the daemon (converting those is undefined).
[[noreturn]] void invalid(const char* key) { throw std::runtime_error(std::string("bad value of '") + key + "'"); }

double finite_number(const nlohmann::json& j, const char* key) {
  const double v = j.at(key).get<double>();
  if (!std::isfinite(v)) invalid(key);
  return v;
}

// A number within what the daemon itself can have written; anything else is damage.
double number_in(const nlohmann::json& j, const char* key, double lo, double hi) {
  const double v = finite_number(j, key);
  if (v < lo || v > hi) invalid(key);
  return v;
}

// Durations kept across restarts: none is negative, none near a year (a fast replay driven as
// if live can sum days of samples into one day's total, so the bound is loose on purpose).
constexpr double kMaxKeptSeconds = 366.0 * 86400;
// Breaks in that time: one a minute at the very most.
constexpr int kMaxDayBreaks = static_cast<int>(kMaxKeptSeconds / 60);

// Wall-clock seconds since the epoch, up to the year 2100.
double wall_time(const nlohmann::json& j, const char* key) {
  const double v = finite_number(j, key);
  if (v < 0 || v > 4102444800.0) invalid(key);
  return v;
}

int whole_count(const nlohmann::json& j, const char* key) {
  const auto& v = j.at(key);
  if (!v.is_number_integer() || v.get<std::int64_t>() < 0 || v.get<std::int64_t>() > std::numeric_limits<int>::max())
    invalid(key);
  return v.get<int>();
}

// The baseline's per-channel pattern and spread: numbers, null where a channel had none (NaN).
nlohmann::ordered_json channel_numbers(const std::vector<double>& values) {
  auto j = nlohmann::ordered_json::array();
  for (double v : values) j.push_back(std::isnan(v) ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(v));
  return j;
}

std::vector<double> read_channel_numbers(const nlohmann::json& j, const char* key) {
  const auto& a = j.at(key);
  if (!a.is_array() || a.size() > 1024) invalid(key);
  std::vector<double> values;
  for (const auto& v : a) {
    if (v.is_null()) values.push_back(std::numeric_limits<double>::quiet_NaN());
    else if (v.is_number() && std::isfinite(v.get<double>())) values.push_back(v.get<double>());
    else invalid(key);
  }
  return values;
}

template <typename Read>
auto optional_field(const nlohmann::json& j, const char* key, Read read) -> std::optional<decltype(read(j, key))> {
  if (!j.contains(key) || j[key].is_null()) return std::nullopt;
  return read(j, key);
}

}  // namespace

std::string serialize_persisted_state(const PersistedState& s) {
  nlohmann::ordered_json j = {{"version", kVersion}, {"saved_at_wall", s.saved_at_wall}};
  j["session"] = s.session_start_wall
                     ? nlohmann::ordered_json{{"start_wall", *s.session_start_wall}, {"seated_s", s.session_seated_s}}
                     : nlohmann::ordered_json(nullptr);
  j["day"] = {{"date", s.day}, {"sitting_s", s.day_sitting_s}, {"breaks", s.day_breaks}};
  if (s.baseline) {
    auto& b = j["baseline"] = {{"cop_x", s.baseline->cop_x}, {"cop_y", s.baseline->cop_y}};
    if (s.baseline->lumbar) b["lumbar"] = *s.baseline->lumbar;
    if (s.baseline->seat_kg) b["seat_kg"] = *s.baseline->seat_kg;
    if (s.baseline->feet) b["feet"] = *s.baseline->feet;
    if (!s.baseline->pattern.empty()) {
      b["pattern"] = channel_numbers(s.baseline->pattern);
      b["spread"] = channel_numbers(s.baseline->spread);
    }
  } else {
    j["baseline"] = nullptr;
  }
  j["tare"] = s.tare;
  j["nudges_enabled"] = s.nudges_enabled;
  j["snoozed_until_wall"] = s.snoozed_until_wall ? nlohmann::ordered_json(*s.snoozed_until_wall) : nullptr;
  j["chair_id"] = s.chair_id.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.chair_id);
  return j.dump(2) + "\n";
}

PersistedState parse_persisted_state(const std::string& text) {
  const auto j = nlohmann::json::parse(text);  // throws on malformed JSON
  if (!j.is_object() || j.value("version", nlohmann::json()) != kVersion)
    throw std::runtime_error("not a chairhub state file (version)");
  PersistedState s;
  s.saved_at_wall = wall_time(j, "saved_at_wall");
  if (const auto& session = j.at("session"); !session.is_null()) {
    s.session_start_wall = wall_time(session, "start_wall");
    // seated for at most as long as the session had lasted when it was saved
    const double lasted = s.saved_at_wall - *s.session_start_wall;
    if (lasted < -1) invalid("start_wall");
    s.session_seated_s = number_in(session, "seated_s", 0, std::min(lasted + 1, kMaxKeptSeconds));
  }
  const auto& day = j.at("day");
  s.day = day.at("date").get<std::string>();
  s.day_sitting_s = number_in(day, "sitting_s", 0, kMaxKeptSeconds);
  s.day_breaks = whole_count(day, "breaks");
  if (s.day_breaks > kMaxDayBreaks) invalid("breaks");
  if (const auto& b = j.at("baseline"); !b.is_null()) {
    Baseline baseline;
    baseline.cop_x = number_in(b, "cop_x", -1, 1);  // seat coordinates
    baseline.cop_y = number_in(b, "cop_y", -1, 1);
    baseline.lumbar = optional_field(b, "lumbar", finite_number);
    baseline.seat_kg = optional_field(b, "seat_kg", finite_number);
    baseline.feet = optional_field(b, "feet", finite_number);
    if (b.contains("pattern")) {
      baseline.pattern = read_channel_numbers(b, "pattern");
      baseline.spread = read_channel_numbers(b, "spread");
      if (baseline.spread.size() != baseline.pattern.size()) invalid("spread");
      for (double v : baseline.spread)
        if (v < 0) invalid("spread");
    }
    s.baseline = baseline;
  }
  s.tare = j.at("tare").get<std::map<std::string, double>>();
  for (const auto& [channel, offset] : s.tare)
    if (!std::isfinite(offset)) invalid("tare");
  s.nudges_enabled = j.at("nudges_enabled").get<bool>();
  s.snoozed_until_wall = optional_field(j, "snoozed_until_wall", wall_time);
  if (j.contains("chair_id") && !j["chair_id"].is_null()) {
    s.chair_id = j["chair_id"].get<std::string>();
    if (!mqtt::valid_chair_id(s.chair_id)) invalid("chair_id");
  }
  return s;
}

PersistedState StateStore::load(std::string& warning) const {
  warning.clear();
  std::error_code ec;
  if (!std::filesystem::exists(file(), ec)) return {};  // no state yet: a first start
  std::string why_not;
  const auto text = read_text_file(file().string(), why_not);  // within the 1 MiB limit
  if (!text) {
    warning = file().string() + ": unusable state file, starting afresh (" + why_not + ")";
    return {};
  }
  try {
    return parse_persisted_state(*text);
  } catch (const std::exception& e) {
    warning = file().string() + ": unusable state file, starting afresh (" + e.what() + ")";
    return {};
  }
}

void StateStore::save(const PersistedState& state) const {
  write_file_atomically(file(), serialize_persisted_state(state));
}

}  // namespace chairhub
