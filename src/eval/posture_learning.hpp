#pragma once
// Learning a sitter's posture model (analysis/posture_fit.hpp) from what they did: labelled
// logs (chairhub learn) or a simulated sitter's guided calibration (eval --population
// --calibrate). The sitter's upright baseline comes first, from their first recording of
// upright sitting; then every labelled sample is measured against it.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis/posture_fit.hpp"
#include "config/config.hpp"
#include "core/sample.hpp"
#include "sim/population.hpp"

namespace chairhub {

// What a log's label says the sitter holds, as a model class reports it: a posture name as
// itself, "not_upright" (through the config's [eval.labels]) as `other`; none for "empty",
// "ignore" and labels that mean nothing known.
std::optional<Posture> label_posture(const std::map<std::string, std::string>& meanings, const std::string& label);

// One sitter's model from their labelled logs, the baseline from the first log's first
// recording of upright sitting. Throws InputError naming the logs when they cannot make a model
// (no label column, nothing labelled upright, too few samples of a posture).
// `first_only`: only each label's first recording is learnt (PostureSamples).
PostureModel learn_postures(const std::vector<std::string>& logs, const Config& config,
                            const PostureFitOptions& options, bool first_only = false);

// A sample and the posture the sitter was asked to hold meanwhile (its label).
struct LabelledSample {
  Sample sample;
  std::string label;
};
// The model of a guided calibration recorded live (chairhub calibrate --postures): the samples
// in order, upright first. Throws InputError naming `where` as learn_postures does.
PostureModel learn_postures(const std::vector<LabelledSample>& samples, Units units, const Config& config,
                            const PostureFitOptions& options, const std::string& where);

// The guided calibration, acted out by a simulated sitter: seated, upright, then every named
// posture held for `hold_s` each (another session than their scored one: other noise).
Scenario guided_calibration(const PopulationSitter& sitter, double hold_s = 10);
// The model that calibration gives. Throws InputError (it should not: a test's failure).
PostureModel calibrate_sitter(const PopulationSitter& sitter, const Config& config, const PostureFitOptions& options);

}  // namespace chairhub
