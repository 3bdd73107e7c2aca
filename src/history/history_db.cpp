#include "history/history_db.hpp"

#include <sqlite3.h>

#include <array>
#include <stdexcept>
#include <system_error>
#include <utility>

namespace chairhub {
namespace {

constexpr std::array kIntervalNames = {"sitting", "session", "posture", "break", "fault"};
constexpr std::array kMomentNames = {"nudge", "break_due"};

const char* const kSchema = R"(
CREATE TABLE IF NOT EXISTS intervals(kind TEXT NOT NULL, start REAL NOT NULL, end REAL,
                                     name TEXT NOT NULL DEFAULT '', detail TEXT NOT NULL DEFAULT '',
                                     value REAL NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS intervals_by_start ON intervals(start);
CREATE TABLE IF NOT EXISTS moments(kind TEXT NOT NULL, t REAL NOT NULL, name TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS moments_by_t ON moments(t);
PRAGMA user_version = 1;
)";

// One prepared statement, finalised when it goes.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string("history: ") + sqlite3_errmsg(db));
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, double v) {
    sqlite3_bind_double(stmt_, i, v);
    return *this;
  }
  Statement& bind(int i, std::string_view v) {
    // an empty view may have no data at all, which SQLite would take for NULL
    sqlite3_bind_text(stmt_, i, v.empty() ? "" : v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  // True while there is a row.
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) throw std::runtime_error(std::string("history: ") + sqlite3_errmsg(db_));
    return false;
  }
  double number(int column) const { return sqlite3_column_double(stmt_, column); }
  std::string text(int column) const {
    const auto* p = sqlite3_column_text(stmt_, column);
    return p ? std::string(reinterpret_cast<const char*>(p)) : std::string();
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

std::string said(const std::string& file, const char* what, const std::string& why) {
  std::string text = file;
  text += what;
  text += why;
  return text;
}

template <class Kind, std::size_t N>
Kind kind_from(const std::string& name, const std::array<const char*, N>& names) {
  for (std::size_t i = 0; i < N; ++i)
    if (name == names[i]) return static_cast<Kind>(i);
  return static_cast<Kind>(0);
}

}  // namespace

std::string_view to_string(IntervalKind kind) { return kIntervalNames.at(static_cast<std::size_t>(kind)); }
std::string_view to_string(MomentKind kind) { return kMomentNames.at(static_cast<std::size_t>(kind)); }

HistoryDb::HistoryDb(HistoryOptions options, Logger log) : options_(std::move(options)), log_(or_silent(std::move(log))) {
  open_or_start_afresh();
  if (options_.read_only) return;
  // What was open when the daemon last stopped ended then, as far as anyone knows; a session
  // stays open: the daemon carries it over a restart.
  const double last = last_time();
  for (IntervalKind kind : {IntervalKind::sitting, IntervalKind::posture, IntervalKind::fault})
    close_interval(kind, last);
}

HistoryDb::~HistoryDb() { sqlite3_close(db_); }

void HistoryDb::open_or_start_afresh() {
  const std::string name = options_.file.string();
  for (int attempt = 0; attempt < 2; ++attempt) {
    std::string why;
    bool damaged = false;
    const int flags = options_.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(name.c_str(), &db_, flags, nullptr) == SQLITE_OK) {
      try {
        if (!options_.read_only) exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
        Statement check(db_, "PRAGMA quick_check");
        if (check.step() && check.text(0) != "ok") {
          damaged = true;
          throw std::runtime_error(check.text(0));
        }
        if (!options_.read_only) exec(kSchema);
        return;
      } catch (const std::exception& e) {
        why = e.what();
      }
    } else {
      why = sqlite3_errmsg(db_);
    }
    // Only a file that is not a sound database is damaged; a full disk or a folder without
    // permission is not the file's fault, and it stays as it is.
    const int code = sqlite3_errcode(db_) & 0xff;
    damaged = damaged || code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
    sqlite3_close(db_);
    db_ = nullptr;
    if (options_.read_only) throw std::runtime_error(said(name, ": cannot read the history: ", why));
    if (!damaged || attempt == 1) throw std::runtime_error(said(name, ": cannot open the history: ", why));
    set_aside(why);
  }
}

// A damaged file is set aside, never deleted: its rows may still be worth something to someone.
void HistoryDb::set_aside(const std::string& why) {
  const std::string name = options_.file.string();
  std::error_code ec;
  const std::string aside = name + ".damaged";
  std::filesystem::rename(options_.file, aside, ec);
  std::filesystem::remove(name + "-wal", ec);
  std::filesystem::remove(name + "-shm", ec);
  log_(LogLevel::warning, name + ": the history is damaged (" + why + "); kept as " + aside + " and started afresh");
}

void HistoryDb::exec(const char* sql) const {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string why = error ? error : "unknown error";
    sqlite3_free(error);
    throw std::runtime_error("history: " + why);
  }
}

