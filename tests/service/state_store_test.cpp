// StateStore: what chairhubd keeps across restarts, written atomically; a missing file is a first
// start, an unusable one a warning and a fresh state.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <system_error>

#include "service/state_store.hpp"
#include "support/mqtt_support.hpp"

namespace chairhub {
namespace {

namespace fs = std::filesystem;
using mqtt::test::TempDir;

using mqtt::test::read_text;

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

PersistedState full_state() {
  PersistedState s;
  s.session_start_wall = 1763715302.125;
  s.session_seated_s = 1834.5;
  s.saved_at_wall = 1763717136.75;
  s.day = "2026-11-21";
  s.day_sitting_s = 12345.25;
  s.day_breaks = 7;
  Baseline b;
  b.cop_x = -0.0625;
  b.cop_y = 0.1;  // not exactly representable: must still come back bit for bit
  b.lumbar = 0.3;
  b.seat_kg = 51.7;
  b.feet = 0.65;
  b.pattern = {0.25, 0.3, 0.2, 0.25, 0.55, 0.5, std::numeric_limits<double>::quiet_NaN()};
  b.spread = {0.01, 0.0125, 0.01, 0.01, 0.02, 0.03, 0};
  s.baseline = b;
  s.tare = {{"seat_fl", 8123.5}, {"seat_fr", -412.0}, {"seat_bl", 1e-7}, {"seat_br", 0}};
  s.nudges_enabled = false;
  s.snoozed_until_wall = 1763718000.5;
  s.chair_id = "chair-5e1f03c2";
  return s;
}

void expect_same(const PersistedState& a, const PersistedState& b) {
  EXPECT_EQ(a.chair_id, b.chair_id);
  EXPECT_EQ(a.session_start_wall, b.session_start_wall);
  if (a.session_start_wall) {
    EXPECT_EQ(a.session_seated_s, b.session_seated_s);
  }
  EXPECT_EQ(a.saved_at_wall, b.saved_at_wall);
  EXPECT_EQ(a.day, b.day);
  EXPECT_EQ(a.day_sitting_s, b.day_sitting_s);
  EXPECT_EQ(a.day_breaks, b.day_breaks);
  ASSERT_EQ(a.baseline.has_value(), b.baseline.has_value());
  if (a.baseline) {
    EXPECT_EQ(a.baseline->cop_x, b.baseline->cop_x);
    EXPECT_EQ(a.baseline->cop_y, b.baseline->cop_y);
    EXPECT_EQ(a.baseline->lumbar, b.baseline->lumbar);
    EXPECT_EQ(a.baseline->seat_kg, b.baseline->seat_kg);
    EXPECT_EQ(a.baseline->feet, b.baseline->feet);
    ASSERT_EQ(a.baseline->pattern.size(), b.baseline->pattern.size());
    for (std::size_t i = 0; i < a.baseline->pattern.size(); ++i) {
      if (std::isnan(a.baseline->pattern[i])) EXPECT_TRUE(std::isnan(b.baseline->pattern[i])) << i;
      else EXPECT_EQ(a.baseline->pattern[i], b.baseline->pattern[i]) << i;
    }
    EXPECT_EQ(a.baseline->spread, b.baseline->spread);
  }
  EXPECT_EQ(a.tare, b.tare);
  EXPECT_EQ(a.nudges_enabled, b.nudges_enabled);
  EXPECT_EQ(a.snoozed_until_wall, b.snoozed_until_wall);
}

void expect_fresh(const PersistedState& s) { expect_same(s, PersistedState{}); }

TEST(StateStore, RoundTripsEveryField) {
  TempDir dir;
  StateStore store(dir.path());
  const PersistedState saved = full_state();
  store.save(saved);
  std::string warning = "stale";
  const PersistedState loaded = store.load(warning);
  EXPECT_EQ(warning, "");
  expect_same(loaded, saved);
  // And the text form on its own.
  expect_same(parse_persisted_state(serialize_persisted_state(saved)), saved);
}

TEST(StateStore, RoundTripsTheEmptyAndOptionalParts) {
  TempDir dir;
  StateStore store(dir.path());
  PersistedState s;  // no session, no baseline, no tare, no snooze
  s.saved_at_wall = 100;
  s.day = "2026-01-02";
  store.save(s);
  std::string warning;
  auto loaded = store.load(warning);
  EXPECT_EQ(warning, "");
  expect_same(loaded, s);
  EXPECT_FALSE(loaded.session_start_wall);
  EXPECT_FALSE(loaded.baseline);
  EXPECT_TRUE(loaded.tare.empty());
  EXPECT_TRUE(loaded.nudges_enabled);
  EXPECT_FALSE(loaded.snoozed_until_wall);
}

TEST(StateStore, RoundTripsABaselineWithAndWithoutLumbarAndSeatLoad) {
  TempDir dir;
  StateStore store(dir.path());
  for (int variant = 0; variant < 4; ++variant) {
    SCOPED_TRACE(variant);
    PersistedState s = full_state();
    s.baseline->lumbar.reset();
    s.baseline->seat_kg.reset();
    if (variant & 1) s.baseline->lumbar = 0.45;
    if (variant & 2) s.baseline->seat_kg = 62.25;
    store.save(s);
    std::string warning;
    const auto loaded = store.load(warning);
    EXPECT_EQ(warning, "");
    expect_same(loaded, s);
    ASSERT_TRUE(loaded.baseline);
    EXPECT_EQ(loaded.baseline->lumbar.has_value(), (variant & 1) != 0);
    EXPECT_EQ(loaded.baseline->seat_kg.has_value(), (variant & 2) != 0);
  }
}

TEST(StateStore, AMissingFileIsAFreshStartWithoutAWarning) {
  TempDir dir;
  StateStore store(dir.path());
  std::string warning = "left over";
  expect_fresh(store.load(warning));
  EXPECT_EQ(warning, "");
  // Nor does a directory that does not exist yet.
  StateStore nowhere(dir.path() / "not" / "there");
  expect_fresh(nowhere.load(warning));
  EXPECT_EQ(warning, "");
}

TEST(StateStore, ACorruptFileGivesAFreshStateAndAWarningNamingTheFile) {
  const std::string good = serialize_persisted_state(full_state());
  auto replace = [&](const std::string& from, const std::string& to) {
    std::string text = good;
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
  };
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"empty", ""},
      {"truncated", good.substr(0, good.size() / 2)},
      {"not json", "session=12\n"},
      {"an array", "[1, 2, 3]"},
      {"a number", "42"},
      {"no version", replace("\"version\": 1", "\"versio\": 1")},
      {"wrong version", replace("\"version\": 1", "\"version\": 2")},
      {"version as text", replace("\"version\": 1", "\"version\": \"1\"")},
      {"text for a number", replace("\"breaks\": 7", "\"breaks\": \"seven\"")},
      {"text for a flag", replace("\"nudges_enabled\": false", "\"nudges_enabled\": \"no\"")},
      {"number for the day object", replace("\"day\": {", "\"day\": 5, \"x\": {")},
      {"number for the session object", replace("\"session\": {", "\"session\": 3, \"x\": {")},
      {"number for the baseline object", replace("\"baseline\": {", "\"baseline\": 1, \"x\": {")},
      {"number for the tare map", replace("\"tare\": {", "\"tare\": 0, \"x\": {")},
      {"text in the tare map", replace("\"seat_fl\": 8123.5", "\"seat_fl\": \"heavy\"")},
      {"text in the pattern", replace("\"pattern\": [", "\"pattern\": [\"x\",")},
      {"a spread longer than the pattern", replace("\"spread\": [", "\"spread\": [1, 1, 1, 1, 1, 1, 1, 1, ")},
      {"a negative spread", replace("\"spread\": [", "\"spread\": [-1, ")},
      {"missing field", replace("\"nudges_enabled\": false,", "")},
      {"binary junk", std::string("\x00\xff\xfe{\x01", 5)},
  };
  for (const auto& [name, text] : cases) {
    SCOPED_TRACE(name);
    TempDir dir;
    StateStore store(dir.path());
    write_text(store.file(), text);
    std::string warning;
    const PersistedState loaded = store.load(warning);
    expect_fresh(loaded);
    EXPECT_NE(warning.find(store.file().string()), std::string::npos) << warning;
    EXPECT_NE(warning.find("starting afresh"), std::string::npos) << warning;
    // The bad file is not "repaired" behind the user's back by loading it.
    EXPECT_EQ(read_text(store.file()), text);
  }
}

