// chairhub learn LOG... -o FILE: a sitter's posture model from their labelled logs (the
// `label` column), written atomically: a model that cannot be made leaves any previous file.
#include <cstdio>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "config/posture_model_file.hpp"
#include "eval/posture_calibration.hpp"

namespace chairhub::cli {

void add_learn(CLI::App& app, int& status) {
  struct Args {
    std::vector<std::string> logs;
    std::string config, output;
    bool first_only = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("learn", "learn a sitter's posture model from their labelled logs");
  cmd->footer(
      "Each log's `label` column names the posture held on each row (or what [eval.labels] maps it to;\n"
      "labels meaning not_upright become postures reported as `other`). The first recording labelled\n"
      "upright is the sitter's baseline. The model is written atomically; nothing is written when the\n"
      "logs cannot make one. docs/posture-model.md describes the file.\n"
      "Examples:\n"
      "  chairhub learn anna.csv -o /var/lib/chairhub/postures.toml\n"
      "  chairhub replay monday.csv --postures /var/lib/chairhub/postures.toml");
  cmd->add_option("logs", args->logs, "labelled logs of one sitter (files: each is read twice)")->required();
  add_config_option(*cmd, args->config);
  cmd->add_option("-o,--output", args->output, "the model file to write")->required();
  cmd->add_flag("--first-recordings", args->first_only,
                "learn only each label's first recording (its first unbroken stretch), keeping later ones unseen");
  cmd->callback([args, &status] {
    const Config config = config_from(args->config).chair;
    PostureFitOptions options;
    options.settle_s = posture_settle_s(config);
    const PostureModel model = learn_postures(args->logs, config, options, args->first_only);
    std::vector<std::string> comment = {"chairhub posture model (docs/posture-model.md), learnt by chairhub learn from:"};
    for (const auto& log : args->logs) comment.push_back("  " + log);
    write_posture_model(args->output, model, comment);
    std::size_t samples = 0;
    for (const auto& c : model.classes) samples += c.rows;
    std::printf("learnt %zu postures from %zu samples:", model.classes.size(), samples);
    for (const auto& c : model.classes) std::printf(" %s (%zu)", c.label.c_str(), c.rows);
    std::printf("\nwrote %s\n", args->output.c_str());
    status = 0;
  });
}

}  // namespace chairhub::cli
