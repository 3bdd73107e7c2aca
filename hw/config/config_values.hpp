#pragma once
// Values every chip's [hardware] table reads the same way: pins, required keys, tables of
// channel = input. Each records its problem in the reader and gives nothing.
#include <cstddef>
#include <optional>
#include <string>

#include <toml++/toml.h>

#include "core/section_reader.hpp"
#include "hw/gpio/gpio.hpp"

namespace chairhub::hw {

std::size_t line_of(const toml::node& node);
// A pin: a BCM number or a kernel line name.
std::optional<LineId> read_line(const SectionReader& r, const toml::node& n, const std::string& key);
// A key that must be there.
const toml::node* required(const SectionReader& r, const char* key);
// A table of channel = value with at least one entry.
const toml::table* channel_table(const SectionReader& r, const char* key, const std::string& expected);

}  // namespace chairhub::hw