// Numbers out of what the daemon can have written are damage like any other: a fresh start with
// a warning, never a dashboard showing them.
TEST(StateStore, OutOfRangeNumbersGiveAFreshStateAndAWarning) {
  const std::string good = serialize_persisted_state(full_state());
  auto replace = [&](const std::string& from, const std::string& to) {
    std::string text = good;
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
  };
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"negative session time", replace("\"seated_s\": 1834.5", "\"seated_s\": -999999997")},
      {"seated longer than the session", replace("\"seated_s\": 1834.5", "\"seated_s\": 1900")},
      {"a session that starts after the save", replace("\"start_wall\": 1763715302.125", "\"start_wall\": 1763727136.75")},
      {"negative day total", replace("\"sitting_s\": 12345.25", "\"sitting_s\": -1")},
      {"a day total of centuries", replace("\"sitting_s\": 12345.25", "\"sitting_s\": 1e10")},
      {"more breaks than minutes", replace("\"breaks\": 7", "\"breaks\": 2000000")},
      {"a centre of pressure off the seat", replace("\"cop_x\": -0.0625", "\"cop_x\": -7")},
      {"a bad chair id", replace("\"chair-5e1f03c2\"", "\"chair/../x\"")},
  };
  for (const auto& [name, text] : cases) {
    SCOPED_TRACE(name);
    TempDir dir;
    StateStore store(dir.path());
    write_text(store.file(), text);
    std::string warning;
    expect_fresh(store.load(warning));
    EXPECT_NE(warning.find(store.file().string()), std::string::npos) << warning;
    EXPECT_NE(warning.find("starting afresh"), std::string::npos) << warning;
  }
}

