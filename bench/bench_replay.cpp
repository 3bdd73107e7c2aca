// Replay and analysis throughput on an eight-hour, 80 Hz raw log (bench/workday-80hz.toml):
// a bare parse of the file, the full replay, and the analysis alone per sample.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>

#include "analysis/analyzer.hpp"
#include "config/config.hpp"
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

const Scenario& scenario() {
  static const Scenario s = load_scenario(CHAIRHUB_BENCH_DIR "/workday-80hz.toml", config().layout);
  return s;
}

// Writes the log once per run, to a temporary file.
const std::string& log_path() {
  static const std::string path = [] {
    auto p = std::filesystem::temp_directory_path() / "chairhub-bench-workday-80hz.csv";
    std::FILE* out = std::fopen(p.c_str(), "wb");
    LogWriter writer(out, config().layout, Units::raw, {}, false);
    SimulatedChair chair(scenario(), config().layout);
    Sample s;
    std::string label;
    while (chair.next(s, label)) writer.write(s);
    std::fclose(out);
    return p.string();
  }();
  return path;
}


void BM_ParseOnly(benchmark::State& state) {
  log_path();  // written before timing starts
  std::size_t rows = 0;
  for (auto _ : state) {
    LogReader reader(log_path(), config().layout);
    Sample s;
    while (reader.next(s)) ++rows;
  }
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsRate);
  state.counters["bytes/s"] = benchmark::Counter(
      static_cast<double>(std::filesystem::file_size(log_path()) * state.iterations()), benchmark::Counter::kIsRate);
}

void BM_Replay(benchmark::State& state) {
  log_path();
  std::size_t rows = 0;
  NullSink sink;
  for (auto _ : state) rows += replay_log(log_path(), config(), {}, sink).samples;
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsRate);
}

// The analysis alone, on samples already in memory (one hour of the workload).
void BM_AnalyzePerSample(benchmark::State& state) {
  std::vector<Sample> samples;
  SimulatedChair chair(scenario(), config().layout);
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

BENCHMARK(BM_ParseOnly)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Replay)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_AnalyzePerSample)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_MAIN();
