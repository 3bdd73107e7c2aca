#pragma once
// The posture model file (docs/posture-model.md): a sitter's posture model as small TOML,
// written by `chairhub learn` and `chairhub calibrate --postures`, read by `replay --postures`,
// `eval --postures` and chairhubd (<state_dir>/postures.toml).
#include <string>
#include <string_view>
#include <vector>

#include "analysis/posture_model.hpp"

namespace chairhub {

// The name chairhubd looks for in its state folder.
inline constexpr std::string_view kPostureModelFile = "postures.toml";

// Parses and prepares a model, appending every problem to `problems` as "name:line: key: what";
// what it returns is usable only when no problem was added.
PostureModel parse_posture_model(std::string_view text, const std::string& name, std::vector<std::string>& problems);

// Reads a model file; throws InputError listing its problems (or why it cannot be read).
PostureModel load_posture_model(const std::string& path);

// The file's text; `comment` lines go on top, each prefixed "# ".
std::string format_posture_model(const PostureModel& model, const std::vector<std::string>& comment);

// Replaces `path` atomically (core/atomic_file.hpp): a failure keeps the previous file whole.
// Throws InputError naming the path.
void write_posture_model(const std::string& path, const PostureModel& model, const std::vector<std::string>& comment);

}  // namespace chairhub
