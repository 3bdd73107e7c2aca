#pragma once
// Every topic the chair uses, derived from one base "<root>/<chair_id>" so nothing else builds
// topic strings by hand.
#include <string>
#include <string_view>

namespace chairhub::mqtt {

class Topics {
 public:
  Topics(const std::string& root, std::string chair_id, std::string discovery_prefix);

  const std::string& base() const { return base_; }
  const std::string& chair_id() const { return chair_id_; }
  std::string status() const { return base_ + "/status"; }
  std::string state() const { return base_ + "/state"; }
  std::string event() const { return base_ + "/event"; }
  std::string set() const { return base_ + "/set"; }
  std::string request(std::string_view op) const { return base_ + "/request/" + std::string(op); }
  std::string request_filter() const { return base_ + "/request/+"; }
  std::string response(std::string_view op) const { return base_ + "/response/" + std::string(op); }
  // Device-based discovery (Home Assistant 2024.11+).
  std::string discovery() const { return prefix_ + "/device/" + chair_id_ + "/config"; }
  std::string ha_status() const { return prefix_ + "/status"; }

  // The op of a request topic ("" if the topic is not one of ours).
  std::string request_op(std::string_view topic) const;

 private:
  std::string chair_id_;
  std::string prefix_;
  std::string base_;
};

// A topic prefix we may publish under: non-empty levels, no wildcards, no leading/trailing '/'.
bool valid_topic_prefix(std::string_view topic);

}  // namespace chairhub::mqtt