TEST(StateStore, AnUnreadableFileGivesAWarningNotACrash) {
  TempDir dir;
  StateStore store(dir.path());
  fs::create_directory(store.file());  // a directory where the file belongs: cannot be read
  std::string warning;
  expect_fresh(store.load(warning));
  EXPECT_NE(warning.find(store.file().string()), std::string::npos) << warning;
}

// The file is read within the config files' 1 MiB limit: a runaway file (or /dev/zero linked in
// its place) is a warning and a fresh start, not all of the memory.
TEST(StateStore, AnOversizedFileOrADeviceIsAFreshStartWithAWarning) {
  TempDir dir;
  StateStore store(dir.path());
  std::ofstream(store.file()) << std::string((std::size_t{1} << 20) + 10, ' ');
  std::string warning;
  expect_fresh(store.load(warning));
  EXPECT_NE(warning.find("larger than 1024 KiB"), std::string::npos) << warning;
  fs::remove(store.file());
  fs::create_symlink("/dev/zero", store.file());
  expect_fresh(store.load(warning));
  EXPECT_NE(warning.find("larger than 1024 KiB"), std::string::npos) << warning;
}

TEST(StateStore, SaveLeavesNoTemporaryFileAndReplacesTheOldFileByRename) {
  TempDir dir;
  StateStore store(dir.path());
  PersistedState first = full_state();
  store.save(first);
  const std::string first_text = read_text(store.file());

  // A reader that has the old file open keeps seeing the whole old file: the new one is a new
  // inode renamed over it, never the old one rewritten in place.
  std::ifstream old_reader(store.file(), std::ios::binary);
  struct stat before{};
  ASSERT_EQ(::stat(store.file().c_str(), &before), 0);

  PersistedState second = first;
  second.day_breaks = 8;
  second.tare.clear();
  store.save(second);

  struct stat after{};
  ASSERT_EQ(::stat(store.file().c_str(), &after), 0);
  EXPECT_NE(before.st_ino, after.st_ino);
  const std::string old_seen(std::istreambuf_iterator<char>(old_reader), {});
  EXPECT_EQ(old_seen, first_text);

  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir.path())) names.push_back(entry.path().filename().string());
  EXPECT_EQ(names, std::vector<std::string>{"state.json"});
  EXPECT_FALSE(fs::exists(dir.path() / "state.json.tmp"));
  std::string warning;
  expect_same(store.load(warning), second);
  EXPECT_EQ(warning, "");
}

