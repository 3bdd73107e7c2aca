#include "web/live_json.hpp"

#include <cmath>

namespace chairhub::web {
namespace {

using nlohmann::ordered_json;

template <typename T>
ordered_json or_null(const std::optional<T>& value) {
  return value ? ordered_json(*value) : ordered_json(nullptr);
}

// To `decimals` places, as the nearest double to that decimal, so JSON shows it short.
double rounded(double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(v * scale) / scale;
}

}  // namespace

ordered_json live_json(const LiveView& view) {
  const ChairState& s = view.state;
  ordered_json j;
  j["occupied"] = s.occupied;
  j["posture"] = s.posture ? ordered_json(std::string(to_string(*s.posture))) : ordered_json(nullptr);
  j["cop"] = nullptr;
  if (s.occupied && s.left_share && s.front_share)
    j["cop"] = {{"x", rounded(1 - 2 * *s.left_share, 3)}, {"y", rounded(2 * *s.front_share - 1, 3)}};
  j["left_share"] = s.left_share ? ordered_json(rounded(*s.left_share, 3)) : ordered_json(nullptr);
  j["front_share"] = s.front_share ? ordered_json(rounded(*s.front_share, 3)) : ordered_json(nullptr);
  j["lumbar"] = s.lumbar ? ordered_json(rounded(*s.lumbar, 2)) : ordered_json(nullptr);
  j["lumbar_contact"] = or_null(s.lumbar_contact);
  j["feet_flat"] = or_null(s.feet_flat);
  j["sitting_s"] = std::floor(s.sitting_s);
  j["next_break_s"] = view.next_break_s ? ordered_json(std::ceil(*view.next_break_s)) : ordered_json(nullptr);
  j["break_due"] = s.break_due;
  ordered_json faults = ordered_json::array();
  for (const auto& ch : s.channels)
    if (ch.fault) faults.push_back({{"channel", ch.channel}, {"fault", to_string(*ch.fault)}});
  j["faults"] = faults;
  return j;
}

ordered_json wiring_json(const Wiring& wiring) {
  ordered_json rows = ordered_json::array();
  for (const auto& r : wiring.rows) {
    std::string verdict = "ok";
    if (!r.wired)
      verdict = "not wired in [hardware]: wire it, or remove its [[channel]]";
    else if (r.fault)
      verdict = std::string(fault_advice(*r.fault));
    else if (!r.raw)
      verdict = "no reading yet";
    rows.push_back({{"channel", r.channel},
                    {"role", r.role},
                    {"ok", r.wired && !r.fault && r.raw},
                    {"raw", r.raw ? ordered_json(std::round(*r.raw)) : ordered_json(nullptr)},
                    {"verdict", verdict}});
  }
  return {{"source", wiring.source}, {"waiting", wiring.waiting}, {"channels", rows}};
}

ordered_json guide_json(const GuideView& g) {
  ordered_json j{{"running", g.running},     {"step", g.step},           {"steps", g.steps},
                 {"title", g.title},         {"instruction", g.instruction}, {"measuring", g.measuring},
                 {"progress", rounded(g.progress, 2)}, {"seen", g.seen}, {"finished", nullptr}};
  if (g.finished) j["finished"] = {{"ok", g.finished->ok}, {"message", g.finished->message}};
  return j;
}

}  // namespace chairhub::web
