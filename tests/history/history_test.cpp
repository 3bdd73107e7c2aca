// The history: events in, rows out, one per change; summaries of a day; damage, retention,
// and what a restart finds open.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "core/input_error.hpp"
#include "history/history_sink.hpp"
#include "history/summary.hpp"
#include "support/temp_dir.hpp"

namespace chairhub {
namespace {

using testing_support::TempDir;

struct Caught {
  std::vector<std::string> lines;
  Logger logger() {
    return [this](LogLevel, std::string_view text) { lines.emplace_back(text); };
  }
  bool has(std::string_view part) const {
    for (const auto& l : lines)
      if (l.find(part) != std::string::npos) return true;
    return false;
  }
};

const double kNineAm = *parse_local_time("2026-11-30T09:00");

// A morning: sits at 9:00 upright, slouches at 9:30, a break due at 9:50 with a nudge, leaves
// at 10:00 for ten minutes (a break), back at 10:10, gone at 10:40.
void play_morning(HistoryDb& db) {
  HistorySink sink(db, [](double t) { return kNineAm + t; }, {});
  const auto at = [](double minutes) { return minutes * 60; };
  sink.on_event({at(0), Seated{}});
  sink.on_event({at(0), PostureChange{Posture::upright, std::nullopt}});
  sink.on_event({at(30), PostureChange{Posture::slouching, Posture::upright}});
  sink.on_event({at(50), BreakDue{50 * 60, 50 * 60, {}}});
  sink.on_event({at(50), Nudge{NudgeReason::brk, "Time to stand up.", std::nullopt}});
  sink.on_event({at(60), StoodUp{}});
  sink.on_event({at(70), BreakTaken{600, 3600}});
  sink.on_event({at(70), Seated{}});
  sink.on_event({at(70), PostureChange{Posture::upright, std::nullopt}});
  sink.on_event({at(80), SensorFault{"foot_l", Fault::missing}});
  sink.on_event({at(85), SensorOk{"foot_l"}});
  sink.on_event({at(100), StoodUp{}});
  sink.flush();
}

TEST(History, ADaySummaryFromTheEvents) {
  TempDir dir;
  HistoryDb db({.file = dir.path("history.sqlite")}, {});
  play_morning(db);
  const DaySummary day = summarize_day(db, "2026-11-30");
  EXPECT_DOUBLE_EQ(day.seated_s, 90 * 60);  // 60 min, then 30
  EXPECT_DOUBLE_EQ(day.longest_stretch_s, 60 * 60);
  EXPECT_EQ(day.breaks_taken, 1);
  EXPECT_EQ(day.breaks_due, 1);
  EXPECT_DOUBLE_EQ(day.posture_s.at("upright"), 60 * 60);
  EXPECT_DOUBLE_EQ(day.posture_s.at("slouching"), 30 * 60);
  EXPECT_EQ(day.nudges.at("break"), 1);
  int faults = 0;
  for (const auto& i : day.intervals)
    if (i.kind == IntervalKind::fault) {
      ++faults;
      EXPECT_EQ(i.name, "foot_l");
      EXPECT_EQ(i.detail, "missing");
      EXPECT_DOUBLE_EQ(i.end - i.start, 5 * 60);
    }
  EXPECT_EQ(faults, 1);
  // Nothing the day before or after.
  EXPECT_EQ(summarize_day(db, "2026-11-29").seated_s, 0);
  EXPECT_EQ(summarize_day(db, "2026-12-01").seated_s, 0);
  const auto week = summarize_week(db, "2026-12-01");
  ASSERT_EQ(week.size(), 7u);
  EXPECT_EQ(week[5].date, "2026-11-30");
  EXPECT_DOUBLE_EQ(week[5].seated_s, 90 * 60);
}

// A restart finds the sitting and posture it was in ended at the last thing it knew; the session
// goes on (the daemon carries it over).
TEST(History, ARestartEndsWhatWasOpenButTheSession) {
  TempDir dir;
  const std::string file = dir.path("history.sqlite");
  {
    HistoryDb db({.file = file}, {});
    HistorySink sink(db, [](double t) { return kNineAm + t; }, {});
    sink.on_event({0, Seated{}});
    sink.on_event({0, PostureChange{Posture::upright, std::nullopt}});
    sink.on_event({600, Nudge{NudgeReason::lumbar, "Sit back.", std::nullopt}});
  }
  HistoryDb db({.file = file}, {});
  EXPECT_TRUE(db.has_open(IntervalKind::session));
  EXPECT_FALSE(db.has_open(IntervalKind::sitting));
  EXPECT_FALSE(db.has_open(IntervalKind::posture));
  EXPECT_DOUBLE_EQ(summarize_day(db, "2026-11-30").seated_s, 600);
}

TEST(History, ADamagedFileIsSetAsideAndAFreshOneStarted) {
  TempDir dir;
  const std::string file = dir.write("history.sqlite", std::string(8192, 'x'));
  Caught log;
  HistoryDb db({.file = file}, log.logger());
  EXPECT_TRUE(log.has(file + ": the history is damaged")) << (log.lines.empty() ? "" : log.lines[0]);
  EXPECT_TRUE(std::filesystem::exists(file + ".damaged"));
  play_morning(db);
  EXPECT_DOUBLE_EQ(summarize_day(db, "2026-11-30").seated_s, 90 * 60);
  // A report never changes or sets aside a file: it says what is wrong.
  const std::string other = dir.write("other.sqlite", std::string(8192, 'x'));
  EXPECT_THROW((void)std::make_unique<HistoryDb>(HistoryOptions{.file = other, .read_only = true}, Logger{}),
               std::runtime_error);
  EXPECT_FALSE(std::filesystem::exists(other + ".damaged"));
}

TEST(History, KeepsNoMoreThanTheRetention) {
  TempDir dir;
  HistoryDb db({.file = dir.path("history.sqlite"), .retention_days = 7}, {});
  play_morning(db);
  {
    // ten days later the morning is past the retention; the sink prunes at its first event
    HistorySink sink(db, [](double t) { return kNineAm + 10 * 86400 + t; }, {});
    sink.on_event({0, Seated{}});
    sink.flush();
  }
  EXPECT_EQ(summarize_day(db, "2026-11-30").seated_s, 0);
  EXPECT_TRUE(db.has_open(IntervalKind::sitting));
}

TEST(History, LocalTimesAreCheckedStrictly) {
  EXPECT_TRUE(parse_local_time("2026-11-30"));
  EXPECT_TRUE(parse_local_time("2026-11-30T09:00"));
  EXPECT_TRUE(parse_local_time("2026-11-30 09:00:30"));
  EXPECT_EQ(*parse_local_time("2026-11-30T09:00") - *parse_local_time("2026-11-30"), 9 * 3600);
  EXPECT_EQ(*parse_local_time("2026-11-30T09:00:00Z"), 1796029200);  // UTC, as `chairhub record` writes it
  EXPECT_FALSE(parse_local_time("2026-11-30Z"));
  for (const char* bad : {"", "2026-11-31", "2026-13-01", "2026-11-30T25:00", "30.11.2026", "2026-11-30T09:00x",
                          "yesterday"})
    EXPECT_FALSE(parse_local_time(bad)) << bad;
  TempDir dir;
  HistoryDb db({.file = dir.path("history.sqlite")}, {});
  EXPECT_THROW(summarize_day(db, "2026-11-31"), InputError);
}

}  // namespace
}  // namespace chairhub
