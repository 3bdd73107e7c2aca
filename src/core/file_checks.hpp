#pragma once
// Whether a file or folder that a config names is usable, checked when the config is read so
// that a wrong path is a config problem naming its key, not a failure later at run time.
#include <filesystem>
#include <optional>
#include <string>

namespace chairhub {

// Why `path` cannot be read as a file ("does not exist", "is a folder", "cannot be read:
// Permission denied"); nothing when it can. A FIFO counts as a file and is not opened.
std::optional<std::string> unreadable_file(const std::filesystem::path& path);

// Why `path` cannot be (or become) a folder to write in: a file in its place or on its way, or
// no write permission; nothing when it can. Nothing is created.
std::optional<std::string> unusable_folder(const std::filesystem::path& path);

// True when group or others may read the file (a secret should be 0600).
bool readable_by_others(const std::filesystem::path& path);

}  // namespace chairhub
