#pragma once
// The [history] section of the config: whether chairhubd keeps its history (in the state folder,
// history.sqlite), for how long, and how large it may grow.
#include "core/section_reader.hpp"

namespace chairhub {

struct HistoryConfig {
  bool enabled = true;
  double retention_days = 90;
  double max_mb = 64;
};

// Records every problem as "<file>:<line>: history.<key>: ...".
HistoryConfig read_history_config(const SectionReader& root);

}  // namespace chairhub
