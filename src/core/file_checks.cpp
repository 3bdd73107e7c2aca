#include "core/file_checks.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace chairhub {
namespace {

std::string errno_text(int error) { return std::strerror(error); }

}  // namespace

std::optional<std::string> unreadable_file(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return "does not exist";
    return "cannot be read: " + errno_text(errno);
  }
  if (S_ISDIR(st.st_mode)) return "is a folder, not a file";
  if (::access(path.c_str(), R_OK) != 0) return "cannot be read: " + errno_text(errno);
  return std::nullopt;
}

std::optional<std::string> unusable_folder(const std::filesystem::path& path) {
  // The nearest part of the path that exists decides: a folder we may write in, or not.
  std::filesystem::path existing = path;
  struct stat st {};
  while (::stat(existing.c_str(), &st) != 0) {
    if (errno != ENOENT || !existing.has_relative_path()) return "cannot be used: " + errno_text(errno);
    existing = existing.parent_path();
  }
  if (!S_ISDIR(st.st_mode)) {
    if (existing == path) return "is a file, not a folder";
    return "cannot be made: " + existing.string() + " is a file, not a folder";
  }
  if (::access(existing.c_str(), W_OK | X_OK) != 0) {
    const std::string why = errno_text(errno);
    if (existing == path) return "cannot be written: " + why;
    return "cannot be made in " + existing.string() + ": " + why;
  }
  return std::nullopt;
}

bool readable_by_others(const std::filesystem::path& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && (st.st_mode & (S_IRGRP | S_IROTH)) != 0;
}

}  // namespace chairhub