void HistoryDb::open_interval(IntervalKind kind, double start, std::string_view name, std::string_view detail) {
  Statement s(db_, "INSERT INTO intervals(kind, start, name, detail) VALUES(?, ?, ?, ?)");
  s.bind(1, to_string(kind)).bind(2, start).bind(3, name).bind(4, detail).step();
}

void HistoryDb::close_interval(IntervalKind kind, double end, std::optional<std::string_view> name,
                               std::optional<double> value) {
  Statement s(db_, name ? "UPDATE intervals SET end = max(start, ?), value = coalesce(?, value) "
                          "WHERE kind = ? AND end IS NULL AND name = ?"
                        : "UPDATE intervals SET end = max(start, ?), value = coalesce(?, value) "
                          "WHERE kind = ? AND end IS NULL");
  s.bind(1, end).bind(3, to_string(kind));
  if (value) s.bind(2, *value);
  if (name) s.bind(4, *name);
  s.step();
}

void HistoryDb::add_interval(IntervalKind kind, double start, double end) {
  Statement s(db_, "INSERT INTO intervals(kind, start, end) VALUES(?, ?, ?)");
  s.bind(1, to_string(kind)).bind(2, start).bind(3, end).step();
}

void HistoryDb::add_moment(MomentKind kind, double t, std::string_view name) {
  Statement s(db_, "INSERT INTO moments(kind, t, name) VALUES(?, ?, ?)");
  s.bind(1, to_string(kind)).bind(2, t).bind(3, name).step();
}

bool HistoryDb::has_open(IntervalKind kind) const {
  Statement s(db_, "SELECT 1 FROM intervals WHERE kind = ? AND end IS NULL LIMIT 1");
  s.bind(1, to_string(kind));
  return s.step();
}

std::uint64_t HistoryDb::size_bytes() const {
  Statement s(db_, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()");
  return s.step() ? static_cast<std::uint64_t>(s.number(0)) : 0;
}

void HistoryDb::prune(double now) {
  const double before = now - options_.retention_days * 86400;
  Statement(db_, "DELETE FROM intervals WHERE coalesce(end, start) < ?").bind(1, before).step();
  Statement(db_, "DELETE FROM moments WHERE t < ?").bind(1, before).step();
  // Over the size: a tenth of the oldest rows at a time (the freed pages are reused).
  for (int round = 0; round < 10 && size_bytes() > options_.max_bytes; ++round) {
    Statement(db_, "DELETE FROM intervals WHERE rowid IN (SELECT rowid FROM intervals ORDER BY start "
                   "LIMIT (SELECT count(*) / 10 + 1 FROM intervals))").step();
    Statement(db_, "DELETE FROM moments WHERE rowid IN (SELECT rowid FROM moments ORDER BY t "
                   "LIMIT (SELECT count(*) / 10 + 1 FROM moments))").step();
    exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
}

std::vector<Interval> HistoryDb::intervals(double from, double to) const {
  const double last = last_time();
  Statement s(db_, "SELECT kind, start, coalesce(end, ?), name, detail, value FROM intervals "
                   "WHERE start < ? AND coalesce(end, ?) > ? ORDER BY start");
  s.bind(1, last).bind(2, to).bind(3, last).bind(4, from);
  std::vector<Interval> out;
  while (s.step())
    out.push_back({kind_from<IntervalKind>(s.text(0), kIntervalNames), s.number(1), s.number(2), s.text(3), s.text(4),
                   s.number(5)});
  return out;
}

std::vector<Moment> HistoryDb::moments(double from, double to) const {
  Statement s(db_, "SELECT kind, t, name FROM moments WHERE t >= ? AND t < ? ORDER BY t");
  s.bind(1, from).bind(2, to);
  std::vector<Moment> out;
  while (s.step()) out.push_back({kind_from<MomentKind>(s.text(0), kMomentNames), s.number(1), s.text(2)});
  return out;
}

double HistoryDb::last_time() const {
  Statement s(db_, "SELECT max(coalesce((SELECT max(max(start, coalesce(end, start))) FROM intervals), 0), "
                   "coalesce((SELECT max(t) FROM moments), 0))");
  return s.step() ? s.number(0) : 0;
}

}  // namespace chairhub
