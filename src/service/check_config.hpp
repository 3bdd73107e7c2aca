#pragma once
// Checks a whole config file, every section, the way chairhubd reads it.
#include <string>
#include <vector>

namespace chairhub {

// Every problem found, each "file:line: key: what"; empty when the file is good.
std::vector<std::string> check_config_file(const std::string& path);

}  // namespace chairhub
