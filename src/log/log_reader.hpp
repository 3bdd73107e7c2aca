#pragma once
// Streaming reader of the chairhub sensor log format (docs/log-format.md). It holds one line at a
// time, so memory stays flat whatever the log's length. Every problem is an InputError naming
// the file and line.
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/channel.hpp"
#include "core/sample.hpp"

namespace chairhub {

// Buffered line source over a FILE*, much faster than std::getline for large logs. It reads
// what is there (read(2) on the file's descriptor), so rows from a pipe or FIFO come out as
// they arrive, not when a block of the buffer's size has filled.
class LineSource {
 public:
  // Holds many rows (a row is about 100 bytes), so a large log costs few reads; small enough
  // not to weigh in the replay's memory.
  static constexpr std::size_t kDefaultBufferSize = std::size_t{64} * 1024;
  // The longest line read: far above any row or metadata line (a few hundred bytes), low enough
  // that an endless line (a log that is /dev/zero) cannot fill the memory.
  static constexpr std::size_t kMaxLineBytes = std::size_t{64} * 1024;
  // A small `buffer_size` lets the fuzzer reach the stitching of lines longer than the buffer.
  // A stream without a descriptor (fmemopen) is read with fread.
  explicit LineSource(std::FILE* file, std::size_t buffer_size = kDefaultBufferSize);
  // Next line without its end-of-line; false at end of file. The view lives until the next call.
  // Throws std::length_error for a line longer than kMaxLineBytes.
  bool next(std::string_view& line);
  // The errno of a failed read (the file then ends there), 0 if none failed.
  int read_error() const { return read_error_; }

 private:
  std::size_t fill(char* to, std::size_t room);

  std::FILE* file_;
  int fd_;  // -1: read through file_
  // Not zeroed: only what was read is looked at, so a short log touches only a page or two.
  std::unique_ptr<char[]> buffer_;
  std::size_t buffer_size_;
  std::size_t begin_ = 0, end_ = 0;
  bool eof_ = false;
  int read_error_ = 0;
  std::string long_line_;  // a line longer than the buffer, stitched together
};

class LogReader {
 public:
  // Opens `path` ("-" for standard input) and reads the metadata and header row.
  LogReader(const std::string& path, const ChannelLayout& layout);
  LogReader(const LogReader&) = delete;
  LogReader& operator=(const LogReader&) = delete;

  // Reads the next sample into `sample` (values in layout order). False at end of log.
  bool next(Sample& sample);

  Units units() const { return units_; }
  const std::map<std::string, std::string>& metadata() const { return metadata_; }
  bool has_label() const { return label_column_ >= 0; }
  // Ground truth of the last sample read, empty if the log has no label column.
  const std::string& label() const { return label_; }
  std::size_t line_number() const { return line_number_; }
  const std::string& name() const { return name_; }

 private:
  void read_header();
  [[noreturn]] void fail(const std::string& what) const;
  bool next_line(std::string_view& line);
  // Fills `sample` from a row; false for a blank or comment line.
  bool parse_row(std::string_view line, Sample& sample);
  // The careful path for one field: the label, or any number the fast path does not take.
  void parse_field(std::size_t column, std::string_view field, Sample& sample);

  std::string name_;
  // Closed even when the constructor throws (a bad header), so bad logs leak no descriptor.
  struct CloseUnlessStdin {
    void operator()(std::FILE* file) const {
      if (file != stdin) std::fclose(file);
    }
  };
  std::unique_ptr<std::FILE, CloseUnlessStdin> file_;
  std::unique_ptr<LineSource> lines_;
  const ChannelLayout& layout_;
  std::map<std::string, std::string> metadata_;
  Units units_ = Units::raw;
  // For each column of the file, the layout index it fills; -1 for t, -2 for label.
  std::vector<int> column_target_;
  int label_column_ = -1;
  std::string label_;
  std::size_t line_number_ = 0;
  double last_t_ = -1e300;
};

// Parses one field: a finite decimal number, or NaN for an empty field or "nan".
// Returns false if the field is not a number.
bool parse_reading(std::string_view field, double& value);

}  // namespace chairhub
