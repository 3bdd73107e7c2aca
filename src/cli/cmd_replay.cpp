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
#include "mqtt/replay_to_mqtt.hpp"
#include "replay/replay.hpp"

namespace chairhub::cli {

void add_replay(CLI::App& app, int& status) {
  struct Args {
    std::string log, config, baseline, broker, chair_id, postures;
    double speed = 0;
    bool mqtt = false;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
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
  cmd->callback([args, &status] {
    const DaemonConfig daemon_config = config_from(args->config);
    const Config& config = daemon_config.chair;
    ReplayOptions options;
    options.speed = args->speed;
    if (!args->baseline.empty()) options.baseline = parse_time_window(args->baseline);
    if (!args->postures.empty()) options.postures = load_posture_model(args->postures);
    JsonLinesSink json(stdout);
    TextLinesSink text(stdout);
    const bool json_lines = args->json || ::isatty(STDOUT_FILENO) == 0;
    EventSink* sink = json_lines ? static_cast<EventSink*>(&json) : &text;
    // progress on a terminal's stderr, unless JSON lines go to that same terminal
    std::optional<ProgressLine> progress;
    if (options.speed > 0 && ::isatty(STDERR_FILENO) != 0 && !(json_lines && ::isatty(STDOUT_FILENO) != 0))
      progress.emplace(stderr);
    SampleObserver observe;
    if (progress) observe = [&progress](const LogReader&, const Analyzer& a) { progress->update(a.state().t); };
    if (args->mqtt) {
      mqtt::MqttReplayOptions m;
      m.broker = args->broker;
      m.chair_id = args->chair_id;
      m.observe = observe;
      mqtt::replay_to_mqtt(args->log, config, daemon_config.mqtt, options, m, sink);
    } else {
      replay_log(args->log, config, options, *sink, observe);
    }
    status = 0;
  });
}

}  // namespace chairhub::cli
