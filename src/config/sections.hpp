#pragma once
// The readers of the chair's sections of the config, each recording its problems (config.cpp
// puts them together).
#include <map>
#include <string>

#include "analysis/analysis_config.hpp"
#include "core/section_reader.hpp"
#include "core/channel.hpp"

namespace chairhub {

// [[channel]] tables: names, roles, positions and calibration (channel_section.cpp).
void read_channels(const SectionReader& root, ChannelLayout& layout);
// [signal], [health], [occupancy], [posture], [feet], [baseline], [breaks], [nudges]
// (analysis_section.cpp).
void read_analysis(const SectionReader& root, AnalysisConfig& analysis);
// [eval] labels (analysis_section.cpp).
void read_eval_labels(const SectionReader& root, std::map<std::string, std::string>& labels);
// [calibration]: read with the calibration file it names (calibration/file.hpp).

}  // namespace chairhub
