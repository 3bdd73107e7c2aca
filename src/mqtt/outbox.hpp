#pragma once
// Events waiting for the broker's acknowledgement, oldest first. Bounded: when full the oldest
// is dropped (and counted, and logged). Persisted as an append-only file of JSON lines in the
// state directory so that a restart during an outage loses nothing:
//   {"a":<seq>,"p":"<payload>"}   an event added
//   {"d":<seq>}                   an event delivered (or dropped)
// The file is compacted (rewritten with the live entries, then renamed over) when it has
// gathered enough dead lines, and on every open. When the file cannot be written (a full disk)
// the events are still kept and sent from memory, and each later change retries a full rewrite.
#include <cstdint>
#include <deque>
#include <filesystem>
#include <string>

#include "core/log.hpp"

namespace chairhub::mqtt {

struct OutboxOptions {
  std::size_t capacity = 1000;
  std::filesystem::path file;  // empty: memory only
  bool sync_each = true;       // fdatasync after each add: survives a power cut, not just a crash
};

class Outbox {
 public:
  struct Entry {
    std::uint64_t seq;
    std::string payload;
  };

  // The longest line read back: an event is a few hundred bytes.
  static constexpr std::size_t kMaxLineBytes = std::size_t{64} * 1024;

  // Loads what an earlier run left in `options.file`. A torn last line (crash mid-write) is
  // ignored; a file that cannot be opened is logged and the outbox runs from memory. Read
  // within bounds: lines up to kMaxLineBytes, the file up to max_file_bytes(), never more than
  // `capacity` events kept, and a file that is not a regular file (a device) is ignored.
  Outbox(OutboxOptions options, Logger logger);
  ~Outbox();
  Outbox(const Outbox&) = delete;
  Outbox& operator=(const Outbox&) = delete;

  // Adds at the end; drops the oldest first when full. Returns the new entry's seq.
  std::uint64_t push(std::string payload);

  // Removes the entry (no-op if it is already gone, e.g. dropped while in flight).
  void ack(std::uint64_t seq);

  // 16 MiB, plus 2 KiB for every event the outbox may hold.
  std::uintmax_t max_file_bytes() const { return (std::uintmax_t{16} << 20) + options_.capacity * 2048; }

  const std::deque<Entry>& entries() const { return entries_; }
  bool empty() const { return entries_.empty(); }
  std::size_t size() const { return entries_.size(); }

  // Dropped since the last call (the caller reports it once the broker is back).
  std::size_t take_dropped_count();
  std::size_t dropped_total() const { return dropped_total_; }

 private:
  void load();
  void compact();
  void maybe_compact();
  void append_line(const std::string& line, bool sync);
  void file_failed(const std::string& what);
  void wrote_again();
  void drop_oldest();

  OutboxOptions options_;
  Logger log_;
  std::deque<Entry> entries_;
  std::uint64_t next_seq_ = 1;
  int fd_ = -1;
  bool failing_ = false;     // the file is behind memory: rewrite it at the next change
  bool complained_ = false;  // that was logged; "writable again" once events are written
  std::size_t dead_lines_ = 0;
  std::size_t dropped_pending_ = 0;
  std::size_t dropped_total_ = 0;
};

}  // namespace chairhub::mqtt
