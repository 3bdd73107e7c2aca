#include "web/password.hpp"

#include <gtest/gtest.h>

namespace chairhub::web {
namespace {

TEST(PasswordTest, AHashMatchesItsPasswordOnly) {
  const std::string hash = hash_password("correct horse");
  EXPECT_TRUE(hash.starts_with("$y$")) << hash;  // yescrypt
  EXPECT_EQ(hash.find("correct"), std::string::npos);
  EXPECT_TRUE(password_matches("correct horse", hash));
  EXPECT_FALSE(password_matches("correct horse ", hash));
  EXPECT_FALSE(password_matches("", hash));
  EXPECT_FALSE(password_matches("correct horse", ""));
  EXPECT_TRUE(password_hash_problem(hash).empty()) << password_hash_problem(hash);
}

TEST(PasswordTest, TheSamePasswordGetsAnotherSaltEachTime) {
  EXPECT_NE(hash_password("correct horse"), hash_password("correct horse"));
}

TEST(PasswordTest, OnlyFullHashesOfAStrongMethodAreTaken) {
  EXPECT_NE(password_hash_problem("$9$nonsense").find("not a password hash"), std::string::npos);
  // a plain word reads as a DES hash with its two-letter salt
  EXPECT_NE(password_hash_problem("letmein").find("weak old method"), std::string::npos);
  EXPECT_NE(password_hash_problem("").find("empty"), std::string::npos);
  // DES, the oldest crypt(3) method, is refused or flagged as weak
  EXPECT_FALSE(password_hash_problem("abJnggxhB/yWI").empty());
  // a salt alone would take any password
  const std::string hash = hash_password("correct horse");
  const std::string salt_only = hash.substr(0, hash.rfind('$') + 1);
  EXPECT_FALSE(password_hash_problem(salt_only).empty());
}

}  // namespace
}  // namespace chairhub::web
