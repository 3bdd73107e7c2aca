#pragma once
// The page's files (src/web/assets), built into the program so the daemon serves them without
// a folder to install or to lose: stylesheet, scripts and the bodies of the static pages.
#include <optional>
#include <string_view>

namespace chairhub::web {

// The file `name` ("live.js"), if the program carries it.
std::optional<std::string_view> embedded_file(std::string_view name);

}  // namespace chairhub::web