TEST(StateStore, AStaleTemporaryFileFromAPowerCutDoesNotAffectLoadOrSave) {
  TempDir dir;
  StateStore store(dir.path());
  const PersistedState saved = full_state();
  store.save(saved);
  // The power went out while the next save was writing its temporary file, before the rename.
  PersistedState newer = saved;
  newer.day_breaks = 99;
  const std::string half = serialize_persisted_state(newer);
  write_text(dir.path() / "state.json.tmp", half.substr(0, half.size() / 3));

  std::string warning;
  expect_same(store.load(warning), saved);
  EXPECT_EQ(warning, "");

  // The next save goes through and clears it away.
  store.save(newer);
  EXPECT_FALSE(fs::exists(dir.path() / "state.json.tmp"));
  expect_same(store.load(warning), newer);
  EXPECT_EQ(warning, "");
}

TEST(StateStore, SaveIntoAMissingDirectoryThrowsSystemError) {
  TempDir dir;
  StateStore store(dir.path() / "missing");
  EXPECT_THROW(store.save(full_state()), std::system_error);
  EXPECT_FALSE(fs::exists(dir.path() / "missing"));
}

TEST(StateStore, AFailedSaveLeavesThePreviousFileIntact) {
  TempDir dir;
  StateStore store(dir.path());
  const PersistedState previous = full_state();
  store.save(previous);
  const std::string previous_text = read_text(store.file());

  PersistedState next = previous;
  next.day_breaks = 1;
  // A directory in the temporary file's place: opening it for writing fails even for root.
  fs::create_directory(dir.path() / "state.json.tmp");
  try {
    store.save(next);
    ADD_FAILURE() << "save did not throw";
  } catch (const std::system_error& e) {
    EXPECT_NE(std::string(e.what()).find("state.json.tmp"), std::string::npos) << e.what();
  }
  EXPECT_EQ(read_text(store.file()), previous_text);
  std::string warning;
  expect_same(store.load(warning), previous);
  EXPECT_EQ(warning, "");
}

TEST(StateStore, SaveIntoANonWritableDirectoryThrowsAndKeepsThePreviousFile) {
  if (::geteuid() == 0) GTEST_SKIP() << "root writes into read-only directories";
  TempDir dir;
  StateStore store(dir.path());
  const PersistedState previous = full_state();
  store.save(previous);
  const std::string previous_text = read_text(store.file());
  fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec);
  PersistedState next = previous;
  next.nudges_enabled = true;
  EXPECT_THROW(store.save(next), std::system_error);
  fs::permissions(dir.path(), fs::perms::owner_all);
  EXPECT_EQ(read_text(store.file()), previous_text);
  EXPECT_FALSE(fs::exists(dir.path() / "state.json.tmp"));
}

}  // namespace
}  // namespace chairhub
