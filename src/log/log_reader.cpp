#include "log/log_reader.hpp"

#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "core/input_error.hpp"
#include "core/text.hpp"
#include "log/plain_number.hpp"

namespace chairhub {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
  return true;
}

// Calls f(field) for each comma-separated field; returns the number of fields.
template <typename F>
std::size_t for_each_field(std::string_view line, F&& f) {
  std::size_t count = 0;
  while (true) {
    const auto comma = line.find(',');
    f(count, trim(line.substr(0, comma)));
    ++count;
    if (comma == std::string_view::npos) return count;
    line.remove_prefix(comma + 1);
  }
}

}  // namespace

bool parse_reading(std::string_view field, double& value) {
  if (field.empty() || iequals(field, "nan")) {
    value = kMissing;
    return true;
  }
  const char* first = field.data();
  if (*first == '+') ++first;
  const char* last = field.data() + field.size();
  auto [end, ec] = std::from_chars(first, last, value);
  return ec == std::errc() && end == last && std::isfinite(value);
}

LineSource::LineSource(std::FILE* file, std::size_t buffer_size)
    : file_(file),
      fd_(::fileno(file)),
      buffer_(std::make_unique_for_overwrite<char[]>(buffer_size)),
      buffer_size_(buffer_size) {}

std::size_t LineSource::fill(char* to, std::size_t room) {
  if (fd_ < 0) {
    const std::size_t got = std::fread(to, 1, room, file_);
    if (got == 0 && std::ferror(file_)) read_error_ = errno;
    return got;
  }
  while (true) {
    const ssize_t got = ::read(fd_, to, room);
    if (got >= 0) return static_cast<std::size_t>(got);
    if (errno != EINTR) {
      read_error_ = errno;
      return 0;
    }
  }
}

bool LineSource::next(std::string_view& line) {
  long_line_.clear();
  while (true) {
    const char* start = buffer_.get() + begin_;
    const void* nl = std::memchr(start, '\n', end_ - begin_);
    if (nl != nullptr) {
      const std::size_t len = static_cast<const char*>(nl) - start;
      if (long_line_.size() + len > kMaxLineBytes) throw std::length_error("line too long");
      begin_ += len + 1;
      if (long_line_.empty()) {
        line = std::string_view(start, len);
      } else {
        long_line_.append(start, len);
        line = long_line_;
      }
      return true;
    }
    // No newline in what is buffered: keep the partial line and read more.
    if (eof_) {
      if (long_line_.size() + (end_ - begin_) > kMaxLineBytes) throw std::length_error("line too long");
      long_line_.append(start, end_ - begin_);
      begin_ = end_;
      if (long_line_.empty()) return false;
      line = long_line_;
      return true;
    }
    const std::size_t rest = end_ - begin_;
    if (long_line_.size() + rest > kMaxLineBytes) throw std::length_error("line too long");
    if (begin_ == 0 && rest == buffer_size_) {
      long_line_.append(start, rest);
      begin_ = end_ = 0;
    } else {
      std::memmove(buffer_.get(), start, rest);
      begin_ = 0;
      end_ = rest;
    }
    const std::size_t got = fill(buffer_.get() + end_, buffer_size_ - end_);
    end_ += got;
    if (got == 0) eof_ = true;
  }
}

LogReader::LogReader(const std::string& path, const ChannelLayout& layout)
    : name_(path == "-" ? "<stdin>" : path), layout_(layout) {
  file_.reset(path == "-" ? stdin : std::fopen(path.c_str(), "rb"));
  if (file_ == nullptr) throw InputError(name_, 0, std::string("cannot open: ") + std::strerror(errno));
  lines_ = std::make_unique<LineSource>(file_.get());
  read_header();
}

void LogReader::fail(const std::string& what) const { throw InputError(name_, line_number_, what); }

bool LogReader::next_line(std::string_view& line) {
  try {
    return lines_->next(line);
  } catch (const std::length_error&) {
    ++line_number_;
    fail("a line longer than " + std::to_string(LineSource::kMaxLineBytes / 1024) + " KiB: not a sensor log");
  }
}

