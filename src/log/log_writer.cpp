#include "log/log_writer.hpp"

#include <charconv>
#include <cmath>

namespace chairhub {
namespace {

void append_number(std::string& out, double value, int decimals) {
  if (std::isnan(value)) return;  // an empty field is a missing reading
  char buf[64];
  auto result = decimals < 0 ? std::to_chars(buf, buf + sizeof buf, value)
                             : std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
  out.append(buf, result.ptr);
}

}  // namespace

LogWriter::LogWriter(std::FILE* out, const ChannelLayout& layout, Units units,
                     const std::map<std::string, std::string>& metadata, bool with_label)
    : out_(out), units_(units), with_label_(with_label) {
  std::fprintf(out_, "# chairhub sensor log\n# units: %s\n", units == Units::raw ? "raw" : "calibrated");
  for (const auto& [key, value] : metadata)
    if (key != "units") std::fprintf(out_, "# %s: %s\n", key.c_str(), value.c_str());
  std::string header = "t";
  for (const auto& c : layout.channels) header += "," + c.name;
  if (with_label_) header += ",label";
  std::fprintf(out_, "%s\n", header.c_str());
}

void LogWriter::write(const Sample& sample, const std::string& label) {
  line_.clear();
  append_number(line_, sample.t, -1);
  for (double v : sample.values) {
    line_ += ',';
    append_number(line_, v, units_ == Units::raw ? 0 : 3);
  }
  if (with_label_) {
    line_ += ',';
    // A label is one field: a comma or line break in it would shift the columns.
    for (char c : label) line_ += (c == ',' || c == '\n' || c == '\r') ? ' ' : c;
  }
  line_ += '\n';
  std::fwrite(line_.data(), 1, line_.size(), out_);
}

}  // namespace chairhub
