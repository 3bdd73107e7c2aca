// Replay and analysis throughput on an eight-hour, 80 Hz log (bench/workday-80hz.toml), in raw
// counts (argument 0) and in calibrated kilograms (argument 1): the reference parse of the file
// (from_chars_sum), the reader alone, the full replay, and the analysis alone per sample.
// scripts/bench.sh turns these into ratios against the reference.
#include <benchmark/benchmark.h>

#include <array>
#include <cstdio>
#include <filesystem>

#include "analysis/analyzer.hpp"
#include "config/config.hpp"
#include "from_chars_sum.hpp"
#include "log/log_reader.hpp"
#include "log/log_writer.hpp"
#include "replay/replay.hpp"
#include "sim/simulated_chair.hpp"

namespace {

using namespace chairhub;

const Config& config() {
  static const Config c;
  return c;
}

Scenario scenario(Units units) {
  Scenario s = load_scenario(CHAIRHUB_BENCH_DIR "/workday-80hz.toml", config().layout);
  s.units = units;
  return s;
}

Units units_of(const benchmark::State& state) { return state.range(0) == 0 ? Units::raw : Units::calibrated; }

// Writes each log once per run, to a temporary file.
const std::string& log_path(Units units) {
  static const std::array<std::string, 2> paths = [] {
    std::array<std::string, 2> written;
    for (const Units u : {Units::raw, Units::calibrated}) {
      const char* name = u == Units::raw ? "raw" : "calibrated";
      const auto p = std::filesystem::temp_directory_path() / ("chairhub-bench-workday-80hz-" + std::string(name) + ".csv");
      std::FILE* out = std::fopen(p.c_str(), "wb");
      LogWriter writer(out, config().layout, u, {}, false);
      SimulatedChair chair(scenario(u), config().layout);
      Sample s;
      std::string label;
      while (chair.next(s, label)) writer.write(s);
      std::fclose(out);
      written[u == Units::raw ? 0 : 1] = p.string();
    }
    return written;
  }();
  return paths[units == Units::raw ? 0 : 1];
}

void count_rows(benchmark::State& state, std::size_t rows) {
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsRate);
}

void BM_FromCharsReference(benchmark::State& state) {
  const auto& path = log_path(units_of(state));
  std::size_t rows = 0;
  for (auto _ : state) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    const auto total = bench::from_chars_sum(file);
    std::fclose(file);
    benchmark::DoNotOptimize(total.sum);
    rows += total.rows;
  }
  count_rows(state, rows);
}

void BM_ParseOnly(benchmark::State& state) {
  const auto& path = log_path(units_of(state));
  std::size_t rows = 0;
  for (auto _ : state) {
    LogReader reader(path, config().layout);
    Sample s;
    while (reader.next(s)) ++rows;
  }
  count_rows(state, rows);
}

void BM_Replay(benchmark::State& state) {
  const auto& path = log_path(units_of(state));
  std::size_t rows = 0;
  NullSink sink;
  for (auto _ : state) rows += replay_log(path, config(), {}, sink).samples;
  count_rows(state, rows);
}

// The analysis alone, on samples already in memory (one hour of the raw workload).
void BM_AnalyzePerSample(benchmark::State& state) {
  std::vector<Sample> samples;
  SimulatedChair chair(scenario(Units::raw), config().layout);
  Sample s;
  std::string label;
  while (samples.size() < std::size_t{80} * 3600 && chair.next(s, label)) samples.push_back(s);
  std::vector<Event> events;
  std::size_t done = 0;
  for (auto _ : state) {
    Analyzer analyzer(config().analysis, config().layout, Units::raw);
    for (const auto& sample : samples) {
      events.clear();
      analyzer.update(sample, events);
    }
    done += samples.size();
  }
  // Seconds per sample, shown in ns by the console reporter's own scaling of the inverted rate.
  state.counters["per_sample"] = benchmark::Counter(static_cast<double>(done),
                                                    benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

}  // namespace

BENCHMARK(BM_FromCharsReference)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ParseOnly)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Replay)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_AnalyzePerSample)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_MAIN();
