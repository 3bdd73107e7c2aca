#include "mqtt/discovery_publisher.hpp"

#include <system_error>

#include "core/atomic_file.hpp"
#include "core/section_reader.hpp"

namespace chairhub::mqtt {

namespace {
std::string dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}
}  // namespace

DiscoveryPublisher::DiscoveryPublisher(Link& link, const Topics& topics, DiscoveryInfo info,
                                       std::filesystem::path record_file, Logger logger)
    : link_(link), topics_(topics), info_(std::move(info)), record_file_(std::move(record_file)),
      log_(or_silent(std::move(logger))) {}

void DiscoveryPublisher::publish() {
  const auto config = discovery_payload(topics_, info_);
  const Record previous = load_record();
  const std::string topic = topics_.discovery();
  if (!previous.topic.empty() && previous.topic != topic) {
    log_(LogLevel::notice, "chair id or discovery prefix changed: removing the old device " + previous.topic);
    link_.publish(previous.topic, "", 1, true);
  } else if (auto removal = discovery_removal_payload(config, previous.components, previous.unique_ids)) {
    log_(LogLevel::notice, "removing entities that no longer exist or have a new unique id from Home Assistant");
    link_.publish(topic, dump(*removal), 1, true);
  }
  if (link_.publish(topic, dump(config), 1, true))
    save_record({topic, discovery_components(config), discovery_unique_ids(config)});
}

void DiscoveryPublisher::remove_device() {
  link_.publish(topics_.discovery(), "", 1, true);
  save_record({});
}

DiscoveryPublisher::Record DiscoveryPublisher::load_record() const {
  Record r;
  if (record_file_.empty()) return r;
  std::string why_not;
  const auto text = read_text_file(record_file_.string(), why_not);  // within the 1 MiB limit
  if (!text) return r;
  auto j = nlohmann::json::parse(*text, nullptr, false);
  if (!j.is_object()) return r;
  if (j.contains("topic") && j["topic"].is_string()) r.topic = j["topic"].get<std::string>();
  if (j.contains("cmps") && j["cmps"].is_object()) {
    for (const auto& [key, value] : j["cmps"].items()) {
      if (value.is_string()) r.components[key] = value.get<std::string>();
    }
  }
  if (j.contains("unique_ids") && j["unique_ids"].is_object()) {
    for (const auto& [key, value] : j["unique_ids"].items()) {
      if (value.is_string()) r.unique_ids[key] = value.get<std::string>();
    }
  } else {
    // written before the record kept them, when every unique id was "<chair_id>_<key>"
    for (const auto& [key, platform] : r.components) r.unique_ids[key] = topics_.chair_id() + "_" + key;
  }
  return r;
}

void DiscoveryPublisher::save_record(const Record& record) const {
  if (record_file_.empty()) return;
  nlohmann::json j = {{"topic", record.topic}, {"cmps", record.components}, {"unique_ids", record.unique_ids}};
  try {
    write_file_atomically(record_file_, j.dump() + "\n");
  } catch (const std::system_error& e) {
    log_(LogLevel::warning, "cannot write " + record_file_.string() + ": keeping the previous record (" + e.what() + ")");
  }
}

}  // namespace chairhub::mqtt
