#include "replay/replay.hpp"

#include <cmath>

#include "core/input_error.hpp"
#include "core/pacing.hpp"

namespace chairhub {

std::pair<double, double> parse_time_window(const std::string& text) {
  const auto colon = text.find(':');
  double from = 0, to = 0;
  if (colon == std::string::npos || !parse_reading(text.substr(0, colon), from) ||
      !parse_reading(text.substr(colon + 1), to) || std::isnan(from) || std::isnan(to) || to <= from)
    throw InputError("--baseline", 0, "'" + text + "' is not a time window T0:T1 in seconds with T0 < T1");
  return {from, to};
}

ReplayStats replay_log(const std::string& path, const Config& config, const ReplayOptions& options,
                       EventSink& sink, const SampleObserver& observe) {
  LogReader reader(path, config.layout);
  Analyzer analyzer(config.analysis, config.layout, reader.units());
  if (options.postures) analyzer.set_posture_model(*options.postures);
  if (options.baseline) analyzer.capture_baseline(options.baseline->first, options.baseline->second);
  Pacer pacer(options.speed);
  ReplayStats stats;
  Sample sample;
  std::vector<Event> events;
  while (reader.next(sample)) {
    pacer.wait_until(sample.t);
    events.clear();
    analyzer.update(sample, events);
    for (const auto& e : events) sink.on_event(e);
    stats.events += events.size();
    ++stats.samples;
    if (observe) observe(reader, analyzer);
  }
  return stats;
}

}  // namespace chairhub
