// [mqtt] config parsing and the credentials file.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "core/input_error.hpp"
#include "mqtt/config.hpp"
#include "support/mqtt_support.hpp"

namespace chairhub::mqtt {
namespace {

MqttConfig parse(std::string_view text) { return mqtt_config_from_toml(toml::parse(text), "chair.toml"); }

std::string error_of(std::string_view text) {
  try {
    parse(text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(MqttConfig, DefaultsWhenAbsent) {
  const auto c = parse("[other]\nx = 1\n");
  EXPECT_FALSE(c.enabled);
  EXPECT_EQ(c.port, 1883);
  EXPECT_EQ(c.discovery_prefix, "homeassistant");
  EXPECT_FALSE(c.publish_weight);
}

TEST(MqttConfig, ReadsEveryKey) {
  const auto c = parse(R"(
[mqtt]
host = "broker.lan"
port = 8883
chair_id = "desk-1"
base_topic = "office/chairs"
discovery_prefix = "ha"
discovery = false
device_name = "Desk chair"
keepalive_s = 20
reconnect_min_s = 2
reconnect_max_s = 30
ca_file = "/etc/ssl/ca.pem"
cert_file = "/etc/chairhub/c.pem"
key_file = "/etc/chairhub/c.key"
credentials_file = "/etc/chairhub/mqtt.cred"
credentials_permissions = "refuse"
outbox_size = 50
publish_weight = true
state_interval_s = 2.5
snooze_minutes = 20
)");
  EXPECT_TRUE(c.enabled);
  EXPECT_EQ(c.host, "broker.lan");
  EXPECT_EQ(c.port, 8883);
  EXPECT_EQ(c.chair_id, "desk-1");
  EXPECT_EQ(c.base_topic, "office/chairs");
  EXPECT_EQ(c.discovery_prefix, "ha");
  EXPECT_FALSE(c.discovery);
  EXPECT_EQ(c.device_name, "Desk chair");
  EXPECT_EQ(c.keepalive_s, 20);
  EXPECT_EQ(c.reconnect_min_s, 2);
  EXPECT_EQ(c.reconnect_max_s, 30);
  EXPECT_EQ(c.ca_file, "/etc/ssl/ca.pem");
  EXPECT_EQ(c.key_file, "/etc/chairhub/c.key");
  EXPECT_EQ(c.credentials_file, "/etc/chairhub/mqtt.cred");
  EXPECT_EQ(c.credentials_permissions, LoosePermissions::refuse);
  EXPECT_EQ(c.outbox_size, 50u);
  EXPECT_TRUE(c.publish_weight);
  EXPECT_DOUBLE_EQ(c.state_interval_s, 2.5);
  EXPECT_EQ(c.snooze_minutes, 20);
}

// Worded as every section of the config words its problems (core/section_reader.hpp).
TEST(MqttConfig, ErrorsNameLineAndKey) {
  EXPECT_EQ(error_of("[mqtt]\nhost = \"h\"\nport = 70000\n"), "chair.toml:3: mqtt.port: must be between 1 and 65535, not 70000");
  EXPECT_EQ(error_of("[mqtt]\nport = \"1883\"\n"), "chair.toml:2: mqtt.port: expected a whole number");
  EXPECT_EQ(error_of("[mqtt]\n\nhots = \"x\"\n"), "chair.toml:3: mqtt.hots: unknown key");
  EXPECT_EQ(error_of("[mqtt]\nchair_id = \"a/b\"\n"), "chair.toml:2: mqtt.chair_id: use 1..64 letters, digits, '_' or '-'");
  EXPECT_EQ(error_of("[mqtt]\nbase_topic = \"a/#\"\n"),
            "chair.toml:2: mqtt.base_topic: must be a topic without wildcards or empty levels");
  EXPECT_EQ(error_of("[mqtt]\npublish_weight = 1\n"), "chair.toml:2: mqtt.publish_weight: expected true or false");
  EXPECT_EQ(error_of("[mqtt]\ncert_file = \"c.pem\"\n"),
            "chair.toml:2: mqtt.cert_file: cert_file and key_file go together\n"
            "chair.toml:2: mqtt.cert_file: a client certificate needs ca_file (TLS)");
  EXPECT_EQ(error_of("[mqtt]\ncredentials_permissions = \"ignore\"\n"),
            "chair.toml:2: mqtt.credentials_permissions: must be \"warn\" or \"refuse\"");
  EXPECT_EQ(error_of("[mqtt]\nreconnect_min_s = 10\nreconnect_max_s = 5\n"),
            "chair.toml:3: mqtt.reconnect_max_s: must not be less than reconnect_min_s");
  EXPECT_EQ(error_of("[mqtt]\noutbox_size = 0\n"), "chair.toml:2: mqtt.outbox_size: must be between 1 and 1000000, not 0");
  EXPECT_EQ(error_of("mqtt = 3\n"), "chair.toml:1: mqtt: expected a table ([mqtt])");
}

// Every problem of the section at once, not only the first.
TEST(MqttConfig, EveryProblemAtOnce) {
  EXPECT_EQ(error_of("[mqtt]\nport = 0\nchair_id = \"a/b\"\nhots = \"x\"\n"),
            "chair.toml:4: mqtt.hots: unknown key\n"
            "chair.toml:2: mqtt.port: must be between 1 and 65535, not 0\n"
            "chair.toml:3: mqtt.chair_id: use 1..64 letters, digits, '_' or '-'");
}

class CredentialsTest : public ::testing::Test {
 protected:
  test::TempDir dir;
  test::LogCatcher log;
  std::filesystem::path write(const std::string& text, mode_t mode) {
    auto p = dir.path() / "mqtt.cred";
    std::ofstream(p) << text;
    chmod(p.c_str(), mode);
    return p;
  }
};

TEST_F(CredentialsTest, ReadsUsernameAndVerbatimPassword) {
  const auto c = read_credentials(write("# broker\nusername = chair1\npassword= s3cr=t \n", 0600),
                                  LoosePermissions::refuse, log.logger());
  EXPECT_EQ(c.username, "chair1");
  EXPECT_EQ(c.password, " s3cr=t ");
  EXPECT_TRUE(log.lines.empty());
}

TEST_F(CredentialsTest, WarnsOrRefusesWhenOthersCanRead) {
  const auto p = write("username=u\npassword=p\n", 0644);
  EXPECT_EQ(read_credentials(p, LoosePermissions::warn, log.logger()).username, "u");
  EXPECT_TRUE(log.has("readable by group or others"));
  EXPECT_THROW(read_credentials(p, LoosePermissions::refuse, log.logger()), InputError);
}

TEST_F(CredentialsTest, MalformedFiles) {
  EXPECT_THROW(read_credentials(dir.path() / "missing", LoosePermissions::warn, {}), InputError);
  EXPECT_THROW(read_credentials(write("password=p\n", 0600), LoosePermissions::warn, {}), InputError);
  try {
    read_credentials(write("username=u\nuser pass\n", 0600), LoosePermissions::warn, {});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("mqtt.cred:2: expected key=value"), std::string::npos);
  }
}

}  // namespace
}  // namespace chairhub::mqtt
