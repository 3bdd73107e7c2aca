// chairhub replay LOG: runs a recorded log through the analysis and prints its events: readable
// lines on a terminal, JSON lines when piped or with --json.
#include <unistd.h>

#include <cstdio>
#include <optional>

#include "cli/commands.hpp"
#include "cli/event_lines.hpp"
#include "cli/options.hpp"
#include "cli/usage.hpp"
#include "config/posture_model_file.hpp"
#include "events/stdout_sink.hpp"
#include "history/history_sink.hpp"
#include "history/summary.hpp"
#include "log/log_reader.hpp"
#include "mqtt/replay_to_mqtt.hpp"
#include "replay/replay.hpp"

namespace chairhub::cli {
namespace {

// Every event to the printing sink and to the history.
class BothSinks : public EventSink {
 public:
  BothSinks(EventSink& a, EventSink& b) : a_(a), b_(b) {}
  void on_event(const Event& event) override {
    a_.on_event(event);
    b_.on_event(event);
  }

 private:
  EventSink& a_;
  EventSink& b_;
};

// When the log's t = 0 was: --start, else the log's "# start:" line.
double log_origin(const std::string& start, const std::string& log, const ChannelLayout& layout) {
  std::string text = start;
  if (text.empty() && log != "-") {
    const LogReader reader(log, layout);
    if (const auto it = reader.metadata().find("start"); it != reader.metadata().end()) text = it->second;
  }
  if (text.empty())
    throw CLI::ValidationError("--history needs to know when the log began: --start YYYY-MM-DDTHH:MM (or a \"# start:\" "
                     "line in the log)");
  const auto origin = parse_local_time(text);
  if (!origin) throw CLI::ValidationError("--start: expected YYYY-MM-DDTHH:MM[:SS] in local time, not \"" + text + "\"");
  return *origin;
}

// --history: the events also into a history file, t = 0 being `origin` (wall seconds).
class ReplayHistory {
 public:
  EventSink* beside(EventSink& printing, const std::string& file, double origin) {
    db_.emplace(HistoryOptions{.file = file}, stderr_logger());
    sink_.emplace(*db_, [origin](double t) { return origin + t; }, stderr_logger());
    both_.emplace(printing, *sink_);
    return &*both_;
  }

 private:
  std::optional<HistoryDb> db_;
  std::optional<HistorySink> sink_;
  std::optional<BothSinks> both_;
};

struct ReplayArgs {
  std::string log, config, baseline, broker, chair_id, history, start, postures;
  double speed = 0;
  bool mqtt = false;
  bool json = false;
};

void run_replay(const ReplayArgs& args) {
  const DaemonConfig daemon_config = config_from(args.config);
  const Config& config = daemon_config.chair;
  ReplayOptions options;
  options.speed = args.speed;
  if (!args.baseline.empty()) options.baseline = parse_time_window(args.baseline);
  if (!args.postures.empty()) options.postures = load_posture_model(args.postures);
  JsonLinesSink json(stdout);
  TextLinesSink text(stdout);
  const bool json_lines = args.json || ::isatty(STDOUT_FILENO) == 0;
  EventSink* sink = json_lines ? static_cast<EventSink*>(&json) : &text;
  ReplayHistory history;
  if (!args.history.empty())
    sink = history.beside(*sink, args.history, log_origin(args.start, args.log, config.layout));
  // progress on a terminal's stderr, unless JSON lines go to that same terminal
  std::optional<ProgressLine> progress;
  if (options.speed > 0 && ::isatty(STDERR_FILENO) != 0 && !(json_lines && ::isatty(STDOUT_FILENO) != 0))
    progress.emplace(stderr);
  SampleObserver observe;
  if (progress) observe = [&progress](const LogReader&, const Analyzer& a) { progress->update(a.state().t); };
  if (args.mqtt) {
    mqtt::MqttReplayOptions m;
    m.broker = args.broker;
    m.chair_id = args.chair_id;
    m.observe = observe;
    mqtt::replay_to_mqtt(args.log, config, daemon_config.mqtt, options, m, sink);
  } else {
    replay_log(args.log, config, options, *sink, observe);
  }
}

}  // namespace

void add_replay(CLI::App& app, int& status) {
  auto args = std::make_shared<ReplayArgs>();
  auto* cmd = app.add_subcommand(
      "replay", "replay a sensor log through the analysis, printing its events (JSON lines when piped or with --json)");
  cmd->footer(
      "Examples:\n"
      "  chairhub replay monday.csv\n"
      "  chairhub replay monday.csv --json | jq 'select(.type == \"posture\")'\n"
      "  chairhub replay monday.csv --baseline 60:90 --speed 60\n"
      "  chairhub replay monday.csv --mqtt --broker localhost:1883 --speed 60");
  cmd->add_option("log", args->log, "the log (CSV, see docs/log-format.md); - for standard input")->required();
  add_config_option(*cmd, args->config);
  cmd->add_option("--baseline", args->baseline, "T0:T1: the sitter's upright sitting is between these seconds");
  cmd->add_option("--postures", args->postures,
                  "the sitter's posture model (chairhub learn, calibrate --postures); default: the rules");
  cmd->add_option("--speed", args->speed, "1 real time, 60 a minute per second, 0 as fast as possible")
      ->check(between(0, 1e6));
  cmd->add_flag("--json", args->json, "JSON lines also on a terminal (they are the default elsewhere)");
  cmd->add_flag("--mqtt", args->mqtt, "also publish to an MQTT broker as a live chair would (config's [mqtt])");
  cmd->add_option("--broker", args->broker, "HOST:PORT of the broker, overriding the config")->needs("--mqtt");
  cmd->add_option("--chair-id", args->chair_id,
                   "publish as this chair (default: the config's chair id + \"-replay\", never the live chair)")
      ->needs("--mqtt");
  cmd->add_option("--history", args->history, "also keep the events in this history file (see `chairhub report`)");
  cmd->add_option("--start", args->start, "with --history: when the log began, YYYY-MM-DDTHH:MM local time "
                                          "(default: the log's \"# start:\" line)")
      ->needs("--history");
  cmd->callback([args, &status] {
    run_replay(*args);
    status = 0;
  });
}

}  // namespace chairhub::cli
