// chairhub eval LOG: scores the analysis against the log's `label` column.
#include <cstdio>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "core/input_error.hpp"
#include "eval/evaluation.hpp"
#include "replay/replay.hpp"

namespace chairhub::cli {
namespace {


}  // namespace

void add_eval(CLI::App& app, int& status) {
  struct Args {
    std::string log, config, baseline;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("eval", "score occupancy and posture decisions against a labelled log");
  cmd->add_option("log", args->log, "a log with a 'label' column; - for standard input")->required();
  add_config_option(*cmd, args->config);
  cmd->add_option("--baseline", args->baseline, "T0:T1: the sitter's upright sitting is between these seconds");
  cmd->add_flag("--json", args->json, "print the figures as JSON");
  cmd->callback([args, &status] {
    const Config config = config_from(args->config).chair;
    ReplayOptions options;
    if (!args->baseline.empty()) options.baseline = parse_time_window(args->baseline);
    Evaluation evaluation(config.eval_labels);
    bool labelled = false;
    NullSink sink;
    replay_log(args->log, config, options, sink, [&](const LogReader& reader, const Analyzer& analyzer) {
      labelled = reader.has_label();
      evaluation.add(reader.label(), analyzer.state());
    });
    if (!labelled) throw InputError(args->log, 0, "the log has no 'label' column to evaluate against");
    const std::string text = args->json ? evaluation.to_json().dump(2) + "\n" : evaluation.report();
    std::fputs(text.c_str(), stdout);
    status = 0;
  });
}

}  // namespace chairhub::cli
