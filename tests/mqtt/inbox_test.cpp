// Inbox: bounded, taken at a limited rate after a burst, oversized payloads cut short.
#include <gtest/gtest.h>

#include "mqtt/inbox.hpp"

namespace chairhub::mqtt {
namespace {

using namespace std::chrono_literals;

TEST(Inbox, TakesABurstThenKeepsToItsRate) {
  Inbox inbox({.capacity = 10, .per_second = 4, .burst = 3});
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(inbox.push("t", std::to_string(i).c_str(), 1, false));
  EXPECT_FALSE(inbox.push("t", "x", 1, false));
  EXPECT_EQ(inbox.take_dropped(), 1u);
  EXPECT_EQ(inbox.take_dropped(), 0u);

  const Inbox::Clock::time_point t0{};
  Inbox::Clock::duration wait{};
  for (int i = 0; i < 3; ++i) {
    const auto m = inbox.pop(t0, wait);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->payload, std::to_string(i));  // in order
  }
  EXPECT_FALSE(inbox.pop(t0, wait));
  EXPECT_EQ(wait, std::chrono::milliseconds(250));  // one more every 1/4 s
  EXPECT_TRUE(inbox.pop(t0 + std::chrono::milliseconds(250), wait));
  EXPECT_FALSE(inbox.pop(t0 + std::chrono::milliseconds(250), wait));
  // a long pause refills no more than the burst
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(inbox.pop(t0 + std::chrono::seconds(60), wait));
  EXPECT_FALSE(inbox.pop(t0 + std::chrono::seconds(60), wait));
}

TEST(Inbox, KeepsOnlyTheStartOfAnOversizedPayload) {
  Inbox inbox({});
  const std::string huge(Inbox::kMaxKeptBytes * 3, 'x');
  ASSERT_TRUE(inbox.push("t", huge.data(), huge.size(), true));
  Inbox::Clock::duration wait{};
  const auto m = inbox.pop(Inbox::Clock::now(), wait);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->payload.size(), Inbox::kMaxKeptBytes);
  EXPECT_TRUE(m->retained);
  EXPECT_TRUE(inbox.empty());
  EXPECT_FALSE(inbox.pop(Inbox::Clock::now(), wait));
  EXPECT_EQ(wait, Inbox::Clock::duration::zero());
}

}  // namespace
}  // namespace chairhub::mqtt
