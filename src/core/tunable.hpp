#pragma once
// A tunable number of a part's config struct, in one row: its key in the config file, the
// field it sets, its default and the range a config may give it. A part lists its tunables in
// one table beside its struct; the struct takes its defaults from the table and the config
// reader reads the keys from it (config/sections.hpp), so a threshold lives in one place.
#include <string_view>

namespace chairhub {

template <typename Config>
struct Tunable {
  std::string_view key;
  double Config::*field = nullptr;
  double fallback = 0;  // the default
  double min = 0, max = 0;
};

// Sets every field of `config` that `table` lists to its default.
template <typename Config, typename Table>
void apply_defaults(Config& config, const Table& table) {
  for (const Tunable<Config>& t : table) config.*t.field = t.fallback;
}

}  // namespace chairhub
