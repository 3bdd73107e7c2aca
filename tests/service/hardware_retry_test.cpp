// HardwareRetry on its own: tries until the sensors open, tells what is missing only when that
// changes, stops when asked, and lets through what a retry would not mend. The loop runs until
// no try is pending, so nothing here depends on how long a try takes.
#include <gtest/gtest.h>

#include <deque>
#include <stdexcept>
#include <string>
#include <vector>

#include "hw/util/device_error.hpp"
#include "service/hardware_retry.hpp"

namespace chairhub {
namespace {

// The outcome of each try in turn: a DeviceError's message, "" for open, or "bug" for another
// exception. After the list, tries open.
class Rig {
 public:
  explicit Rig(std::deque<std::string> outcomes) : outcomes_(std::move(outcomes)) {
    config.hardware_retry_s = 0.001;
  }

  HardwareRetry::Handlers handlers() {
    return {[this] {
              ++tries;
              if (outcomes_.empty()) return;
              const std::string next = outcomes_.front();
              outcomes_.pop_front();
              if (next == "bug") throw std::invalid_argument("HX711 rate must be 10 or 80 samples/s");
              if (!next.empty()) throw hw::DeviceError(hw::ErrorKind::no_device, next);
            },
            [this](const std::string& status) { said.push_back(status); },
            [this] { ++opened; },
            [this](const std::string& what) { failed.push_back(what); }};
  }

  boost::asio::io_context io;
  ServiceConfig config;
  int tries = 0, opened = 0;
  std::vector<std::string> said, failed;

 private:
  std::deque<std::string> outcomes_;
};

TEST(HardwareRetry, SensorsThatAreThereOpenAtOnce) {
  Rig rig({});
  HardwareRetry retry(rig.io, rig.config, rig.handlers());
  retry.start();
  EXPECT_EQ(rig.opened, 1);
  EXPECT_FALSE(retry.waiting());
  EXPECT_TRUE(rig.said.empty());
  rig.io.run();  // nothing pending
  EXPECT_EQ(rig.tries, 1);
}

TEST(HardwareRetry, TriesUntilTheSensorsAnswerAndSaysWhatIsMissingOnlyWhenItChanges) {
  Rig rig({"no GPIO chip found", "no GPIO chip found", "no GPIO chip found", "opening /dev/i2c-1: No such file",
           "opening /dev/i2c-1: No such file", ""});
  HardwareRetry retry(rig.io, rig.config, rig.handlers());
  retry.start();  // the first try is at once, on the caller's thread
  EXPECT_TRUE(retry.waiting());
  EXPECT_EQ(retry.status(), "waiting for the sensors: no GPIO chip found; retrying every 0.001 s");
  ASSERT_EQ(rig.said.size(), 1u);
  EXPECT_EQ(rig.said[0], retry.status());

  rig.config.hardware_retry_s = 0.002;  // read at every try, as after a reload: new words
  rig.io.run();
  EXPECT_EQ(rig.tries, 6);
  EXPECT_EQ(rig.opened, 1);
  EXPECT_FALSE(retry.waiting());
  ASSERT_EQ(rig.said.size(), 3u) << ::testing::PrintToString(rig.said);
  EXPECT_EQ(rig.said[1], "waiting for the sensors: no GPIO chip found; retrying every 0.002 s");
  EXPECT_EQ(rig.said[2], "waiting for the sensors: opening /dev/i2c-1: No such file; retrying every 0.002 s");
  EXPECT_TRUE(rig.failed.empty());
}

TEST(HardwareRetry, StatusNamesTheIntervalPlainly) {
  Rig rig({"no GPIO chip found"});
  rig.config.hardware_retry_s = 5;
  HardwareRetry retry(rig.io, rig.config, rig.handlers());
  retry.start();
  EXPECT_EQ(retry.status(), "waiting for the sensors: no GPIO chip found; retrying every 5 s");
  retry.stop();
}

TEST(HardwareRetry, SensorsLostAgainAreReportedAgainEvenForTheSameReason) {
  Rig rig({"no GPIO chip found", "", "no GPIO chip found", ""});
  HardwareRetry retry(rig.io, rig.config, rig.handlers());
  retry.start();
  rig.io.run();
  EXPECT_EQ(rig.opened, 1);
  retry.start();  // the daemon does this when a read fails
  rig.io.restart();
  rig.io.run();
  EXPECT_EQ(rig.opened, 2);
  EXPECT_EQ(rig.said.size(), 2u);
}

TEST(HardwareRetry, StopEndsTheTries) {
  Rig rig({"no GPIO chip found", "no GPIO chip found"});
  HardwareRetry retry(rig.io, rig.config, rig.handlers());
  retry.start();
  retry.stop();
  rig.io.run();  // returns: the pending try was cancelled
  EXPECT_EQ(rig.tries, 1);
  EXPECT_EQ(rig.opened, 0);
  retry.retry_now();  // stopped: nothing
  EXPECT_EQ(rig.tries, 1);
}

TEST(HardwareRetry, RetryNowTriesAtOnceWhileWaitingAndOpensOnlyOnce) {
  Rig rig({"no GPIO chip found", ""});
  rig.config.hardware_retry_s = 3600;  // only retry_now() can bring the next try
  HardwareRetry retry(rig.io, rig.config, rig.handlers());
  retry.start();
  retry.retry_now();
  EXPECT_EQ(rig.opened, 1);
  retry.retry_now();  // not waiting: nothing
  rig.io.run();       // the hour-long tick was cancelled, not left to open a second time
  EXPECT_EQ(rig.tries, 2);
  EXPECT_EQ(rig.opened, 1);
}

TEST(HardwareRetry, AnotherErrorThanMissingHardwareIsNotRetried) {
  Rig rig({"bug"});
  HardwareRetry retry(rig.io, rig.config, rig.handlers());
  retry.start();
  rig.io.run();
  EXPECT_EQ(rig.tries, 1);
  ASSERT_EQ(rig.failed.size(), 1u);
  EXPECT_EQ(rig.failed[0], "HX711 rate must be 10 or 80 samples/s");
  EXPECT_FALSE(retry.waiting());
}

}  // namespace
}  // namespace chairhub
