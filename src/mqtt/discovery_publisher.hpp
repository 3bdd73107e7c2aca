#pragma once
// Sends the discovery config, and keeps Home Assistant free of ghosts: it remembers (in the
// state directory) which components it published last time, with their unique ids, and retires
// the ones that no longer exist or whose unique id changed, or the whole old device when the
// discovery topic itself changed.
#include <filesystem>

#include "mqtt/discovery.hpp"
#include "mqtt/link.hpp"
#include "core/log.hpp"
#include "mqtt/topics.hpp"

namespace chairhub::mqtt {

class DiscoveryPublisher {
 public:
  // `record_file` empty: nothing remembered (no removal across restarts).
  DiscoveryPublisher(Link& link, const Topics& topics, DiscoveryInfo info, std::filesystem::path record_file,
                     Logger logger);

  void publish();
  // The sitter profiles changed: the select's options (published with the next publish()).
  void set_profiles(std::vector<std::string> profiles) { info_.profiles = std::move(profiles); }
  // Empty retained config: Home Assistant deletes the device and its entities.
  void remove_device();

 private:
  struct Record {
    std::string topic;
    ComponentSet components;
    UniqueIds unique_ids;
  };
  Record load_record() const;
  void save_record(const Record& record) const;

  Link& link_;
  const Topics& topics_;
  DiscoveryInfo info_;
  std::filesystem::path record_file_;
  Logger log_;
};

}  // namespace chairhub::mqtt
