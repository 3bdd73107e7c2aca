#include "config/calibration_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "config/config.hpp"
#include "core/input_error.hpp"

namespace chairhub {

void apply_calibration(const Calibration& calibration, ChannelLayout& layout) {
  for (const auto& [name, cal] : calibration) {
    const auto index = layout.find(name);
    if (!index) continue;  // parse_calibration has reported it
    Channel& ch = layout.channels[*index];
    ch.offset = cal.offset.value_or(ch.offset);
    ch.scale = cal.scale.value_or(ch.scale);
    ch.empty = cal.empty.value_or(ch.empty);
    ch.full = cal.full.value_or(ch.full);
  }
}

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

void write_file_atomically(const std::string& path, const std::string& text) {
  const std::filesystem::path target(path);
  const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
  std::string temp = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) throw InputError(path, 0, std::string("cannot create a temporary file beside it: ") + std::strerror(errno));
  const auto fail = [&](const char* what) {
    const int err = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    throw InputError(path, 0, std::string(what) + ": " + std::strerror(err));
  };
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail("cannot write");
    done += static_cast<std::size_t>(n);
  }
  // mkstemp makes the file 0600; a calibration holds nothing secret, so readable like a config.
  if (::fchmod(fd, 0644) != 0) fail("cannot set permissions");
  if (::fsync(fd) != 0) fail("cannot flush to disk");
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    throw InputError(path, 0, std::string("cannot write: ") + std::strerror(err));
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    throw InputError(path, 0, std::string("cannot replace: ") + std::strerror(err));
  }
  // The rename is only durable once the directory entry is on disk.
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

}  // namespace chairhub
