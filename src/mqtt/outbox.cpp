#include "mqtt/outbox.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <system_error>
#include <utility>
#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/text.hpp"

namespace chairhub::mqtt {

namespace {

// A seq read back beyond this is corrupt: real ones count events from 1 and never get near, and
// next_seq_ must not wrap round onto an entry still pending (acks go by seq).
constexpr std::uint64_t kMaxSeq = std::uint64_t{1} << 62;

std::string errno_text() { return std::strerror(errno); }

bool write_all(int fd, const std::string& data) {
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

std::string add_line(const Outbox::Entry& e) {
  return nlohmann::json{{"a", e.seq}, {"p", e.payload}}.dump(-1, ' ', false,
                                                             nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace

Outbox::Outbox(OutboxOptions options, Logger logger) : options_(std::move(options)), log_(or_silent(std::move(logger))) {
  if (options_.capacity == 0) options_.capacity = 1;
  if (options_.file.empty()) return;
  load();
  compact();
}

Outbox::~Outbox() {
  if (fd_ >= 0) ::close(fd_);
}

void Outbox::load() {
  std::error_code ec;
  const auto status = std::filesystem::status(options_.file, ec);
  if (!std::filesystem::exists(status)) return;  // first run
  if (!std::filesystem::is_regular_file(status)) {
    log_(LogLevel::warning, "outbox " + options_.file.string() + ": not a regular file, ignored");
    return;
  }
  std::ifstream in(options_.file, std::ios::binary);
  if (!in) return;
  std::map<std::uint64_t, std::string> live;
  std::string line;
  std::size_t bad = 0;
  std::uintmax_t read = 0;
  const std::uintmax_t budget = max_file_bytes();
  bool too_long = false;
  while (read < budget && read_line_within(in, line, kMaxLineBytes, too_long)) {
    read += line.size() + 1;
    if (too_long) {
      ++bad;
      continue;
    }
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object() && j.contains("a") && j["a"].is_number_unsigned() && j["a"].get<std::uint64_t>() < kMaxSeq &&
        j.contains("p") && j["p"].is_string()) {
      live[j["a"].get<std::uint64_t>()] = j["p"].get<std::string>();
      next_seq_ = std::max(next_seq_, j["a"].get<std::uint64_t>() + 1);
      if (live.size() > options_.capacity) live.erase(live.begin());  // the oldest would be dropped anyway
    } else if (j.is_object() && j.contains("d") && j["d"].is_number_unsigned()) {
      live.erase(j["d"].get<std::uint64_t>());
    } else {
      ++bad;  // typically the last line, torn by a crash mid-write
    }
  }
  if (read >= budget)
    log_(LogLevel::warning, "outbox " + options_.file.string() + ": larger than " + std::to_string(budget >> 20) +
                                " MiB, far more than " + std::to_string(options_.capacity) +
                                " events need; the rest is ignored");
  if (bad > 0) log_(LogLevel::warning, "outbox " + options_.file.string() + ": ignored " + std::to_string(bad) +
                                           " unreadable line(s)");
  for (auto& [seq, payload] : live) entries_.push_back({seq, std::move(payload)});
  while (entries_.size() > options_.capacity) drop_oldest();
  if (!entries_.empty())
    log_(LogLevel::info, "outbox: " + std::to_string(entries_.size()) + " undelivered event(s) from the last run");
}

// Rewrites the file with the live entries only, atomically: a crash at any point leaves either
// the old or the new file, never a half-written one.
void Outbox::compact() {
  if (options_.file.empty()) return;
  std::string data;
  for (const auto& e : entries_) data += add_line(e);
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  try {
    write_file_atomically(options_.file, data);
  } catch (const std::system_error& e) {
    errno = e.code().value();  // file_failed names it
    return file_failed("cannot rewrite");
  }
  fd_ = ::open(options_.file.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (fd_ < 0) return file_failed("cannot open");
  dead_lines_ = 0;
  failing_ = false;
  if (!entries_.empty()) wrote_again();  // an empty file needs no space: that proves nothing
}

void Outbox::wrote_again() {
  if (std::exchange(complained_, false))
    log_(LogLevel::notice, "outbox " + options_.file.string() + ": writable again, " +
                               std::to_string(entries_.size()) + " undelivered event(s) saved");
}

// The file no longer matches memory (a full disk, an I/O error). Said once; every later change
// tries to rewrite the whole file from memory until that works. Events are still sent meanwhile.
void Outbox::file_failed(const std::string& what) {
  const std::string error = errno_text();
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  failing_ = true;
  if (std::exchange(complained_, true)) return;
  log_(LogLevel::error, "outbox " + options_.file.string() + ": " + what + " (" + error +
                            "); events are kept in memory only until it can be written again");
}

void Outbox::append_line(const std::string& line, bool sync) {
  if (options_.file.empty()) return;
  if (fd_ < 0) {
    if (failing_) compact();  // the rewrite from memory includes this change
    return;
  }
  if (!write_all(fd_, line)) return file_failed("write failed");
  if (sync && ::fdatasync(fd_) != 0) return file_failed("fdatasync failed");
  wrote_again();
}

std::uint64_t Outbox::push(std::string payload) {
  if (entries_.size() >= options_.capacity) drop_oldest();
  entries_.push_back({next_seq_++, std::move(payload)});
  const auto seq = entries_.back().seq;
  append_line(add_line(entries_.back()), options_.sync_each);
  maybe_compact();
  return seq;
}

void Outbox::drop_oldest() {
  const auto seq = entries_.front().seq;
  entries_.pop_front();
  if (dropped_pending_ == 0)
    log_(LogLevel::warning, "outbox full (" + std::to_string(options_.capacity) +
                                " events): dropping the oldest undelivered events");
  ++dropped_pending_;
  ++dropped_total_;
  append_line(nlohmann::json{{"d", seq}}.dump() + "\n", false);
  ++dead_lines_;
}

void Outbox::ack(std::uint64_t seq) {
  auto it = std::find_if(entries_.begin(), entries_.end(), [seq](const Entry& e) { return e.seq == seq; });
  if (it == entries_.end()) return;
  entries_.erase(it);
  // losing this line in a crash only means one duplicate delivery, so no sync
  append_line(nlohmann::json{{"d", seq}}.dump() + "\n", false);
  ++dead_lines_;
  maybe_compact();
}

void Outbox::maybe_compact() {
  if (dead_lines_ >= 256 && dead_lines_ > entries_.size()) compact();
}

std::size_t Outbox::take_dropped_count() { return std::exchange(dropped_pending_, 0); }

}  // namespace chairhub::mqtt
