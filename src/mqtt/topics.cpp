#include "mqtt/topics.hpp"

namespace chairhub::mqtt {

Topics::Topics(const std::string& root, std::string chair_id, std::string discovery_prefix)
    : chair_id_(std::move(chair_id)), prefix_(std::move(discovery_prefix)), base_(root + "/" + chair_id_) {}

std::string Topics::request_op(std::string_view topic) const {
  const std::string head = base_ + "/request/";
  if (topic.size() <= head.size() || topic.substr(0, head.size()) != head) return {};
  std::string_view op = topic.substr(head.size());
  if (op.find('/') != std::string_view::npos) return {};
  return std::string(op);
}

bool valid_topic_prefix(std::string_view topic) {
  if (topic.empty() || topic.front() == '/' || topic.back() == '/') return false;
  if (topic.find("//") != std::string_view::npos) return false;
  for (char c : topic) {
    if (c == '+' || c == '#' || c == '\0') return false;
  }
  return true;
}

}  // namespace chairhub::mqtt
