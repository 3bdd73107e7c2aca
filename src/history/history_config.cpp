#include "history/history_config.hpp"

namespace chairhub {

HistoryConfig read_history_config(const SectionReader& root) {
  HistoryConfig c;
  const auto t = root.table("history");
  if (!t) return c;
  t->known_keys({"enabled", "retention_days", "max_mb"});
  t->read("enabled", c.enabled);
  t->read("retention_days", c.retention_days, 1, 3650);
  t->read("max_mb", c.max_mb, 1, 4096);
  return c;
}

}  // namespace chairhub
