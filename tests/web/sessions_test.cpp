#include "web/sessions.hpp"

#include <gtest/gtest.h>

#include <set>

namespace chairhub::web {
namespace {

TEST(SessionsTest, ASessionLastsItsLifetime) {
  SessionStore store(3600);
  const Session s = store.open(100);
  EXPECT_EQ(s.token.size(), 64u);
  EXPECT_NE(s.token, s.csrf);
  ASSERT_TRUE(store.find(s.token, 3000));
  EXPECT_EQ(store.find(s.token, 3000)->csrf, s.csrf);
  EXPECT_FALSE(store.find(s.token, 3700));
  EXPECT_FALSE(store.find(s.token, 200)) << "expired sessions are gone for good";
  EXPECT_FALSE(store.find("", 100));
  EXPECT_FALSE(store.find(std::string(64, '0'), 100));
}

TEST(SessionsTest, ClosedSessionsAreGone) {
  SessionStore store(3600);
  const Session s = store.open(0);
  store.close(s.token);
  EXPECT_FALSE(store.find(s.token, 1));
}

TEST(SessionsTest, TheOldestGoesWhenTooManyAreOpen) {
  SessionStore store(3600);
  const Session first = store.open(0);
  for (std::size_t i = 1; i < SessionStore::kMaxSessions; ++i) store.open(static_cast<double>(i));
  EXPECT_TRUE(store.find(first.token, 50));
  const Session newest = store.open(60);
  EXPECT_FALSE(store.find(first.token, 61));
  EXPECT_TRUE(store.find(newest.token, 61));
}

TEST(SessionsTest, WrongPasswordsSlowAnAddressDown) {
  SessionStore store(3600);
  EXPECT_EQ(store.wait_before_login("10.0.0.5", 0), 0);
  store.login_failed("10.0.0.5", 0);
  EXPECT_DOUBLE_EQ(store.wait_before_login("10.0.0.5", 0), 1);
  store.login_failed("10.0.0.5", 1);
  EXPECT_DOUBLE_EQ(store.wait_before_login("10.0.0.5", 1), 2);
  for (int i = 0; i < 20; ++i) store.login_failed("10.0.0.5", 10);
  EXPECT_DOUBLE_EQ(store.wait_before_login("10.0.0.5", 10), 60) << "at most a minute";
  EXPECT_EQ(store.wait_before_login("10.0.0.6", 10), 0) << "other addresses are not held up";
  store.login_succeeded("10.0.0.5");
  EXPECT_EQ(store.wait_before_login("10.0.0.5", 10), 0);
}

TEST(SessionsTest, TokensAreRandom) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) seen.insert(random_token());
  EXPECT_EQ(seen.size(), 100u);
}

}  // namespace
}  // namespace chairhub::web
