// What Home Assistant makes of the chair: its discovery, state and event messages interpreted by
// the rules of Home Assistant's MQTT integration, written down here as facts (read from its
// source: discovery schemas, how each platform turns a rendered template into a state, how
// entity ids are chosen), with value templates rendered by jinja_subset.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>

#include "support/broker_harness.hpp"
#include "core/posture.hpp"
#include "jinja_subset.hpp"
#include "mqtt/discovery.hpp"
#include "mqtt/payloads.hpp"
#include "mqtt/replay_to_mqtt.hpp"

namespace chairhub::mqtt {
namespace {

using Json = nlohmann::ordered_json;
using namespace std::chrono_literals;

// ---- Home Assistant's rules, as facts --------------------------------------------------------

// The rendered text that means "unknown" (PAYLOAD_NONE) for every platform below.
constexpr const char* kPayloadNone = "None";

// Keys each platform's discovery schema knows. Home Assistant silently drops any other key of a
// discovery message, so a misspelt option would simply not work: we allow only these.
const std::set<std::string> kCommonKeys = {
    "p", "name", "unique_id", "object_id", "default_entity_id", "qos", "icon", "entity_category",
    "enabled_by_default", "device_class", "availability", "availability_mode", "availability_topic",
    "json_attributes_topic", "json_attributes_template", "encoding", "entity_picture", "state_topic",
    "value_template"};
const std::map<std::string, std::set<std::string>> kPlatformKeys = {
    {"binary_sensor", {"payload_on", "payload_off", "expire_after", "force_update", "off_delay"}},
    {"sensor", {"unit_of_measurement", "state_class", "suggested_display_precision", "options", "expire_after",
                "force_update", "last_reset_value_template"}},
    {"switch", {"command_topic", "command_template", "payload_on", "payload_off", "state_on", "state_off",
                "optimistic", "retain"}},
    {"button", {"command_topic", "command_template", "payload_press", "retain"}},
    {"event", {"event_types"}},
};
// Device-level options a device discovery shares with its components (a component's own value
// wins). qos is left out on purpose: releases before the current one do not pass it on.
const std::set<std::string> kSharedKeys = {"state_topic", "availability", "availability_mode", "encoding"};

// slugify() as Home Assistant's entity ids use it: lower case, runs of anything but letters and
// digits become one '_', none at either end.
std::string slugify(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!out.empty() && out.back() != '_') out += '_';
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

struct Entity {
  std::string key, platform;
  Json config;                   // the component with the shared device options merged in
  std::string friendly_name;
  std::optional<std::string> state;  // "on", "off", a value; nullopt = unknown
  bool received = false;             // a state message set the state at least once
  std::string event_type;            // event entities: the last event
  Json event_attributes;
  Json attributes;                   // json_attributes_topic
};

// The MQTT integration in miniature. `problems` collects what Home Assistant would log as a
// warning or reject: the tests expect none.
class HomeAssistant {
 public:
  std::vector<std::string> problems;
  std::map<std::string, Entity> entities;  // by component key

  // Which entity id a component gets: `before_2025_10` uses object_id (default_entity_id does
  // not exist there); later releases prefer default_entity_id and fall back to object_id;
  // without either, the id comes from the device and entity names.
  static std::string entity_id(const Entity& e, const std::string& device_name, bool before_2025_10) {
    const Json& c = e.config;
    if (!before_2025_10 && c.contains("default_entity_id")) return c["default_entity_id"];
    if (c.contains("object_id")) return e.platform + "." + slugify(c["object_id"].get<std::string>());
    return e.platform + "." + slugify(device_name + " " + c.value("name", std::string()));
  }

  void discover(const std::string& payload) {
    const Json j = Json::parse(payload);
    device_ = j["dev"];
    if (!device_.contains("identifiers") && !device_.contains("connections"))
      problem("device without identifiers or connections");
    if (!j.contains("o") || !j["o"].contains("name")) problem("device discovery without origin name");
    for (const auto& [key, c] : j["cmps"].items()) add_component(key, c, j);
  }