void LogReader::read_header() {
  std::string_view line;
  while (next_line(line)) {
    ++line_number_;
    if (line_number_ == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);  // UTF-8 BOM
    line = trim(line);
    if (line.empty()) continue;
    if (line.front() == '#') {
      // "# key: value" before the header is metadata; any other '#' line is a comment.
      const auto body = trim(line.substr(1));
      const auto colon = body.find(':');
      if (colon != std::string_view::npos) {
        const auto key = trim(body.substr(0, colon));
        if (!key.empty() && key.find(' ') == std::string_view::npos)
          metadata_[std::string(key)] = std::string(trim(body.substr(colon + 1)));
      }
      continue;
    }
    // The header row.
    std::vector<bool> seen(layout_.size(), false);
    bool has_t = false;
    for_each_field(line, [&](std::size_t column, std::string_view name) {
      if (name == "t") {
        if (column != 0) fail("column 't' must come first");
        has_t = true;
        column_target_.push_back(-1);
      } else if (name == "label") {
        if (label_column_ >= 0) fail("column 'label' appears twice");
        label_column_ = static_cast<int>(column);
        column_target_.push_back(-2);
      } else if (auto index = layout_.find(name)) {
        if (seen[*index]) fail("column '" + excerpt(name) + "' appears twice");
        seen[*index] = true;
        column_target_.push_back(static_cast<int>(*index));
      } else {
        fail("unknown channel '" + excerpt(name) +
             "' in the header (declare it in the config's [[channel]] list)");
      }
    });
    if (!has_t) fail("the header has no 't' column");
    for (std::size_t i = 0; i < layout_.size(); ++i)
      if (!seen[i]) fail("the config's channel '" + layout_.channels[i].name + "' is not in the header");

    if (auto it = metadata_.find("units"); it != metadata_.end()) {
      if (it->second == "raw") units_ = Units::raw;
      else if (it->second == "calibrated") units_ = Units::calibrated;
      else fail("metadata 'units' is '" + it->second + "'; expected 'raw' or 'calibrated'");
    }
    return;
  }
  fail("no header row (expected a line such as 't,seat_fl,seat_fr,...')");
}

void LogReader::parse_field(std::size_t column, std::string_view field, Sample& sample) {
  if (column >= column_target_.size()) return;  // too many fields: counted, reported by the caller
  const int target = column_target_[column];
  if (target == -2) {
    label_.assign(field);
    return;
  }
  double value;
  if (!parse_reading(field, value))
    fail("column '" + (target == -1 ? std::string("t") : layout_.channels[target].name) + "': '" + excerpt(field) +
         "' is not a number");
  if (target == -1) sample.t = value;
  else sample.values[target] = value;
}

bool LogReader::parse_row(std::string_view line, Sample& sample) {
  const auto body = trim(line);
  if (body.empty() || body.front() == '#') return false;
  // One pass over the row: each field is a plain number taken by the fast path where it ends at
  // a comma or the row's end, else the field is cut at its comma and parsed carefully.
  const char* p = body.data();
  const char* const end = p + body.size();
  const std::size_t columns = column_target_.size();
  std::size_t column = 0;
  while (true) {
    const int target = column < columns ? column_target_[column] : -2;
    double value;
    const char* field_end = target != -2 ? parse_plain_number(p, end, value) : nullptr;
    if (field_end != nullptr && (field_end == end || *field_end == ',')) {
      if (target == -1) sample.t = value;
      else sample.values[target] = value;
    } else {
      const void* comma = std::memchr(p, ',', static_cast<std::size_t>(end - p));
      field_end = comma != nullptr ? static_cast<const char*>(comma) : end;
      parse_field(column, trim(std::string_view(p, static_cast<std::size_t>(field_end - p))), sample);
    }
    ++column;
    if (field_end == end) break;
    p = field_end + 1;
  }
  if (column != columns)
    fail("expected " + std::to_string(columns) + " fields, found " + std::to_string(column));
  return true;
}

bool LogReader::next(Sample& sample) {
  std::string_view line;
  // Sized, not filled: the header has a column for every channel and a row every column (or it
  // is refused), so a row read sets every value, a missing reading as NaN.
  sample.values.resize(layout_.size());
  while (next_line(line)) {
    ++line_number_;
    if (!parse_row(line, sample)) continue;
    if (std::isnan(sample.t)) fail("the time 't' is missing");
    if (sample.t < last_t_)
      fail("time goes backwards (" + std::to_string(sample.t) + " after " + std::to_string(last_t_) + ")");
    last_t_ = sample.t;
    return true;
  }
  if (lines_->read_error() != 0) fail(std::string("read error: ") + std::strerror(lines_->read_error()));
  return false;
}

}  // namespace chairhub
