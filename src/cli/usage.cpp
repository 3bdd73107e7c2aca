#include "cli/usage.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/exit_status.hpp"

namespace chairhub::cli {

namespace {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// 1000000 rather than 1e+06 or 1000000.000000; 0.1 rather than 0.100000.
std::string plain(double x) {
  char buf[64];
  if (x == std::floor(x) && std::abs(x) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", x);
  else std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

}  // namespace

CLI::Validator between(double lo, double hi) {
  const std::string range = "between " + plain(lo) + " and " + plain(hi);
  return CLI::Validator(
      [lo, hi, range](const std::string& text) -> std::string {
        std::size_t used = 0;
        double x = 0;
        try {
          x = std::stod(text, &used);
        } catch (const std::exception&) {
          return "'" + text + "' is not a number";
        }
        if (used != text.size()) return "'" + text + "' is not a number";
        if (!(x >= lo && x <= hi)) return "must be " + range + ", not " + text;  // also NaN
        return {};
      },
      range);
}

std::optional<std::string> nearest(const std::string& word, const std::vector<std::string>& known) {
  std::optional<std::string> best;
  std::size_t best_distance = 3;  // further than 2 edits is no longer a typo
  for (const auto& name : known) {
    const auto d = edit_distance(word, name);
    if (d < best_distance) {
      best = name;
      best_distance = d;
    }
  }
  return best;
}

std::optional<std::string> unknown_command(const CLI::App& app, const std::string& program, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-' || app.get_subcommands({}).empty()) return std::nullopt;
  const std::string word = argv[1];
  std::vector<std::string> names;
  for (const auto* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  if (std::find(names.begin(), names.end(), word) != names.end()) return std::nullopt;
  std::string text = "'" + word + "' is not a " + program + " command";
  if (const auto guess = nearest(word, names)) text += "; did you mean '" + *guess + "'?";
  else text += " (" + program + " --help lists them)";
  return text;
}

std::optional<int> parse_or_usage_error(CLI::App& app, const std::string& program, int argc, char** argv) {
  if (const auto unknown = unknown_command(app, program, argc, argv)) {
    std::fprintf(stderr, "%s: %s\n", program.c_str(), unknown->c_str());
    return kExitUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    std::fprintf(stderr, "%s: %s\n%s --help shows the usage\n", program.c_str(), e.what(), program.c_str());
    return kExitUsage;
  }
  return std::nullopt;
}

}  // namespace chairhub::cli