  void receive(const std::string& topic, const std::string& payload) {
    for (auto& [key, e] : entities) {
      const Json& c = e.config;
      if (c.value("state_topic", std::string()) == topic) update_state(e, payload);
      if (c.value("json_attributes_topic", std::string()) == topic) update_attributes(e, payload);
    }
  }

  const std::string& device_name() const { return device_name_; }

 private:
  void problem(const std::string& what) { problems.push_back(what); }

  void add_component(const std::string& key, const Json& component, const Json& device_payload) {
    Entity e;
    e.key = key;
    e.platform = component.value("p", std::string());
    if (!kPlatformKeys.count(e.platform)) return problem(key + ": unknown platform '" + e.platform + "'");
    e.config = component;
    for (const auto& shared : kSharedKeys)
      if (device_payload.contains(shared) && !component.contains(shared)) e.config[shared] = device_payload[shared];
    const Json& c = e.config;
    for (const auto& [option, value] : c.items()) {
      if (!kCommonKeys.count(option) && !kPlatformKeys.at(e.platform).count(option))
        problem(key + ": '" + option + "' is not an option of " + e.platform + " (dropped)");
    }
    if (!c.contains("unique_id")) problem(key + ": device discovery needs a unique_id");
    if (!c.contains("qos") || !c["qos"].is_number_integer() || c["qos"] < 0 || c["qos"] > 2)
      problem(key + ": no qos of its own (0..2)");
    if (c.contains("enabled_by_default") && !c["enabled_by_default"].is_boolean())
      problem(key + ": enabled_by_default must be a boolean");
    if (c.contains("entity_category") && c["entity_category"] != "diagnostic" && c["entity_category"] != "config")
      problem(key + ": bad entity_category");
    if ((e.platform == "sensor" || e.platform == "binary_sensor") && c.value("entity_category", "") == "config")
      problem(key + ": a sensor cannot be a config entity");
    if (e.platform == "sensor") check_sensor(key, c);
    if ((e.platform == "switch" || e.platform == "button") && !c.contains("command_topic"))
      problem(key + ": no command_topic");
    if (e.platform == "event" && (!c.contains("event_types") || c["event_types"].empty()))
      problem(key + ": an event entity needs event_types");
    device_name_ = device_.value("name", std::string());
    const std::string name = c.value("name", std::string());
    // Home Assistant strips a device name the entity name starts with, and warns
    if (!device_name_.empty() && name.rfind(device_name_, 0) == 0) problem(key + ": name repeats the device name");
    e.friendly_name = device_name_ + " " + name;
    entities[key] = e;
  }

  void check_sensor(const std::string& key, const Json& c) {
    const bool is_enum = c.value("device_class", "") == "enum";
    if (c.contains("options") && !is_enum) problem(key + ": options need device_class enum");
    if (is_enum && (c.contains("unit_of_measurement") || c.contains("state_class")))
      problem(key + ": an enum sensor has no unit or state class");
    if (c.value("device_class", "") == "duration") {
      static const std::set<std::string> units = {"d", "h", "min", "s", "ms"};
      if (!units.count(c.value("unit_of_measurement", ""))) problem(key + ": not a duration unit");
    }
  }

  std::string render(const Entity& e, const std::string& template_key, const std::string& payload) {
    if (!e.config.contains(template_key)) return payload;
    const auto r = test::render_value_template(e.config[template_key].get<std::string>(), payload);
    for (const auto& w : r.warnings) problem(e.key + ": template warning: " + w);
    return r.text;
  }

  void update_state(Entity& e, const std::string& payload) {
    const Json& c = e.config;
    const std::string v = render(e, "value_template", payload);
    if (e.platform == "binary_sensor") {
      if (v.find_first_not_of(" \t\n") == std::string::npos) return;  // empty output: ignored
      if (v == c.value("payload_on", "ON")) set(e, "on");
      else if (v == c.value("payload_off", "OFF")) set(e, "off");
      else if (v == kPayloadNone) set(e, std::nullopt);
      else problem(e.key + ": no matching payload for '" + v + "'");
    } else if (e.platform == "switch") {
      // state_on defaults to payload_on, state_off to payload_off
      const std::string on = c.value("state_on", c.value("payload_on", std::string("ON")));
      const std::string off = c.value("state_off", c.value("payload_off", std::string("OFF")));
      if (v == on) set(e, "on");
      else if (v == off) set(e, "off");
      else if (v == kPayloadNone) set(e, std::nullopt);
      else problem(e.key + ": switch state '" + v + "' matches neither state_on nor state_off");
    } else if (e.platform == "sensor") {
      update_sensor(e, v);
    } else if (e.platform == "event") {
      update_event(e, v);
    }
  }

