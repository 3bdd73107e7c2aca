#include "service/daemon_web.hpp"

#include <unistd.h>

#include <boost/asio/ip/address.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>

#include "calibration/model.hpp"
#include "core/input_error.hpp"
#include "core/pacing.hpp"
#include "hw/config/hardware_config.hpp"
#include "service/saved_calibration.hpp"
#include "service/settings_rows.hpp"
#include "web/live_json.hpp"

namespace chairhub {
namespace {

constexpr double kPushEveryS = 0.2;  // the live view's rate: smooth enough to watch, cheap to send

}  // namespace

void DaemonWeb::configure() {
  const web::WebConfig& want = p_.cfg.web;
  if (serving_ && *serving_ == want) return;
  stop();
  serving_ = want;
  if (!want.enabled) return;
  try {
    site_ = std::make_unique<web::Site>(want, *this, monotonic_seconds);
    server_ = std::make_unique<web::HttpServer>(io_, want.address, want.port,
                                                [this](const web::Request& r, const std::string& peer) {
                                                  return site_->handle(r, peer);
                                                });
    // the port bound: with port 0 the system chose it
    p_.journal(LogLevel::notice, "the chair's page: http://" + want.address + ":" + std::to_string(server_->port()) + "/" +
                                     (want.has_password() ? " (with a password)" : " (no password: look, not change)"));
  } catch (const std::exception& e) {
    server_.reset();
    site_.reset();
    p_.journal(LogLevel::error, std::string(e.what()) + "; running without the page (change [web] port, then reload)");
  }
}

void DaemonWeb::stop() {
  if (server_) server_->stop();
  server_.reset();
  site_.reset();
  serving_.reset();
}

std::string DaemonWeb::url() const {
  if (!server_) return {};
  boost::system::error_code ec;
  const auto ip = boost::asio::ip::make_address(serving_->address, ec);
  if (ec || ip.is_loopback()) return {};
  std::string host = serving_->address;
  if (ip.is_unspecified()) {  // every interface: the name the Pi announces on the network
    char name[256] = {};
    if (gethostname(name, sizeof name - 1) != 0) return {};
    host = std::string(name) + ".local";
  } else if (ip.is_v6()) {
    host = "[" + host + "]";
  }
  return "http://" + host + ":" + std::to_string(server_->port()) + "/";
}

void DaemonWeb::on_sample(const Sample& sample) {
  if (chair_guide_.running()) {
    chair_guide_.feed(sample);
    apply_calibration_result();
  }
  follow_guide();
  if (!server_ || server_->streams() == 0) return;
  const double now = monotonic_seconds();
  if (now - last_push_ < kPushEveryS) return;
  last_push_ = now;
  server_->broadcast(web::live_json(live()).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

// A simulated chair's person holds what the step being measured asks for, and lets go after.
void DaemonWeb::follow_guide() {
  const auto load = chair_guide_.held_load();
  const std::optional<int> step = load ? std::optional(chair_guide_.view("").step) : std::nullopt;
  if (step == held_step_) return;
  held_step_ = step;
  p_.feed.hold(load);
}

void DaemonWeb::apply_calibration_result() {
  auto result = chair_guide_.take_result();
  if (!result) return;
  try {
    save_calibration(p_.state_dir, *result, p_.cfg.chair.layout);
  } catch (const InputError& e) {
    p_.journal(LogLevel::error, std::string("calibration not saved: ") + e.what());
    return;
  }
  apply_calibration(result->calibration, p_.cfg.chair.layout);
  p_.keeper.forget_tare();
  p_.analysis.reconfigure();
  p_.keeper.save(p_.analysis.analyzer());
  p_.journal(LogLevel::notice, "calibrated from the chair's page; saved in " + saved_calibration_file(p_.state_dir));
}

// The config's channels [hardware] does not wire (none for a simulated chair or a log).
std::vector<std::string> DaemonWeb::unwired_channels() const {
  return p_.cfg.hardware ? hw::unwired_channels(*p_.cfg.hardware, p_.cfg.chair.layout) : std::vector<std::string>{};
}

web::LiveView DaemonWeb::live() const {
  web::LiveView v{p_.analysis.analyzer().state(), std::nullopt};
  const ChairState& s = v.state;
  if (s.occupied && s.session_start) {
    const double interval = p_.cfg.chair.analysis.breaks.interval_s;
    v.next_break_s = s.break_due ? 0 : std::max(0.0, interval - (s.t - *s.session_start));
  }
  return v;
}

web::Wiring DaemonWeb::wiring() const {
  web::Wiring w{p_.feed.describe(), p_.feed.waiting_status(), {}};
  const ChannelLayout& layout = p_.cfg.chair.layout;
  const std::vector<std::string> unwired = unwired_channels();
  const auto& raw = p_.analysis.raw();
  const std::vector<double> means = raw.empty() ? std::vector<double>{} : raw.means();
  const ChairState& state = p_.analysis.analyzer().state();
  for (std::size_t i = 0; i < layout.channels.size(); ++i) {
    const Channel& ch = layout.channels[i];
    web::WiringRow row{ch.name, std::string(to_string(ch.role)), true, std::nullopt, std::nullopt};
    row.wired = std::find(unwired.begin(), unwired.end(), ch.name) == unwired.end();
    if (i < means.size() && std::isfinite(means[i]) && w.waiting.empty()) row.raw = means[i];
    for (const auto& status : state.channels)
      if (status.channel == ch.name) row.fault = status.fault;
    w.rows.push_back(std::move(row));
  }
  return w;
}

std::vector<web::SettingRow> DaemonWeb::settings() const {
  return settings_rows(p_.cfg, p_.state_dir, server_ ? server_->port() : p_.cfg.web.port, url());
}

std::string DaemonWeb::history_file() const {
  if (!p_.cfg.history.enabled) return {};
  return (std::filesystem::path(p_.state_dir) / "history.sqlite").string();
}

web::Outcome DaemonWeb::tare() {
  const mqtt::CommandOutcome o = p_.commands.run(mqtt::TareCommand{});
  return {o.ok, o.ok ? "tared: the empty seat reads zero from now on" : o.error};
}

// A command as MQTT would send it, checked by its one parser (mqtt/commands.cpp).
web::Outcome DaemonWeb::run(std::string_view op, const nlohmann::ordered_json& args) {
  const mqtt::ParsedCommand parsed = mqtt::parse_request(op, args.dump());
  if (!parsed.command) return {false, parsed.error};
  const mqtt::CommandOutcome o = p_.commands.run(*parsed.command);
  return {o.ok, o.ok ? "done" : o.error};
}

web::Profiles DaemonWeb::profiles() const {
  return {p_.commands.profiles().names(), p_.commands.profiles().selected()};
}

web::Outcome DaemonWeb::select_profile(const std::string& name) {
  web::Outcome o = run("profile", {{"name", name}});
  if (o.ok) o.message = name + " is sitting now";
  return o;
}

web::Outcome DaemonWeb::start_guide(web::Guide guide, double kg, const std::string& profile) {
  if (guide == web::Guide::postures) {
    nlohmann::ordered_json args = nlohmann::ordered_json::object();
    if (!profile.empty()) args["profile"] = profile;
    web::Outcome o = run(mqtt::kCalibratePosturesOp, args);
    if (o.ok) o.message = "started: hold each posture as asked";
    return o;
  }
  return chair_guide_.start(p_.cfg.chair.layout, unwired_channels(), p_.cfg.path(), p_.feed.units(), kg);
}

web::Outcome DaemonWeb::guide_step_ready(web::Guide guide) {
  if (guide == web::Guide::postures) return {false, "the postures go on by themselves: hold each while the bar fills"};
  return chair_guide_.ready();
}

void DaemonWeb::cancel_guide(web::Guide guide) {
  if (guide == web::Guide::chair) return chair_guide_.cancel();
  if (p_.commands.posture_progress() && p_.commands.posture_progress()->stage == mqtt::CalibrationProgress::Stage::hold)
    run(mqtt::kCalibratePosturesOp, {{"cancel", true}});
}

web::GuideView DaemonWeb::guide(web::Guide guide) const {
  if (guide == web::Guide::postures) return posture_guide_.view(p_.commands.posture_progress());
  return chair_guide_.view(seen());
}

// What the sensors see, in the calibration as it stands.
std::string DaemonWeb::seen() const {
  const ChairState& s = p_.analysis.analyzer().state();
  char text[160];
  std::snprintf(text, sizeof text, "The seat reads %.1f kg now", s.seat_kg);
  std::string out = text;
  if (s.lumbar) {
    std::snprintf(text, sizeof text, "; the backrest pads %.0f %% contact", *s.lumbar * 100);
    out += text;
  }
  return out + ".";
}

}  // namespace chairhub
