#pragma once
// The readers of the chair's sections of the config, each recording its problems (config.cpp
// puts them together).
#include <array>
#include <map>
#include <string>
#include <string_view>

#include "analysis/analysis_config.hpp"
#include "core/section_reader.hpp"
#include "core/channel.hpp"
#include "core/tunable.hpp"

namespace chairhub {

// A table's keys as its part's tunables list them (core/tunable.hpp): each read within its
// range, any other key unknown.
template <typename Config, std::size_t N>
void read_tunables(const SectionReader& t, const Tunable<Config> (&tunables)[N], Config& config) {
  std::array<std::string_view, N> keys;
  for (std::size_t i = 0; i < N; ++i) keys[i] = tunables[i].key;
  t.known_keys(keys);
  for (const Tunable<Config>& k : tunables) t.read(k.key, config.*k.field, k.min, k.max);
}

// [[channel]] tables: names, roles, positions and calibration (channel_section.cpp).
void read_channels(const SectionReader& root, ChannelLayout& layout);
// [signal], [health], [occupancy], [posture], [feet], [baseline], [breaks], [nudges]
// (analysis_section.cpp).
void read_analysis(const SectionReader& root, AnalysisConfig& analysis);
// [eval] labels (analysis_section.cpp).
void read_eval_labels(const SectionReader& root, std::map<std::string, std::string>& labels);
// [calibration]: read with the calibration file it names (calibration/file.hpp).

}  // namespace chairhub