  void update_sensor(Entity& e, const std::string& v) {
    const Json& c = e.config;
    if (v == kPayloadNone) return set(e, std::nullopt);
    const bool numeric = c.contains("unit_of_measurement") || c.contains("state_class") ||
                         (c.contains("device_class") && c["device_class"] != "enum");
    if (numeric) {
      if (v.empty()) return problem(e.key + ": empty state ignored");
      try {
        std::size_t used = 0;
        (void)std::stod(v, &used);
        if (used != v.size()) throw std::invalid_argument(v);
      } catch (const std::exception&) {
        return problem(e.key + ": '" + v + "' is not numeric");
      }
      return set(e, v);
    }
    if (c.contains("options")) {
      bool listed = false;
      for (const auto& o : c["options"]) listed = listed || o == v;
      if (!listed) return problem(e.key + ": '" + v + "' is not one of the options (ignored)");
    }
    if (v.size() > 255) return problem(e.key + ": state longer than 255 characters");
    set(e, v);
  }

  void update_event(Entity& e, const std::string& v) {
    if (v.find_first_not_of(" \t\n") == std::string::npos) return;  // filtered out: ignored
    Json j;
    try {
      j = Json::parse(v);
    } catch (const Json::parse_error&) {
      return problem(e.key + ": event payload is not JSON: " + v);
    }
    if (!j.is_object() || !j.contains("event_type")) return problem(e.key + ": event without event_type");
    const std::string type = j["event_type"].is_string() ? j["event_type"].get<std::string>() : j["event_type"].dump();
    bool known = false;
    for (const auto& t : e.config["event_types"]) known = known || t == type;
    if (!known) return problem(e.key + ": event type '" + type + "' not in event_types");
    j.erase("event_type");
    e.event_type = type;
    e.event_attributes = j;
    e.received = true;
  }

  void update_attributes(Entity& e, const std::string& payload) {
    const std::string v = render(e, "json_attributes_template", payload);
    try {
      const Json j = Json::parse(v);
      if (!j.is_object()) return problem(e.key + ": attributes are not a dict");
      e.attributes = j;
    } catch (const Json::parse_error&) {
      problem(e.key + ": attributes are not JSON: " + v);
    }
  }

  static void set(Entity& e, std::optional<std::string> state) {
    e.state = std::move(state);
    e.received = true;
  }

  Json device_;
  std::string device_name_;
};

// ---- The chair, seen by that model ------------------------------------------------------------

WallTime at(long long s) { return WallTime(std::chrono::seconds(s)); }

class HaRulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ha.discover(discovery_payload(topics, info).dump());
  }
  void publish_state(const ChairState& s, const ControlState& control = {}) {
    ha.receive(topics.state(),
               state_payload(s, control, at(1795289266), StatePayloadOptions{true}, std::nullopt, {"1.2.3", 5, 0}).dump());
  }
  const Entity& entity(const std::string& key) { return ha.entities.at(key); }

  Topics topics{"chairhub", "office", "homeassistant"};
  DiscoveryInfo info{"Office chair", "1.2.3", "", true, 15, "Office", "", {}};
  HomeAssistant ha;
};

ChairState seated() {
  ChairState s;
  s.t = 100;
  s.occupied = true;
  s.posture = Posture::slouching;
  s.feet_flat = false;
  s.seat_kg = 70;
  s.left_share = 0.5;
  s.front_share = 0.4;
  s.lumbar = 0.3;
  s.lumbar_contact = true;
  s.session_start = 10;
  s.sitting_s = 90;
  s.since_break_s = 90;
  s.channels = {{"seat_fl", std::nullopt}, {"back", Fault::stuck}};
  return s;
}

