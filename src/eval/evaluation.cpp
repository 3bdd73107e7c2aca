#include "eval/evaluation.hpp"

#include <algorithm>
#include <cstdio>

namespace chairhub {

std::optional<std::string> label_meaning(const std::map<std::string, std::string>& meanings,
                                         const std::string& label) {
  std::string meaning = label;
  if (auto it = meanings.find(label); it != meanings.end()) meaning = it->second;
  const bool known = meaning == "empty" || meaning == "not_upright" || posture_from_string(meaning);
  if (label.empty() || meaning == "ignore" || !known) return std::nullopt;
  return meaning;
}

void Evaluation::count(Matrix& m, const std::string& truth, const std::string& decided, bool right) {
  if (std::find(m.truths.begin(), m.truths.end(), truth) == m.truths.end()) m.truths.push_back(truth);
  if (std::find(m.decisions.begin(), m.decisions.end(), decided) == m.decisions.end())
    m.decisions.push_back(decided);
  ++m.counts[{truth, decided}];
  ++m.total;
  m.correct += right;
}

void Evaluation::add(const std::string& label, const ChairState& state) {
  const auto known = label_meaning(meanings_, label);
  if (!known) {
    ++unlabelled_;
    return;
  }
  const std::string& meaning = *known;
  const bool truly_seated = meaning != "empty";
  count(occupancy_, truly_seated ? "seated" : "empty", state.occupied ? "seated" : "empty",
        truly_seated == state.occupied);
  if (!truly_seated) return;
  // "none" is a seated person whose posture has not yet held long enough to be reported.
  const std::string decided = !state.occupied ? "empty" : state.posture ? std::string(to_string(*state.posture)) : "none";
  const bool right = meaning == "not_upright" ? decided != "upright" && decided != "empty" && decided != "none"
                                              : decided == meaning;
  count(posture_, meaning, decided, right);
}

namespace {

std::string render(const char* title, const Evaluation::Matrix& m) {
  char head[160];
  std::snprintf(head, sizeof head, "%s: accuracy %.1f %% over %zu samples\n", title, m.accuracy() * 100, m.total);
  std::string out = head;
  if (m.total == 0) return out;
  char cell[64];
  std::snprintf(cell, sizeof cell, "  %-16s", "truth \\ decided");
  out += cell;
  for (const auto& d : m.decisions) {
    std::snprintf(cell, sizeof cell, " %15s", d.c_str());
    out += cell;
  }
  out += '\n';
  for (const auto& t : m.truths) {
    std::snprintf(cell, sizeof cell, "  %-16s", t.c_str());
    out += cell;
    for (const auto& d : m.decisions) {
      auto it = m.counts.find({t, d});
      std::snprintf(cell, sizeof cell, " %15zu", it == m.counts.end() ? 0 : it->second);
      out += cell;
    }
    out += '\n';
  }
  return out;
}

nlohmann::ordered_json matrix_json(const Evaluation::Matrix& m) {
  nlohmann::ordered_json j = {{"samples", m.total}, {"correct", m.correct}, {"accuracy", m.accuracy()}};
  auto& rows = j["matrix"] = nlohmann::ordered_json::object();
  for (const auto& [key, n] : m.counts) rows[key.first][key.second] = n;
  return j;
}

}  // namespace

std::string Evaluation::report() const {
  std::string out = render("occupancy", occupancy_) + "\n" + render("posture", posture_);
  if (unlabelled_) out += "\n(" + std::to_string(unlabelled_) + " samples without a usable label were not scored)\n";
  return out;
}

nlohmann::ordered_json Evaluation::to_json() const {
  return {{"occupancy", matrix_json(occupancy_)}, {"posture", matrix_json(posture_)}, {"unscored", unlabelled_}};
}

}  // namespace chairhub
