#pragma once
// chairhubd's part of the sitter's posture model (docs/posture-model.md): the file
// <state_dir>/postures.toml, which `chairhub calibrate --postures` and `chairhub learn` write,
// or the selected sitter profile's (service/sitter_profiles.hpp), read at start, on every reload
// and when another profile is chosen (LiveAnalysis).
#include <optional>
#include <string>

#include "analysis/posture_model.hpp"
#include "service/journal.hpp"

namespace chairhub {

// The model to use from now on, saying so in the journal. No file: none (the rules decide). A
// file that does not read: its problems logged, and `current` (the model read before) kept.
std::optional<PostureModel> load_sitter_postures(const std::string& state_dir,
                                                 const std::optional<PostureModel>& current, const Journal& journal);

}  // namespace chairhub