TEST_F(HaRulesTest, DiscoveryFollowsTheSchemas) {
  EXPECT_EQ(ha.problems, std::vector<std::string>{});
  EXPECT_EQ(discovery_payload(topics, info)["dev"]["suggested_area"], "Office");
  for (const auto& [key, e] : ha.entities) {
    EXPECT_EQ(e.config["unique_id"], "chairhub_office_" + key);
    EXPECT_EQ(e.config["qos"], 1) << key;
  }
  EXPECT_EQ(entity("events").friendly_name, "Office chair Events");
}

// The entity ids the examples use exist under both of Home Assistant's rules: object_id before
// 2025.10, default_entity_id from then on.
TEST_F(HaRulesTest, TheExamplesEntityIdsExistBeforeAndAfter2025_10) {
  std::set<std::string> old_ids, new_ids;
  for (const auto& [key, e] : ha.entities) {
    old_ids.insert(HomeAssistant::entity_id(e, ha.device_name(), true));
    new_ids.insert(HomeAssistant::entity_id(e, ha.device_name(), false));
  }
  EXPECT_EQ(old_ids, new_ids);
  EXPECT_TRUE(new_ids.count("switch.office_nudges"));
  const std::regex id(R"(\b(binary_sensor|sensor|switch|button|event)\.office_[a-z_]+\b)");
  std::size_t seen = 0;
  for (const char* file : {"automation.yaml", "dashboard.yaml"}) {
    const std::string text = test::read_text(std::string(CHAIRHUB_DOCS_DIR) + "/home-assistant/" + file);
    ASSERT_FALSE(text.empty()) << file;
    for (std::sregex_iterator m(text.begin(), text.end(), id), end; m != end; ++m, ++seen)
      EXPECT_TRUE(new_ids.count(m->str())) << file << ": " << m->str() << " is not an entity of the chair";
  }
  EXPECT_GT(seen, 10u);
}

TEST_F(HaRulesTest, TheNudgesSwitchReportsItsState) {
  publish_state(seated(), ControlState{true, std::nullopt, std::nullopt});
  ASSERT_TRUE(entity("nudges").received);
  EXPECT_EQ(entity("nudges").state, "on");
  publish_state(seated(), ControlState{false, std::nullopt, std::nullopt});
  EXPECT_EQ(entity("nudges").state, "off");
  EXPECT_EQ(ha.problems, std::vector<std::string>{});
}

TEST_F(HaRulesTest, ASeatedChairShowsItsValues) {
  publish_state(seated());
  EXPECT_EQ(entity("occupancy").state, "on");
  EXPECT_EQ(entity("posture").state, "slouching");
  EXPECT_EQ(entity("feet_flat").state, "off");
  EXPECT_EQ(entity("lumbar_contact").state, "on");
  EXPECT_EQ(entity("left_share").state, "50");
  EXPECT_EQ(entity("front_share").state, "40");
  EXPECT_EQ(entity("sitting_time").state, "90");
  EXPECT_EQ(entity("seat_load").state, "70.0");
  EXPECT_EQ(entity("sensor_problem").state, "on");
  EXPECT_EQ(entity("sensor_problem").attributes, Json({{"seat_fl", "ok"}, {"back", "stuck"}}));
  EXPECT_EQ(entity("version").state, "1.2.3");
  EXPECT_EQ(entity("uptime").state, "5");
  EXPECT_EQ(entity("outbox").state, "0");
  EXPECT_EQ(ha.problems, std::vector<std::string>{});
}

// Every nullable field arrives as unknown, never as "off" or a stale value.
TEST_F(HaRulesTest, UnknownValuesArriveAsUnknown) {
  publish_state(seated());
  ChairState empty;  // nobody sits, no foot pads, no baseline
  empty.t = 200;
  empty.left_share = 2.604;  // what an empty, tared seat's noise made of the shares
  empty.front_share = -0.3;
  empty.lumbar = 0.01;
  empty.lumbar_contact = false;
  publish_state(empty);
  EXPECT_EQ(entity("occupancy").state, "off");
  for (const char* key : {"posture", "feet_flat", "lumbar_contact", "left_share", "front_share"}) {
    EXPECT_TRUE(entity(key).received) << key;
    EXPECT_EQ(entity(key).state, std::nullopt) << key << " shows " << entity(key).state.value_or("");
  }
  EXPECT_EQ(ha.problems, std::vector<std::string>{});
}

