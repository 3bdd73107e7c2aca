// chairhub check-config FILE: reports every problem of a config file, as chairhubd would meet it.
#include <cstdio>

#include "cli/commands.hpp"
#include "core/exit_status.hpp"
#include "service/daemon_config.hpp"

namespace chairhub::cli {

void add_check_config(CLI::App& app, int& status) {
  auto file = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("check-config", "check a config file: every problem with file, line and key");
  cmd->footer(
      "Examples:\n"
      "  chairhub check-config /etc/chairhub/chairhub.toml\n"
      "  chairhub check-config my-chair.toml && sudo systemctl reload chairhubd\n"
      "Exit status: 0 good, 78 problems (one line each: file:line: key: what).");
  cmd->add_option("file", *file, "the config file")->required();
  cmd->callback([file, &status] {
    const auto problems = check_config_file(*file);
    for (const auto& p : problems) std::fprintf(stderr, "%s\n", p.c_str());
    if (problems.empty()) std::printf("%s: ok\n", file->c_str());
    status = problems.empty() ? kExitOk : kExitConfig;  // as chairhubd exits on it
  });
}

}  // namespace chairhub::cli
