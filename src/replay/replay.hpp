#pragma once
// Runs a log through the analysis: the code path shared by `replay`, `eval` and the tests.
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "analysis/analyzer.hpp"
#include "config/config.hpp"
#include "events/event.hpp"
#include "log/log_reader.hpp"

namespace chairhub {

struct ReplayOptions {
  std::optional<std::pair<double, double>> baseline;  // --baseline T0:T1
  double speed = 0;                                    // 0 = as fast as possible
  std::optional<PostureModel> postures;                // the sitter's model (--postures)
};

// Called after each sample with the reader (for labels) and the analyzer (for its state).
using SampleObserver = std::function<void(const LogReader&, const Analyzer&)>;

struct ReplayStats {
  std::size_t samples = 0;
  std::size_t events = 0;
};

ReplayStats replay_log(const std::string& path, const Config& config, const ReplayOptions& options,
                       EventSink& sink, const SampleObserver& observe = {});

// Parses "T0:T1" (seconds) for --baseline; throws InputError otherwise.
std::pair<double, double> parse_time_window(const std::string& text);

}  // namespace chairhub
