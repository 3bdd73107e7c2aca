// Pure builders: timestamps, chair id, topics, state and event payloads, discovery.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <set>

#include "core/posture.hpp"
#include "mqtt/chair_id.hpp"
#include "mqtt/commands.hpp"
#include "mqtt/discovery.hpp"
#include "mqtt/iso_time.hpp"
#include "mqtt/payloads.hpp"
#include "mqtt/topics.hpp"

namespace chairhub::mqtt {
namespace {

using namespace std::chrono;

WallTime at(long long ms) { return WallTime(milliseconds(ms)); }

TEST(IsoTime, FormatsUtcWithMilliseconds) {
  EXPECT_EQ(iso8601_utc(at(0)), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(iso8601_utc(at(1795289266123)), "2026-11-21T19:27:46.123Z");
  EXPECT_EQ(iso8601_utc(at(-1)), "1969-12-31T23:59:59.999Z");
}

TEST(ChairId, FromTheKeyedMachineId) {
  ChairIdSources s;
  s.app_machine_id = [] { return std::optional<std::string>("5e1f03c2d4a94b6e8f0a1b2c3d4e5f60"); };
  s.hostname = [] { return std::optional<std::string>("ignored"); };
  s.machine_id = [] { return std::optional<std::string>("0123456789abcdef0123456789abcdef"); };
  EXPECT_EQ(default_chair_id(s), "chair-5e1f03c2");
  EXPECT_EQ(legacy_chair_id(s), legacy_chair_id(s));
  EXPECT_NE(legacy_chair_id(s), default_chair_id(s));
}

// This machine's id through libsystemd: stable, not the unkeyed id of earlier versions, and
// nothing of the machine id itself.
TEST(ChairId, KeyedOnThisMachine) {
  const auto sources = system_chair_id_sources();
  const auto machine = sources.machine_id();
  if (!machine || !sources.app_machine_id()) GTEST_SKIP() << "no /etc/machine-id here";
  const auto id = default_chair_id(sources);
  EXPECT_EQ(id, default_chair_id(system_chair_id_sources()));
  EXPECT_EQ(id.rfind("chair-", 0), 0u);
  EXPECT_EQ(id.size(), 14u);
  EXPECT_TRUE(valid_chair_id(id));
  EXPECT_NE(id, legacy_chair_id(sources));
  EXPECT_EQ(machine->find(id.substr(6)), std::string::npos);
  EXPECT_NE(*sources.app_machine_id(), *machine);
}

TEST(ChairId, LegacyIdIsTheUnkeyedHashOfEarlierVersions) {
  ChairIdSources s;
  s.machine_id = [] { return std::optional<std::string>("0123456789abcdef0123456789abcdef\n"); };
  // FNV-1a of the 32 digits, as earlier versions published it
  EXPECT_EQ(legacy_chair_id(s), "chair-" + [] {
    std::uint32_t h = 2166136261u;
    for (unsigned char c : std::string("0123456789abcdef0123456789abcdef")) h = (h ^ c) * 16777619u;
    char hex[9];
    std::snprintf(hex, sizeof hex, "%08x", h);
    return std::string(hex);
  }());
}

TEST(ChairId, FallsBackToSanitizedHostname) {
  ChairIdSources s;
  s.hostname = [] { return std::optional<std::string>("Office Pi.example.com"); };
  EXPECT_EQ(default_chair_id(s), "chair-office_pi");
  EXPECT_EQ(legacy_chair_id(s), "chair-office_pi");
  EXPECT_EQ(default_chair_id(ChairIdSources{}), "chair");
}

TEST(ChairId, Validation) {
  EXPECT_TRUE(valid_chair_id("desk-2_a"));
  EXPECT_FALSE(valid_chair_id(""));
  EXPECT_FALSE(valid_chair_id("a/b"));
  EXPECT_FALSE(valid_chair_id("a+"));
  EXPECT_FALSE(valid_chair_id(std::string(65, 'a')));
}

TEST(Topics, AllDerivedFromBase) {
  Topics t("chairhub", "c1", "homeassistant");
  EXPECT_EQ(t.status(), "chairhub/c1/status");
  EXPECT_EQ(t.state(), "chairhub/c1/state");
  EXPECT_EQ(t.event(), "chairhub/c1/event");
  EXPECT_EQ(t.set(), "chairhub/c1/set");
  EXPECT_EQ(t.response("tare"), "chairhub/c1/response/tare");
  EXPECT_EQ(t.discovery(), "homeassistant/device/c1/config");
  EXPECT_EQ(t.request_op("chairhub/c1/request/tare"), "tare");
  EXPECT_EQ(t.request_op("chairhub/c2/request/tare"), "");
  EXPECT_EQ(t.request_op("chairhub/c1/request/a/b"), "");
  EXPECT_TRUE(valid_topic_prefix("home/chairs"));
  EXPECT_FALSE(valid_topic_prefix("home/#"));
  EXPECT_FALSE(valid_topic_prefix("/home"));
  EXPECT_FALSE(valid_topic_prefix("a//b"));
}

ChairState seated_state() {
  ChairState s;
  s.t = 1000;
  s.occupied = true;
  s.posture = Posture::slouching;
  s.feet_flat = true;
  s.seat_kg = 71.26;
  s.left_share = 0.5234;
  s.front_share = 0.4;
  s.lumbar = 0.123;
  s.lumbar_contact = false;
  s.session_start = 400;
  s.sitting_s = 600.4;
  s.since_break_s = 600.6;
  s.break_due = false;
  s.channels = {{"seat_fl", std::nullopt}, {"back", Fault::stuck}};
  return s;
}

TEST(StatePayload, HasEveryFieldAndNoWeightByDefault) {
  const auto j = state_payload(seated_state(), ControlState{}, at(1795289266000), StatePayloadOptions{});
  EXPECT_EQ(j["occupied"], true);
  EXPECT_EQ(j["posture"], "slouching");
  EXPECT_EQ(j["feet_flat"], true);
  EXPECT_EQ(j["session_start"], "2026-11-21T19:17:46.000Z");  // 600 s before "now"
  EXPECT_EQ(j["sitting_s"], 600);
  EXPECT_EQ(j["since_break_s"], 601);
  EXPECT_EQ(j["break_due"], false);
  EXPECT_EQ(j["left_pct"], 52);  // whole percent: finer is noise
  EXPECT_EQ(j["front_pct"], 40);
  EXPECT_EQ(j["lumbar"].dump(), "0.12");
  EXPECT_EQ(j["lumbar_contact"], false);
  EXPECT_EQ(j["nudges"], true);
  EXPECT_TRUE(j["snoozed_until"].is_null());
  EXPECT_TRUE(j["profile"].is_null());
  EXPECT_FALSE(j.contains("seat_kg"));
  EXPECT_EQ(j["health"]["ok"], false);
  EXPECT_EQ(j["health"]["faults"], nlohmann::ordered_json({{"back", "stuck"}}));
  EXPECT_EQ(j["health"]["channels"], nlohmann::ordered_json({{"seat_fl", "ok"}, {"back", "stuck"}}));
  EXPECT_EQ(j["diag"], nlohmann::ordered_json({{"version", ""}, {"uptime_s", 0}, {"outbox", 0}}));
}

TEST(StatePayload, TheProfileInUseByNameAndNewsWhenItChanges) {
  ControlState control;
  control.profile = "anna";
  const auto before = published_state(seated_state(), ControlState{}, StatePayloadOptions{});
  const auto now = published_state(seated_state(), control, StatePayloadOptions{});
  EXPECT_EQ(state_payload(now, 0, at(0))["profile"], "anna");
  EXPECT_TRUE(state_is_news(before, now));
}

TEST(StatePayload, NumbersAreRoundedToWhatTheyMean) {
  auto s = seated_state();
  s.seat_kg = 260.40000000000003;
  s.lumbar = 0.1 + 0.2;
  const auto j = state_payload(s, ControlState{}, at(0), StatePayloadOptions{true}, std::nullopt, {"1.2.3", 12.6, 3});
  EXPECT_EQ(j["seat_kg"].dump(), "260.4");
  EXPECT_EQ(j["lumbar"].dump(), "0.3");
  EXPECT_EQ(j["diag"], nlohmann::ordered_json({{"version", "1.2.3"}, {"uptime_s", 13}, {"outbox", 3}}));
}

// An empty, tared seat's noise once made the left share 260 %.
TEST(StatePayload, SharesAreNullOnAnEmptyChairAndNeverOutOfRange) {
  auto s = seated_state();
  s.left_share = 2.604;
  s.front_share = -0.2;
  s.lumbar = 1.7;
  auto j = state_payload(s, ControlState{}, at(0), StatePayloadOptions{});
  EXPECT_EQ(j["left_pct"], 100);
  EXPECT_EQ(j["front_pct"], 0);
  EXPECT_EQ(j["lumbar"].dump(), "1.0");
  s.occupied = false;
  j = state_payload(s, ControlState{}, at(0), StatePayloadOptions{});
  for (const char* key : {"left_pct", "front_pct", "lumbar", "lumbar_contact"}) EXPECT_TRUE(j[key].is_null()) << key;
}

TEST(StatePayload, WeightOnlyWhenAllowed) {
  const auto j = state_payload(seated_state(), ControlState{}, at(0), StatePayloadOptions{true});
  EXPECT_NEAR(j["seat_kg"].get<double>(), 71.3, 1e-9);
}

TEST(StatePayload, UnknownValuesAreNull) {
  ChairState empty;
  ControlState control{false, at(60000), std::nullopt};
  const auto j = state_payload(empty, control, at(0), StatePayloadOptions{});
  for (const char* key : {"posture", "feet_flat", "session_start", "since_break_s", "left_pct", "front_pct", "lumbar",
                          "lumbar_contact"})
    EXPECT_TRUE(j[key].is_null()) << key;
  EXPECT_EQ(j["nudges"], false);
  EXPECT_EQ(j["snoozed_until"], "1970-01-01T00:01:00.000Z");
  EXPECT_EQ(j["health"]["ok"], true);
}

TEST(StatePayload, SensorsThatCannotBeOpenedAreAProblemWithTheirReason) {
  const auto fine = state_payload(ChairState{}, ControlState{}, at(0), StatePayloadOptions{});
  EXPECT_TRUE(fine["health"]["hardware"].is_null());  // always there: a stable shape
  const std::string why = "waiting for the sensors: no GPIO chip found; retrying every 5 s";
  const auto j = state_payload(ChairState{}, ControlState{}, at(0), StatePayloadOptions{}, why);
  EXPECT_EQ(j["health"]["ok"], false);
  EXPECT_EQ(j["health"]["hardware"], why);
  EXPECT_EQ(j["health"]["faults"], nlohmann::ordered_json::object());
  EXPECT_TRUE(state_is_news(published_state(ChairState{}, ControlState{}, StatePayloadOptions{}),
                            published_state(ChairState{}, ControlState{}, StatePayloadOptions{}, why)));  // at once
}

TEST(StatePayload, NewsIsAChangeBeyondTicksAndSmallWobbles) {
  auto a = seated_state();
  auto b = a;
  auto news = [](const ChairState& x, const ChairState& y) {
    return state_is_news(published_state(x, ControlState{}, StatePayloadOptions{true}),
                         published_state(y, ControlState{}, StatePayloadOptions{true}));
  };
  b.sitting_s += 5;
  b.since_break_s = *b.since_break_s + 5;
  b.left_share = *a.left_share + 0.04;
  b.front_share = *a.front_share - 0.04;
  b.lumbar = *a.lumbar + 0.05;
  b.seat_kg += 1.5;
  EXPECT_FALSE(news(a, b));  // times and wobbles wait for the heartbeat (diagnostics are not compared)
  b.left_share = *a.left_share + 0.05;
  EXPECT_TRUE(news(a, b));  // five points is news
  b = a;
  b.seat_kg += 2;
  EXPECT_TRUE(news(a, b));
  b = a;
  b.posture = Posture::upright;
  EXPECT_TRUE(news(a, b));
  b = a;
  b.occupied = false;  // the shares turn null
  EXPECT_TRUE(news(a, b));
}

TEST(EventPayload, EventJsonPlusTimestamp) {
  const Event e{12.3456, PostureChange{Posture::slouching, Posture::upright}};
  const auto j = event_payload(e, at(1795289266123));
  EXPECT_EQ(j.dump(), R"({"type":"posture","t":12.346,"posture":"slouching","previous":"upright",)"
                      R"("ts":"2026-11-21T19:27:46.123Z"})");
}

class DiscoveryTest : public ::testing::Test {
 protected:
  Topics topics{"chairhub", "chair-ab12", "homeassistant"};
  DiscoveryInfo info{"Office chair", "1.2.3", "https://example.invalid/chairhub", false, 15, "", "", {}};
};

TEST_F(DiscoveryTest, DeviceOriginAndSharedOptions) {
  const auto j = discovery_payload(topics, info);
  EXPECT_EQ(j["dev"]["identifiers"][0], "chairhub_chair-ab12");
  EXPECT_EQ(j["dev"]["name"], "Office chair");
  EXPECT_EQ(j["dev"]["sw_version"], "1.2.3");
  EXPECT_EQ(j["dev"]["serial_number"], "chair-ab12");
  EXPECT_TRUE(j["dev"].contains("manufacturer"));
  EXPECT_TRUE(j["dev"].contains("model"));
  EXPECT_EQ(j["o"]["name"], "chairhub");
  EXPECT_EQ(j["o"]["support_url"], "https://example.invalid/chairhub");
  EXPECT_EQ(j["state_topic"], "chairhub/chair-ab12/state");
  EXPECT_EQ(j["availability"][0]["topic"], "chairhub/chair-ab12/status");
  EXPECT_EQ(j["availability"][0]["payload_not_available"], "offline");
  EXPECT_FALSE(j["dev"].contains("configuration_url")) << "no link while the page is not on the network";
}

TEST_F(DiscoveryTest, TheDeviceLinksToTheChairsPage) {
  info.configuration_url = "http://office-pi.local:8180/";
  EXPECT_EQ(discovery_payload(topics, info)["dev"]["configuration_url"], "http://office-pi.local:8180/");
}

TEST_F(DiscoveryTest, EntitiesHaveNamespacedUniqueIdsAndBothEntityIdHints) {
  const auto j = discovery_payload(topics, info);
  std::set<std::string> ids;
  for (const auto& [key, c] : j["cmps"].items()) {
    EXPECT_TRUE(c.contains("p")) << key;
    const auto uid = c["unique_id"].get<std::string>();
    EXPECT_EQ(uid, "chairhub_chair-ab12_" + key);
    EXPECT_TRUE(ids.insert(uid).second) << "duplicate " << uid;
    EXPECT_EQ(c["object_id"], "chair_ab12_" + key);  // Home Assistant before 2025.10
    EXPECT_EQ(c["default_entity_id"], c["p"].get<std::string>() + ".chair_ab12_" + key);
  }
  const std::map<std::string, std::string> expected = {
      {"occupancy", "binary_sensor"}, {"posture", "sensor"},        {"sitting_time", "sensor"},
      {"since_break", "sensor"},      {"left_share", "sensor"},     {"front_share", "sensor"},
      {"lumbar_contact", "binary_sensor"}, {"feet_flat", "binary_sensor"}, {"break_due", "binary_sensor"},
      {"events", "event"},            {"tare", "button"},           {"snooze", "button"},
      {"nudges", "switch"}};
  const auto have = discovery_components(j);
  for (const auto& [key, platform] : expected) {
    ASSERT_TRUE(have.count(key)) << key;
    EXPECT_EQ(have.at(key), platform) << key;
  }
  EXPECT_FALSE(have.count("seat_load"));  // weight is opt-in
}

TEST_F(DiscoveryTest, EntityDetails) {
  const auto c = discovery_payload(topics, info)["cmps"];
  EXPECT_EQ(c["occupancy"]["device_class"], "occupancy");
  EXPECT_EQ(c["posture"]["device_class"], "enum");
  EXPECT_FALSE(c["posture"].contains("unit_of_measurement"));
  EXPECT_FALSE(c["posture"].contains("state_class"));
  std::vector<std::string> options;
  options.reserve(std::size(kAllPostures));
  for (Posture p : kAllPostures) options.emplace_back(to_string(p));
  EXPECT_EQ(c["posture"]["options"], nlohmann::ordered_json(options));
  EXPECT_EQ(c["sitting_time"]["device_class"], "duration");
  EXPECT_EQ(c["since_break"]["unit_of_measurement"], "s");
  EXPECT_EQ(c["left_share"]["unit_of_measurement"], "%");
  EXPECT_EQ(c["events"]["state_topic"], "chairhub/chair-ab12/event");
  EXPECT_FALSE(c["events"]["event_types"].empty());
  for (const char* key : {"occupancy", "posture", "sitting_time", "lumbar_contact", "feet_flat", "break_due"})
    EXPECT_FALSE(c[key].contains("expire_after")) << key;  // retained state + expire_after misbehaves
  // The problem entity: on for a faulty channel or sensors that cannot be opened, with the
  // channels' faults and the hardware's reason as attributes.
  EXPECT_EQ(c["sensor_problem"]["device_class"], "problem");
  EXPECT_EQ(c["sensor_problem"]["entity_category"], "diagnostic");
  EXPECT_EQ(c["sensor_problem"]["value_template"], "{{ 'OFF' if value_json.health.ok else 'ON' }}");
  const std::string attributes = c["sensor_problem"]["json_attributes_template"];
  EXPECT_NE(attributes.find("value_json.health.channels"), std::string::npos) << attributes;
  EXPECT_NE(attributes.find("hardware=value_json.health.hardware"), std::string::npos) << attributes;
}

TEST_F(DiscoveryTest, ButtonAndSwitchPayloadsAreValidCommands) {
  const auto c = discovery_payload(topics, info)["cmps"];
  for (const char* key : {"tare", "snooze", "baseline", "reset_session", "calibrate_postures", "cancel_calibration"}) {
    EXPECT_EQ(c[key]["command_topic"], "chairhub/chair-ab12/set");
    const auto parsed = parse_set_payload(c[key]["payload_press"].get<std::string>());
    EXPECT_TRUE(parsed.command) << key << ": " << parsed.error;
  }
  auto cancel = parse_set_payload(c["cancel_calibration"]["payload_press"].get<std::string>());
  EXPECT_TRUE(std::get<CalibratePosturesCommand>(*cancel.command).cancel);
  auto snooze = parse_set_payload(c["snooze"]["payload_press"].get<std::string>());
  EXPECT_EQ(std::get<SnoozeCommand>(*snooze.command).minutes, 15);
  auto on = parse_set_payload(c["nudges"]["payload_on"].get<std::string>());
  auto off = parse_set_payload(c["nudges"]["payload_off"].get<std::string>());
  EXPECT_TRUE(std::get<NudgesCommand>(*on.command).on);
  EXPECT_FALSE(std::get<NudgesCommand>(*off.command).on);
}

TEST_F(DiscoveryTest, ASelectOfTheSitterProfilesWhenThereAreAny) {
  EXPECT_FALSE(discovery_payload(topics, info)["cmps"].contains("profile"));
  info.profiles = {"anna", "bob"};
  const auto c = discovery_payload(topics, info)["cmps"]["profile"];
  EXPECT_EQ(c["p"], "select");
  EXPECT_EQ(c["options"], nlohmann::ordered_json({"anna", "bob"}));
  EXPECT_EQ(c["value_template"], "{{ value_json.profile }}");
  std::string payload = c["command_template"];
  payload.replace(payload.find("{{ value }}"), 11, "bob");
  const auto parsed = parse_set_payload(payload);
  ASSERT_TRUE(parsed.command) << parsed.error;
  EXPECT_EQ(std::get<ProfileCommand>(*parsed.command).name, "bob");
}

TEST_F(DiscoveryTest, WeightEntityWhenAllowed) {
  info.publish_weight = true;
  const auto c = discovery_payload(topics, info)["cmps"];
  EXPECT_EQ(c["seat_load"]["device_class"], "weight");
  EXPECT_EQ(c["seat_load"]["unit_of_measurement"], "kg");
}

TEST_F(DiscoveryTest, RemovalReducesVanishedComponentsToPlatform) {
  info.publish_weight = true;
  const auto before = discovery_components(discovery_payload(topics, info));
  info.publish_weight = false;
  const auto now = discovery_payload(topics, info);
  auto removal = discovery_removal_payload(now, before);
  ASSERT_TRUE(removal);
  EXPECT_EQ((*removal)["cmps"]["seat_load"], nlohmann::ordered_json({{"p", "sensor"}}));
  EXPECT_EQ((*removal)["cmps"]["occupancy"], now["cmps"]["occupancy"]);
  EXPECT_FALSE(discovery_removal_payload(now, discovery_components(now)));
}

}  // namespace
}  // namespace chairhub::mqtt
