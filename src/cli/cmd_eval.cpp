// chairhub eval LOG...: scores the analysis against the logs' `label` column; with
// --population N, against N simulated sitters instead.
#include <cstdio>
#include <filesystem>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "config/posture_model_file.hpp"
#include "core/input_error.hpp"
#include "eval/evaluation.hpp"
#include "eval/population_eval.hpp"
#include "eval/posture_calibration.hpp"
#include "replay/replay.hpp"

namespace chairhub::cli {
namespace {

struct Args {
  std::vector<std::string> logs;
  std::string config, baseline, postures;
  std::size_t population = 0;
  bool learn = false;  // each subject's own posture model
  bool first_only = false;  // ...learnt from each label's first recording only
  bool json = false;
};

double settle_s(const Config& config) { return posture_settle_s(config); }

PostureFitOptions fit_options(const Config& config) {
  PostureFitOptions o;
  o.settle_s = settle_s(config);
  return o;
}

std::string subject_name(const std::string& path) {
  return path == "-" ? "<stdin>" : std::filesystem::path(path).stem().string();
}

// One log: the confusion matrices, then the per-subject figures. Several: a line each.
void eval_logs(const Args& args, const Config& config) {
  const bool first = args.baseline == "first";
  std::vector<SubjectScore> scores;
  std::optional<Evaluation> evaluation;
  if (args.logs.size() == 1) evaluation.emplace(config.eval_labels);
  std::optional<PostureModel> shared;
  if (!args.postures.empty()) shared = load_posture_model(args.postures);
  for (const auto& log : args.logs) {
    ReplayOptions options;
    options.postures = args.learn ? learn_postures({log}, config, fit_options(config), args.first_only) : shared;
    if (first) options.baseline = first_recording(log, config);
    else if (!args.baseline.empty()) options.baseline = parse_time_window(args.baseline);
    SubjectScorer scorer(subject_name(log), config.eval_labels, settle_s(config));
    if (first) scorer.baseline_until(options.baseline->second);
    bool labelled = false;
    NullSink sink;
    replay_log(log, config, options, sink, [&](const LogReader& reader, const Analyzer& analyzer) {
      labelled = reader.has_label();
      if (evaluation) evaluation->add(reader.label(), analyzer.state());
      scorer.add(analyzer.state().t, reader.label(), analyzer.state());
    });
    if (!labelled) throw InputError(log, 0, "the log has no 'label' column to evaluate against");
    scores.push_back(scorer.score());
  }
  std::string text;
  if (args.json) {
    nlohmann::ordered_json j = evaluation ? evaluation->to_json() : nlohmann::ordered_json::object();
    j["per_subject"] = population_json(scores);
    text = j.dump(2) + "\n";
  } else {
    text = (evaluation ? evaluation->report() + "\n" : "") + population_report(scores);
  }
  std::fputs(text.c_str(), stdout);
}

void eval_population(const Args& args, const Config& config) {
  if (!args.logs.empty()) throw CLI::ValidationError("--population", "give logs or --population N, not both");
  if (!args.baseline.empty() && args.baseline != "first")
    throw CLI::ValidationError("--baseline", "with --population only 'first' (each sitter's first recording) applies");
  if (!args.postures.empty())
    throw CLI::ValidationError("--postures", "a model is one sitter's: with --population use --learn-postures");
  const auto choice = args.baseline == "first" ? BaselineChoice::first_recording : BaselineChoice::learnt;
  std::vector<SubjectScore> scores;
  for (const auto& sitter : make_population(args.population)) {
    std::optional<PostureModel> model;
    if (args.learn) model = calibrate_sitter(sitter, config, fit_options(config));
    scores.push_back(score_sitter(sitter, config, choice, settle_s(config), model ? &*model : nullptr));
  }
  const std::string text = args.json ? population_json(scores).dump(2) + "\n" : population_report(scores);
  std::fputs(text.c_str(), stdout);
}

}  // namespace

void add_eval(CLI::App& app, int& status) {
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("eval", "score occupancy and posture decisions against labelled logs");
  cmd->footer(
      "Examples:\n"
      "  chairhub eval labelled/*.csv                    agreement with the labels, per log and overall\n"
      "  chairhub eval labelled/*.csv --baseline first   each subject's own upright from its first upright stretch\n"
      "  chairhub eval --population 200 --json           200 simulated sitters, figures as JSON\n"
      "  chairhub eval --population 50 --learn-postures  ...each with a posture model from a guided calibration");
  cmd->add_option("logs", args->logs, "logs with a 'label' column, one subject each; - for standard input");
  add_config_option(*cmd, args->config);
  cmd->add_option("--baseline", args->baseline,
                  "T0:T1: the sitter's upright sitting is between these seconds; 'first': each log's first "
                  "recording of upright sitting (its first stretch labelled upright)");
  cmd->add_option("--population", args->population, "score N simulated sitters (as simulate --population N)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{10000}));
  cmd->add_option("--postures", args->postures, "a sitter's posture model (chairhub learn) for every log");
  cmd->add_flag("--learn-postures", args->learn,
                "each subject's own posture model: learnt from its own log (as chairhub learn: the rows scored "
                "are rows learnt from), or for a simulated sitter from a guided calibration (another session)")
      ->excludes("--postures");
  cmd->add_flag("--first-recordings", args->first_only,
                "with --learn-postures, learn only each label's first recording, so that later recordings of it "
                "are scored unseen")
      ->needs("--learn-postures");
  cmd->add_flag("--json", args->json, "print the figures as JSON");
  cmd->callback([args, &status] {
    const Config config = config_from(args->config).chair;
    if (args->population > 0) {
      eval_population(*args, config);
    } else {
      if (args->logs.empty()) throw CLI::ValidationError("eval", "needs a log (or several), or --population N");
      eval_logs(*args, config);
    }
    status = 0;
  });
}

}  // namespace chairhub::cli
