#pragma once
// Writes samples in the chairhub log format (docs/log-format.md); used by `simulate` and `record`.
#include <cstdio>
#include <map>
#include <string>

#include "core/channel.hpp"
#include "core/sample.hpp"

namespace chairhub {

class LogWriter {
 public:
  // Writes the metadata lines (units first) and the header row.
  LogWriter(std::FILE* out, const ChannelLayout& layout, Units units,
            const std::map<std::string, std::string>& metadata, bool with_label);

  void write(const Sample& sample, const std::string& label = {});

 private:
  std::FILE* out_;
  Units units_;
  bool with_label_;
  std::string line_;
};

}  // namespace chairhub
