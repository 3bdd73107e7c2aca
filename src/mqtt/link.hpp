#pragma once
// What the publishing modules need from a broker connection; Connection implements it, unit
// tests use a fake.
#include <optional>
#include <string>

namespace chairhub::mqtt {

class Link {
 public:
  virtual ~Link() = default;
  // The message id for QoS 1 (its acknowledgement is reported with that id), or nothing when
  // the message could not be handed over at all.
  virtual std::optional<int> publish(const std::string& topic, const std::string& payload, int qos,
                                     bool retain) = 0;
  virtual bool connected() const = 0;
};

}  // namespace chairhub::mqtt
