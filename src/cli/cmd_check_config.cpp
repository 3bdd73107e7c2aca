// chairhub check-config FILE: reports every problem of a config file, as chairhubd would meet it.
#include <cstdio>

#include "cli/commands.hpp"
#include "core/exit_status.hpp"
#include "service/daemon_config.hpp"

namespace chairhub::cli {

void add_check_config(CLI::App& app, int& status) {
  auto file = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("check-config", "check a config file: every problem with file, line and key");
  cmd->add_option("file", *file, "the config file")->required();
  cmd->callback([file, &status] {
    const auto problems = check_config_file(*file);
    for (const auto& p : problems) std::fprintf(stderr, "%s\n", p.c_str());
    if (problems.empty()) std::printf("%s: ok\n", file->c_str());
    status = problems.empty() ? kExitOk : kExitConfig;  // as chairhubd exits on it
  });
}

}  // namespace chairhub::cli
