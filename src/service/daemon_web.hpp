#pragma once
// The chair's page as chairhubd serves it (web/): the server on the daemon's loop, the live view
// pushed five times a second to open pages, and the page's questions and changes answered from
// the running parts (the tare through the same command as MQTT's). Never fatal: a page that
// cannot listen is said in the journal and the daemon runs on without it.
#include <utility>  // before Boost.Asio (Boost 1.74 + GCC 12 + C++20)
#include <boost/asio/io_context.hpp>

#include <memory>
#include <optional>
#include <string>

#include "service/chair_guide.hpp"
#include "service/posture_guide.hpp"
#include "service/daemon_commands.hpp"
#include "service/daemon_config.hpp"
#include "service/journal.hpp"
#include "service/live_analysis.hpp"
#include "service/sample_feed.hpp"
#include "service/session_keeper.hpp"
#include "web/chair_port.hpp"
#include "web/http_server.hpp"
#include "web/site.hpp"

namespace chairhub {

class DaemonWeb : public web::ChairPort {
 public:
  struct Parts {
    DaemonConfig& cfg;  // the running config: a reload changes it, then configure()
    std::string state_dir;
    SampleFeed& feed;
    LiveAnalysis& analysis;
    DaemonCommands& commands;
    SessionKeeper& keeper;
    const Journal& journal;
  };
  DaemonWeb(boost::asio::io_context& io, Parts parts) : io_(io), p_(std::move(parts)) {}
  ~DaemonWeb() override { stop(); }

  // At start and after a reload: listens anew when [web] changed (or stops, when turned off).
  void configure();
  // Every sample, after the analysis.
  void on_sample(const Sample& sample);
  void stop();
  // Where a browser on the network opens the page, for Home Assistant's link to it; empty while
  // it listens on the loopback only.
  std::string url() const;

  web::LiveView live() const override;
  web::Wiring wiring() const override;
  std::vector<web::SettingRow> settings() const override;
  std::string history_file() const override;
  web::Outcome tare() override;
  web::Profiles profiles() const override;
  web::Outcome select_profile(const std::string& name) override;
  web::Outcome start_guide(web::Guide guide, double kg, const std::string& profile) override;
  web::Outcome guide_step_ready(web::Guide guide) override;
  void cancel_guide(web::Guide guide) override;
  web::GuideView guide(web::Guide guide) const override;

 private:
  void follow_guide();
  void apply_calibration_result();
  std::string seen() const;
  std::vector<std::string> unwired_channels() const;
  web::Outcome run(std::string_view op, const nlohmann::ordered_json& args);

  boost::asio::io_context& io_;
  Parts p_;
  std::optional<web::WebConfig> serving_;  // the config the server runs with
  std::unique_ptr<web::Site> site_;
  std::unique_ptr<web::HttpServer> server_;
  ChairGuide chair_guide_;
  mutable PostureGuide posture_guide_;  // remembers the hold's length for the page's bar
  std::optional<int> held_step_;  // the guide step whose load a simulated chair holds
  double last_push_ = -1;         // steady seconds of the latest live push
};

}  // namespace chairhub
