#include "core/section_reader.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace chairhub {
namespace {

std::string format_number(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

std::size_t line_of(const toml::node& node) { return node.source().begin.line; }

}  // namespace

void Problems::add(const std::string& file, std::size_t line, const std::string& key, const std::string& what) {
  const std::string where = line > 0 ? file + ":" + std::to_string(line) : file;
  list_.push_back(where + ": " + (key.empty() ? what : key + ": " + what));
}

std::optional<toml::table> parse_toml(std::string_view text, const std::string& file, Problems& problems) {
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    problems.add(file, e.source().begin.line, "", std::string(e.description()));
    return std::nullopt;
  }
}

std::optional<std::string> read_text_file(const std::string& path, std::string& why_not) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    why_not = "it is a folder, not a file";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    why_not = std::strerror(errno);
    return std::nullopt;
  }
  // Read in blocks up to the limit, so that /dev/zero or a runaway file cannot fill the memory.
  std::string text;
  std::array<char, std::size_t{64} * 1024> block{};
  while (in.read(block.data(), block.size()) || in.gcount() > 0) {
    text.append(block.data(), static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxTextFileBytes) {
      why_not = "larger than " + std::to_string(kMaxTextFileBytes / 1024) + " KiB, the limit for this kind of file";
      return std::nullopt;
    }
  }
  if (in.bad()) {
    why_not = std::strerror(errno);
    return std::nullopt;
  }
  return text;
}

SectionReader::SectionReader(const toml::table& table, std::string name, const std::string& file, Problems& problems)
    : table_(&table), name_(std::move(name)), file_(&file), problems_(&problems) {}

std::string SectionReader::name_of(std::string_view key) const {
  return name_.empty() ? std::string(key) : name_ + "." + std::string(key);
}

void SectionReader::problem_at(const toml::node& node, std::string_view key, const std::string& what) const {
  problems_->add(*file_, line_of(node), name_of(key), what);
}

void SectionReader::problem(std::string_view key, const std::string& what) const {
  const toml::node* found = get(key);
  problem_at(found ? *found : static_cast<const toml::node&>(*table_), key, what);
}

void SectionReader::problem_here(const std::string& what) const { problems_->add(*file_, line(), name_, what); }

void SectionReader::known_keys(std::initializer_list<std::string_view> keys) const {
  known_keys(std::span<const std::string_view>(keys.begin(), keys.size()));
}

void SectionReader::known_keys(std::span<const std::string_view> keys) const {
  for (const auto& [k, entry] : *table_) {
    const std::string_view key = k.str();  // a lambda cannot capture a binding before clang 16
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) problem_at(entry, key, "unknown key");
  }
}

std::optional<double> SectionReader::number(std::string_view key, double min, double max) const {
  const toml::node* found = get(key);
  if (!found) return std::nullopt;
  const std::optional<double> v = found->value<double>();
  if (!v || !found->is_number()) {
    problem(key, "expected a number");
    return std::nullopt;
  }
  if (!(*v >= min && *v <= max)) {  // also refuses nan
    problem(key, "must be between " + format_number(min) + " and " + format_number(max) + ", not " + format_number(*v));
    return std::nullopt;
  }
  return v;
}

std::optional<std::int64_t> SectionReader::integer(std::string_view key, std::int64_t min, std::int64_t max) const {
  const toml::node* found = get(key);
  if (!found) return std::nullopt;
  const auto v = found->value_exact<std::int64_t>();
  if (!v) {
    problem(key, "expected a whole number");
    return std::nullopt;
  }
  if (*v < min || *v > max) {
    problem(key, "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", not " + std::to_string(*v));
    return std::nullopt;
  }
  return v;
}

std::optional<std::string> SectionReader::string(std::string_view key) const {
  const toml::node* found = get(key);
  if (!found) return std::nullopt;
  auto v = found->value_exact<std::string>();
  if (!v) problem(key, "expected a string");
  return v;
}

std::optional<std::string> SectionReader::path(std::string_view key) const {
  auto text = string(key);
  if (!text) return std::nullopt;
  if (text->empty()) {
    problem(key, "must not be empty");
    return std::nullopt;
  }
  const std::filesystem::path p(*text);
  if (p.is_relative()) return (std::filesystem::path(file()).parent_path() / p).string();
  return text;
}

std::optional<bool> SectionReader::boolean(std::string_view key) const {
  const toml::node* found = get(key);
  if (!found) return std::nullopt;
  auto v = found->value_exact<bool>();  // not an integer: `enabled = 0` is a mistake
  if (!v) problem(key, "expected true or false");
  return v;
}

void SectionReader::read(std::string_view key, double& out, double min, double max) const {
  if (auto v = number(key, min, max)) out = *v;
}
void SectionReader::read(std::string_view key, std::string& out) const {
  if (auto v = string(key)) out = std::move(*v);
}
void SectionReader::read(std::string_view key, bool& out) const {
  if (auto v = boolean(key)) out = *v;
}

std::optional<SectionReader> SectionReader::table(std::string_view key) const {
  const toml::node* found = get(key);
  if (!found) return std::nullopt;
  if (!found->is_table()) {
    problem(key, "expected a table ([" + name_of(key) + "])");
    return std::nullopt;
  }
  return SectionReader(*found->as_table(), name_of(key), *file_, *problems_);
}

std::vector<SectionReader> SectionReader::tables(std::string_view key, bool single_too,
                                                 const std::string& expected) const {
  std::vector<SectionReader> out;
  const toml::node* found = get(key);
  if (!found) return out;
  if (single_too && found->is_table()) {
    out.emplace_back(*found->as_table(), name_of(key), *file_, *problems_);
    return out;
  }
  const toml::array* list = found->as_array();
  if (!list || !list->is_array_of_tables()) {
    problem(key, expected);
    return out;
  }
  for (std::size_t i = 0; i < list->size(); ++i)
    out.emplace_back(*list->get(i)->as_table(), name_of(key) + "[" + std::to_string(i) + "]", *file_, *problems_);
  return out;
}

}  // namespace chairhub