TEST_F(HaRulesTest, TheEventEntityTakesItsTypesAndIgnoresTheRest) {
  ha.receive(topics.event(), event_payload(Event{1, Seated{}}, at(0)).dump());
  EXPECT_FALSE(entity("events").received);
  ha.receive(topics.event(),
             event_payload(Event{2, BreakDue{2640, 2700, {"standing back bend", "Stand and lean back."}}}, at(0)).dump());
  EXPECT_EQ(entity("events").event_type, "break_due");
  EXPECT_EQ(entity("events").event_attributes["movement"], "standing back bend");
  EXPECT_EQ(entity("events").event_attributes["sitting_s"], 2640);  // what the example automation shows
  EXPECT_EQ(ha.problems, std::vector<std::string>{});
}

TEST(JinjaSubset, RendersLikeHomeAssistant) {
  using test::render_value_template;
  EXPECT_EQ(render_value_template("{{ value_json.a }}", R"({"a":null})").text, "None");
  EXPECT_EQ(render_value_template("{{ value_json.a }}", R"({"a":true})").text, "True");
  EXPECT_EQ(render_value_template("{{ value_json.a }}", R"({"a":52.5})").text, "52.5");
  EXPECT_EQ(render_value_template("{{ 'ON' if value_json.a else 'OFF' }}", R"({"a":null})").text, "OFF");
  EXPECT_EQ(render_value_template("{% if value_json.t in ['x'] %}y{% else %}n{% endif %}", R"({"t":"x"})").text, "y");
  EXPECT_EQ(render_value_template("{{ dict(value_json, b=1) | tojson }}", R"({"a":2})").text, R"({"a":2,"b":1})");
  const auto missing = render_value_template("{{ value_json.nope }}", "{}");
  EXPECT_EQ(missing.text, "");
  EXPECT_EQ(missing.warnings.size(), 1u);
  EXPECT_THROW(render_value_template("{{ value_json | float }}", "{}"), test::TemplateError);
}

// The whole way: a workday replayed to a real broker, every retained and live message read back
// and given to the model, as Home Assistant subscribed to the broker would get them.
TEST(HaRulesBroker, AReplayedWorkdayGivesNoWarningAndEveryEntityAState) {
  if (!test::Broker::available()) GTEST_SKIP() << "no mosquitto broker installed";
  test::Broker broker;
  broker.start();
  test::Subscriber sub(broker.port(), {"chairhub/#", "homeassistant/#"});
  ASSERT_TRUE(sub.wait_subscribed());
  const auto mqtt = mqtt_config_from_toml(
      toml::parse("[mqtt]\nhost = \"127.0.0.1\"\nport = " + std::to_string(broker.port()) + "\nchair_id = \"office\"\n"),
      "test.toml");
  test::LogCatcher log;
  MqttReplayOptions opts;
  opts.logger = log.logger();
  opts.chair_id = "office";  // as the chair itself, which is not running here
  replay_to_mqtt(std::string(CHAIRHUB_GOLDEN_DIR) + "/workday.csv", Config{}, mqtt, ReplayOptions{}, opts);
  ASSERT_TRUE(test::wait_until([&] { return !sub.on("chairhub/office/status").empty() &&
                                            sub.on("chairhub/office/status").back().payload == "offline"; }, 10s));
  HomeAssistant ha;
  bool discovered = false;
  for (const auto& m : sub.all()) {
    if (m.topic == "homeassistant/device/office/config") {
      ha.discover(m.payload);
      discovered = true;
    } else if (discovered) {
      ha.receive(m.topic, m.payload);
    }
  }
  ASSERT_TRUE(discovered);
  EXPECT_EQ(ha.problems, std::vector<std::string>{});
  for (const auto& [key, e] : ha.entities) {
    if (e.platform == "button" || key == "seat_load") continue;
    EXPECT_TRUE(e.received) << key << " never got a state";
  }
}

}  // namespace
}  // namespace chairhub::mqtt
