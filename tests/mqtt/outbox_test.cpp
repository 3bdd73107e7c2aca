// The outbox: order, bound, persistence across restarts, torn writes, compaction.
#include <gtest/gtest.h>

#include <sys/resource.h>

#include <csignal>
#include <filesystem>
#include <fstream>

#include "mqtt/outbox.hpp"
#include "support/mqtt_support.hpp"

namespace chairhub::mqtt {
namespace {

std::vector<std::string> payloads(const Outbox& box) {
  std::vector<std::string> out;
  for (const auto& e : box.entries()) out.push_back(e.payload);
  return out;
}

std::size_t line_count(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::size_t n = 0;
  std::string line;
  while (std::getline(in, line)) ++n;
  return n;
}

TEST(Outbox, KeepsOrderAndAcksInAnyOrder) {
  Outbox box({10, {}, false}, {});
  const auto a = box.push("a");
  const auto b = box.push("b");
  box.push("c");
  EXPECT_EQ(payloads(box), (std::vector<std::string>{"a", "b", "c"}));
  box.ack(b);
  box.ack(b);  // twice is harmless
  box.ack(a);
  EXPECT_EQ(payloads(box), (std::vector<std::string>{"c"}));
}

TEST(Outbox, DropsOldestWhenFullAndSaysSo) {
  test::LogCatcher log;
  Outbox box({3, {}, false}, log.logger());
  for (const char* p : {"1", "2", "3", "4", "5"}) box.push(p);
  EXPECT_EQ(payloads(box), (std::vector<std::string>{"3", "4", "5"}));
  EXPECT_TRUE(log.has("outbox full (3 events)"));
  EXPECT_EQ(box.take_dropped_count(), 2u);
  EXPECT_EQ(box.take_dropped_count(), 0u);
  EXPECT_EQ(box.dropped_total(), 2u);
}

TEST(Outbox, SurvivesARestart) {
  test::TempDir dir;
  const auto file = dir.path() / "outbox.jsonl";
  {
    Outbox box({10, file, true}, {});
    box.push(R"({"type":"seated","n":1})");
    const auto second = box.push("two\nlines \"quoted\"");
    box.push("three");
    box.ack(second);
  }
  Outbox again({10, file, true}, {});
  EXPECT_EQ(payloads(again), (std::vector<std::string>{R"({"type":"seated","n":1})", "three"}));
  // new entries sort after the old ones
  const auto seq = again.push("four");
  EXPECT_GT(seq, again.entries().front().seq);
  Outbox third({10, file, true}, {});
  EXPECT_EQ(payloads(third), (std::vector<std::string>{R"({"type":"seated","n":1})", "three", "four"}));
}

TEST(Outbox, IgnoresATornLastLine) {
  test::TempDir dir;
  const auto file = dir.path() / "outbox.jsonl";
  {
    Outbox box({10, file, false}, {});
    box.push("one");
  }
  {
    std::ofstream out(file, std::ios::app);
    out << R"({"a":7,"p":"half-writ)";
  }
  test::LogCatcher log;
  Outbox box({10, file, false}, log.logger());
  EXPECT_EQ(payloads(box), (std::vector<std::string>{"one"}));
  EXPECT_TRUE(log.has("ignored 1 unreadable line"));
  // and the file was compacted clean
  EXPECT_EQ(line_count(file), 1u);
}

// Read back within bounds: an endless line is skipped, not held; a device in the file's place
// (/dev/zero) is ignored, not read for ever.
TEST(Outbox, ReadsItsFileWithinBounds) {
  test::TempDir dir;
  const auto file = dir.path() / "outbox.jsonl";
  {
    Outbox box({10, file, false}, {});
    box.push("one");
  }
  {
    std::ofstream out(file, std::ios::app);
    out << std::string(Outbox::kMaxLineBytes * 3, 'x') << "\n" << R"({"a":9,"p":"two"})" << "\n";
  }
  test::LogCatcher log;
  {
    Outbox box({10, file, false}, log.logger());
    EXPECT_EQ(payloads(box), (std::vector<std::string>{"one", "two"}));
    EXPECT_TRUE(log.has("ignored 1 unreadable line"));
  }
  std::filesystem::remove(file);
  std::filesystem::create_symlink("/dev/zero", file);
  test::LogCatcher device_log;
  Outbox box({10, file, false}, device_log.logger());
  EXPECT_TRUE(box.empty());
  EXPECT_TRUE(device_log.has("not a regular file, ignored"));
}

TEST(Outbox, ShrinkingCapacityOnLoadDropsOldest) {
  test::TempDir dir;
  const auto file = dir.path() / "outbox.jsonl";
  {
    Outbox box({10, file, false}, {});
    for (const char* p : {"1", "2", "3", "4"}) box.push(p);
  }
  Outbox box({2, file, false}, {});
  EXPECT_EQ(payloads(box), (std::vector<std::string>{"3", "4"}));
}

TEST(Outbox, CompactsTheFileAsEntriesAreAcked) {
  test::TempDir dir;
  const auto file = dir.path() / "outbox.jsonl";
  Outbox box({100, file, false}, {});
  for (int i = 0; i < 2000; ++i) box.ack(box.push("event " + std::to_string(i)));
  box.push("last");
  EXPECT_LT(line_count(file), 600u);  // bounded, not 4001 lines
  Outbox again({100, file, false}, {});
  EXPECT_EQ(payloads(again), (std::vector<std::string>{"last"}));
}

// A write that fails (here: over the file size limit, EFBIG; a full disk, ENOSPC, takes the same
// path, see tests/service/storage_faults_test.cpp) is said once; the events stay in memory and
// the next change rewrites the whole file from memory as soon as that works again.
TEST(Outbox, AFailedWriteIsSaidOnceAndTheNextChangeRewritesTheFile) {
  test::TempDir dir;
  const auto file = dir.path() / "outbox.jsonl";
  test::LogCatcher log;
  Outbox box({10, file, true}, log.logger());
  box.push("one");
  const auto saved_size = std::filesystem::file_size(file);

  const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);  // EFBIG instead of the signal
  rlimit old_limit{};
  ::getrlimit(RLIMIT_FSIZE, &old_limit);
  rlimit limit = old_limit;
  limit.rlim_cur = saved_size + 4;
  ::setrlimit(RLIMIT_FSIZE, &limit);
  box.push("two");
  box.push("three");
  ::setrlimit(RLIMIT_FSIZE, &old_limit);
  std::signal(SIGXFSZ, old_handler);

  EXPECT_EQ(payloads(box), (std::vector<std::string>{"one", "two", "three"}));
  std::size_t complaints = 0;
  for (const auto& [level, text] : log.lines) complaints += text.find("memory only") != std::string::npos;
  EXPECT_EQ(complaints, 1u);
  EXPECT_TRUE(log.has("write failed (File too large)"));

  box.push("four");
  EXPECT_TRUE(log.has("writable again, 4 undelivered event(s) saved"));
  Outbox again({10, file, true}, {});
  EXPECT_EQ(payloads(again), (std::vector<std::string>{"one", "two", "three", "four"}));
}

TEST(Outbox, UnwritableDirectoryFallsBackToMemory) {
  test::LogCatcher log;
  Outbox box({10, "/nonexistent-dir/outbox.jsonl", false}, log.logger());
  box.push("x");
  EXPECT_EQ(box.size(), 1u);
  EXPECT_TRUE(log.has("memory only"));
}

}  // namespace
}  // namespace chairhub::mqtt
