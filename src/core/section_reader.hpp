#pragma once
// The one way every TOML file of chairhub is read: the config with all its sections, the
// calibration file, scenarios and the simulated chair. Each part keeps the reader of its own
// section beside it and reads its keys through a SectionReader, which records every problem
// ("file:line: key: what") and never throws, so that a whole file is read once and all of its
// problems are reported together.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "core/input_error.hpp"

namespace chairhub {

// Every problem found so far, in the order found.
class Problems {
 public:
  // "file:line: key: what"; without a line (0), "file: key: what".
  void add(const std::string& file, std::size_t line, const std::string& key, const std::string& what);
  void add(std::string problem) { list_.push_back(std::move(problem)); }
  void add(const std::vector<std::string>& problems) { list_.insert(list_.end(), problems.begin(), problems.end()); }

  bool empty() const { return list_.empty(); }
  std::size_t size() const { return list_.size(); }
  const std::vector<std::string>& list() const { return list_; }

  // Throws Error (ConfigError, InputError) with every problem, if there is any.
  template <typename Error = ConfigError>
  void raise() const {
    if (!list_.empty()) throw Error(list_);
  }

 private:
  std::vector<std::string> list_;
};

// Parses TOML; a syntax error is one problem with its line, and then there is no table.
std::optional<toml::table> parse_toml(std::string_view text, const std::string& file, Problems& problems);
// The largest config, calibration or scenario file read: far above any real one (a few KiB).
inline constexpr std::size_t kMaxTextFileBytes = std::size_t{1024} * 1024;
// A file's whole text; nothing when it cannot be read (a folder, larger than the limit, or an
// error of the system), and `why_not` says why.
std::optional<std::string> read_text_file(const std::string& path, std::string& why_not);

// One table of a file: typed keys with their ranges, unknown keys, sub-tables. A bad value is
// recorded and reads as nothing (the default stays); reading goes on.
class SectionReader {
 public:
  // `name` is the table's key path ("mqtt", "hardware.hx711[0]"); empty for the file's root.
  SectionReader(const toml::table& table, std::string name, const std::string& file, Problems& problems);

  // Every key not in `keys` is an "unknown key": a typo must not silently fall back to a default.
  void known_keys(std::initializer_list<std::string_view> keys) const;
  void known_keys(std::span<const std::string_view> keys) const;  // a list made at run time

  const toml::node* get(std::string_view key) const { return table_->get(key); }
  bool has(std::string_view key) const { return get(key) != nullptr; }
  // A number (an integer too) within [min, max]; refuses nan, which TOML allows.
  std::optional<double> number(std::string_view key, double min, double max) const;
  // A whole number within [min, max].
  std::optional<std::int64_t> integer(std::string_view key, std::int64_t min, std::int64_t max) const;
  std::optional<std::string> string(std::string_view key) const;
  std::optional<bool> boolean(std::string_view key) const;
  // A file's path: not empty, and relative paths taken from the config file's folder, so that a
  // config and the files beside it can move together.
  std::optional<std::string> path(std::string_view key) const;
  // The same, into `out` when present and good.
  void read(std::string_view key, double& out, double min, double max) const;
  void read(std::string_view key, std::string& out) const;
  void read(std::string_view key, bool& out) const;
  template <typename Int>
  void read_integer(std::string_view key, Int& out, std::int64_t min, std::int64_t max) const {
    if (auto v = integer(key, min, max)) out = static_cast<Int>(*v);
  }

  // The sub-table `key` ([name.key]); absent, or not a table (a problem): nothing.
  std::optional<SectionReader> table(std::string_view key) const;
  // The tables of `key`: [[name.key]] tables, each named "name.key[i]", or also a single
  // [name.key] table when `single_too`. Anything else is a problem saying `expected`.
  std::vector<SectionReader> tables(std::string_view key, bool single_too, const std::string& expected) const;

  // A problem with `key` (relative to this table), at its line, or the table's when absent.
  void problem(std::string_view key, const std::string& what) const;
  // A problem at `node`, named `key` (relative to this table).
  void problem_at(const toml::node& node, std::string_view key, const std::string& what) const;
  // A problem with the table as a whole, named by the table.
  void problem_here(const std::string& what) const;

  std::string name_of(std::string_view key) const;  // "name.key", or "key" at the root
  const std::string& name() const { return name_; }
  const toml::table& node() const { return *table_; }
  std::size_t line() const { return table_->source().begin.line; }
  const std::string& file() const { return *file_; }
  Problems& problems() const { return *problems_; }

 private:
  const toml::table* table_;
  std::string name_;
  const std::string* file_;
  Problems* problems_;
};

// Reads one section alone with `read(SectionReader& root)` and throws ConfigError with every
// problem: for the parts' unit tests and for the tools that need only one section.
template <typename Read>
auto read_alone(const toml::table& root, const std::string& file, Read read) {
  Problems problems;
  SectionReader r(root, "", file, problems);
  auto result = read(r);
  problems.raise();
  return result;
}

}  // namespace chairhub
