// Writing the calibration file; reading it is file_reader.cpp.
#include "calibration/file.hpp"

#include <cstdio>
#include <system_error>

#include "core/atomic_file.hpp"
#include "core/input_error.hpp"

namespace chairhub {

std::string format_calibration(const Calibration& calibration, const ChannelLayout& layout,
                               const std::vector<std::string>& comment) {
  std::string out;
  for (const auto& line : comment) out += "# " + line + "\n";
  // %.10g keeps a scale such as 4.8123456e-05 to well below a gram.
  const auto field = [&out](const char* key, const std::optional<double>& v) {
    if (!v) return;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s = %.10g\n", key, *v);
    out += buf;
  };
  for (const auto& ch : layout.channels) {
    const auto it = calibration.find(ch.name);
    if (it == calibration.end()) continue;
    out += "\n[" + ch.name + "]\n";
    field("offset", it->second.offset);
    field("scale", it->second.scale);
    field("empty", it->second.empty);
    field("full", it->second.full);
  }
  return out;
}

void write_calibration_file(const std::string& path, const std::string& text) {
  try {
    write_file_atomically(path, text, 0644);  // nothing secret in a calibration
  } catch (const std::system_error& e) {
    throw InputError(path, 0, e.what());
  }
}

}  // namespace chairhub
