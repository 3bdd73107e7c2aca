#include "web/web_config.hpp"

#include <gtest/gtest.h>

#include "web/password.hpp"

namespace chairhub::web {
namespace {

WebConfig read(const std::string& text) {
  return read_alone(toml::parse(text), "chair.toml", [](const SectionReader& root) { return read_web_config(root); });
}

std::string joined(const std::vector<std::string>& problems) {
  std::string all;
  for (const auto& p : problems) all += p + "\n";
  return all;
}

TEST(WebConfigTest, TheLoopbackWithoutAPasswordByDefault) {
  const WebConfig c = read("");
  EXPECT_TRUE(c.enabled);
  EXPECT_EQ(c.address, "127.0.0.1");
  EXPECT_EQ(c.port, 8180);
  EXPECT_FALSE(c.has_password());
}

TEST(WebConfigTest, EveryInterfaceOnlyWithAPassword) {
  const std::string hash = hash_password("a long password");
  const WebConfig c = read("[web]\naddress = \"0.0.0.0\"\nport = 8080\npassword_hash = \"" + hash + "\"\n");
  EXPECT_EQ(c.address, "0.0.0.0");
  EXPECT_EQ(c.port, 8080);
  EXPECT_EQ(c.password_hash, hash);
  try {
    read("[web]\naddress = \"0.0.0.0\"\n");
    FAIL() << "no problem";
  } catch (const ConfigError& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_NE(e.problems()[0].find("chair.toml:2: web.address: 0.0.0.0 is reachable from the network"), std::string::npos)
        << e.problems()[0];
  }
}

TEST(WebConfigTest, EveryProblemNamedAtItsKey) {
  try {
    read("[web]\naddress = \"my-pi\"\nport = 70000\npassword_hash = \"$9$nonsense\"\nsession_hours = 0\ncolour = 1\n");
    FAIL() << "no problem";
  } catch (const ConfigError& e) {
    const std::string all = joined(e.problems());
    EXPECT_NE(all.find("web.address: \"my-pi\" is not an IP address"), std::string::npos) << all;
    EXPECT_NE(all.find("web.port"), std::string::npos) << all;
    EXPECT_NE(all.find("web.password_hash: is not a password hash"), std::string::npos) << all;
    EXPECT_NE(all.find("web.session_hours"), std::string::npos) << all;
    EXPECT_NE(all.find("web.colour"), std::string::npos) << all;
  }
}

}  // namespace
}  // namespace chairhub::web
