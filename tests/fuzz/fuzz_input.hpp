#pragma once
// Shared by the fuzz targets: the fuzzer's bytes as text, and as a file for the parsers that
// read one from a path.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace chairhub::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The lowest free file descriptor: higher after a run than before it means the run leaked one.
int lowest_free_fd();

// A directory of this process's own, removed at exit. On /dev/shm where there is one, so the
// parsers that fsync (the outbox) stay fast.
class ScratchDir {
 public:
  static ScratchDir& get();
  ~ScratchDir();

  // Writes `bytes` to `name` in the directory, replacing it; returns the file's path.
  std::string write(const std::string& name, std::string_view bytes) const;
  const std::filesystem::path& path() const { return path_; }

 private:
  ScratchDir();
  std::filesystem::path path_;
};

}  // namespace chairhub::fuzz
