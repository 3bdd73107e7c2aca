#pragma once
// Replacing a file so that a crash or power cut at any moment leaves either the old file or the
// new one, never a mix: the data goes to "<file>.tmp" beside it, is flushed to disk, renamed
// over the file, and the directory is flushed so the rename itself is durable.
#include <sys/types.h>

#include <filesystem>
#include <string_view>

namespace chairhub {

// Throws std::system_error naming the step and the file ("write state.json.tmp: No space left
// on device"); the old file is then intact and no temporary file is left.
void write_file_atomically(const std::filesystem::path& file, std::string_view data, mode_t mode = 0600);

}  // namespace chairhub
