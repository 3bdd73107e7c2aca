#pragma once
// chairhubd's part of the sitter's posture model (docs/posture-model.md): the file
// <state_dir>/postures.toml, which `chairhub calibrate --postures` and `chairhub learn` write,
// read at start and on every reload.
#include <string>

#include "analysis/analyzer.hpp"
#include "service/journal.hpp"

namespace chairhub {

// Reads the model into `analyzer`, saying so in the journal. No file: the rules decide (a model
// loaded before is dropped). A file that does not read: its problems logged, and the model
// loaded before (or the rules) kept.
void load_sitter_postures(const std::string& state_dir, Analyzer& analyzer, const Journal& journal);

}  // namespace chairhub
