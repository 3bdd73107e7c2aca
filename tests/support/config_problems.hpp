#pragma once
// Checking a config's reported problems: shared by the config tests and the calibration file's.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "config/config.hpp"

namespace chairhub::testing_support {

// Parsing must fail; returns the problems reported.
inline std::vector<std::string> problems_of(const std::string& text) {
  try {
    parse_config(text, "cfg.toml");
  } catch (const ConfigError& e) {
    return e.problems();
  }
  ADD_FAILURE() << "no ConfigError for:\n" << text;
  return {};
}

inline bool has_problem(const std::vector<std::string>& problems, const std::string& fragment) {
  for (const auto& p : problems)
    if (p.find(fragment) != std::string::npos) return true;
  return false;
}

inline std::string joined(const std::vector<std::string>& problems) {
  std::string all;
  for (const auto& p : problems) all += p + "\n";
  return all;
}

}  // namespace chairhub::testing_support
