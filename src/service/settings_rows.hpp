#pragma once
// The running settings as the chair's page lists them (read-only): what each is, its value, and
// where it is changed. Secrets (passwords, keys) show only whether they are set.
#include <string>
#include <vector>

#include "service/daemon_config.hpp"
#include "web/chair_port.hpp"

namespace chairhub {

// `page_port`: the port the page listens on (the config's 0 means the system chose one).
std::vector<web::SettingRow> settings_rows(const DaemonConfig& cfg, const std::string& state_dir, int page_port,
                                           const std::string& page_url);

}  // namespace chairhub
