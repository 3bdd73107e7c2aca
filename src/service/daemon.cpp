#include "service/daemon.hpp"

#include <utility>  // before Boost.Asio (Boost 1.74 + GCC 12 + C++20)
#include <boost/asio/io_context.hpp>

#include <atomic>
#include <chrono>

#include "service/daemon_commands.hpp"
#include "service/daemon_config.hpp"
#include "service/journal.hpp"
#include "service/daemon_history.hpp"
#include "service/daemon_web.hpp"
#include "service/live_analysis.hpp"
#include "service/mqtt_link.hpp"
#include "service/notifier.hpp"
#include "service/nudge_driver.hpp"
#include "service/nudge_outputs.hpp"
#include "service/periodic.hpp"
#include "service/saved_calibration.hpp"
#include "service/sample_feed.hpp"
#include "service/session_keeper.hpp"
#include "service/signals.hpp"

namespace chairhub {

namespace asio = boost::asio;

// The wiring of the daemon's parts: the feed's samples into the analysis, its events to the
// sinks, commands from MQTT, and the loop's signals, timers and systemd.
struct Daemon::Impl {
  DaemonOptions options;
  DaemonConfig cfg;  // the running config; a reload replaces all but the source's parts
  Journal journal;
  Notifier notifier;

  asio::io_context io;
  Signals signals{io, [this] { reload(); }, [this] { shutdown(); }};
  Periodic watchdog{io};
  Periodic saver{io};

  std::unique_ptr<SessionKeeper> keeper;
  NudgeOutputs outputs{journal};
  std::unique_ptr<SampleFeed> feed;
  std::unique_ptr<LiveAnalysis> analysis;
  std::unique_ptr<NudgeDriver> nudges;
  std::unique_ptr<DaemonHistory> history;
  JournalSink journal_sink{journal};
  MqttLink mqtt;
  std::unique_ptr<DaemonCommands> commands;
  std::unique_ptr<DaemonWeb> web;
  std::string state_dir;
  std::atomic<bool> stopping{false};
  int exit_status = kExitOk;

  // Throws ConfigError with every problem of the file.
  explicit Impl(DaemonOptions o) : options(std::move(o)), cfg(load_daemon_config(options.config_path)) {
    if (options.log_level) cfg.service.log_level = *options.log_level;
    journal.set_level(log_level_from(cfg.service.log_level));
  }

  SampleFeed::Handlers feed_handlers() {
    return {[this](const Sample& s) { on_sample(s); },
            [this](const std::string& status) { waiting_for_chips(status); },
            [this](const std::string& description) { chips_opened(description); },
            [this] {
              keeper->save(analysis->analyzer());
              analysis->restart();
            },
            [this](const std::string& what) { fail(what); }, [this] { shutdown(); }};
  }

  // Said once per reason, not at every try. Availability stays `online`: the daemon runs and
  // Home Assistant's problem entity shows why nothing is measured.
  void waiting_for_chips(const std::string& status) {
    journal(LogLevel::warning, status);
    notifier.status(status);
    mqtt.sensors_missing(status, analysis->analyzer().state());
  }

  void chips_opened(const std::string& description) {
    journal(LogLevel::notice, "sensors open: " + description);
    notifier.status("sensors open: " + description);
    mqtt.sensors_open();
  }

  // Something a restart may cure: exit with a failure, which systemd answers with a restart.
  void fail(const std::string& what) {
    journal(LogLevel::error, what);
    exit_status = kExitFailure;
    shutdown();
  }

  void on_sample(const Sample& sample) {
    analysis->feed(sample);
    web->on_sample(sample);
    commands->on_sample(sample);
    mqtt.publish_state(analysis->analyzer().state());
    notifier.status(status_text(analysis->analyzer().state()));
  }

  void reload() {
    notifier.reloading();
    try {
      DaemonConfig fresh = reload_daemon_config(options.config_path, cfg);
      if (fresh.service.source != cfg.service.source || fresh.service.scenario != cfg.service.scenario)
        journal(LogLevel::notice, "source changes take effect at the next restart");
      cfg = std::move(fresh);
      apply_saved_calibration(state_dir, cfg.chair.layout, journal);
      keeper->apply_tare(cfg.chair.layout);
      analysis->reconfigure();
      journal.set_level(log_level_from(options.log_level.value_or(cfg.service.log_level)));
      if (cfg.hardware) feed->rewire(*cfg.hardware);  // used when the chips are next opened
      start_saver();  // at the reloaded interval
      web->configure();
      journal(LogLevel::notice, "configuration reloaded (session kept)");
    } catch (const ConfigError& e) {
      for (const auto& p : e.problems()) journal(LogLevel::error, p);
      journal(LogLevel::error, "reload refused: keeping the running configuration");
    }
    notifier.ready();
    feed->retry_now();  // while waiting for the chips: the wiring may just have been fixed
  }

  // Only a loop that still gets samples is alive; a stalled reader lets systemd restart us.
  // Waiting for chips that are not there is healthy too: a restart would not bring them.
  bool alive() const {
    return feed->waiting_for_chips() || feed->seconds_since_sample() <= cfg.service.watchdog_stale_s;
  }

  void start_saver() {
    const auto period = std::chrono::duration<double>(cfg.service.save_interval_s);
    saver.start(std::chrono::duration_cast<std::chrono::steady_clock::duration>(period),
                [this] { keeper->save(analysis->analyzer()); });
  }

  void shutdown() {
    if (stopping.exchange(true)) return;
    notifier.stopping();
    journal(LogLevel::notice, "stopping");
    feed->stop();
    if (web) web->stop();
    watchdog.cancel();
    saver.cancel();
    signals.cancel();
    feed->join();
    keeper->save(analysis->analyzer());
    // what is still undelivered after that stays in the outbox for the next start
    mqtt.stop_when_delivered(std::chrono::seconds(2));
  }

  int run() {
    state_dir = state_directory(options.state_dir, cfg.service.state_dir);
    const std::string& dir = state_dir;
    keeper = std::make_unique<SessionKeeper>(dir, journal);
    keeper->load();
    apply_saved_calibration(dir, cfg.chair.layout, journal);
    keeper->apply_tare(cfg.chair.layout);
    // the chair's id, kept even while MQTT is off: it must not depend on when MQTT was enabled
    const std::string chair_id = keeper->chair_id(mqtt::system_chair_id_sources());
    SourceFactory sources(cfg.service, cfg.chair.layout, std::exchange(cfg.scenario, std::nullopt), cfg.hardware,
                          cfg.chair.path);
    feed = std::make_unique<SampleFeed>(io, cfg.service, std::move(sources), journal, outputs, feed_handlers());
    analysis = std::make_unique<LiveAnalysis>(cfg.chair, feed->units(), *keeper);
    analysis->use_sitter_postures(dir, journal);
    nudges = std::make_unique<NudgeDriver>(cfg.service, outputs);
    analysis->add_sink(journal_sink);
    analysis->add_sink(*nudges);
    history = std::make_unique<DaemonHistory>(cfg.history, dir, cfg.service.source == SourceKind::hardware, *analysis,
                                              journal);
    if (history->sink()) analysis->add_sink(*history->sink());
    commands = std::make_unique<DaemonCommands>(*analysis, cfg.chair, *keeper, journal, mqtt, dir);
    web = std::make_unique<DaemonWeb>(io, DaemonWeb::Parts{cfg, dir, *feed, *analysis, *commands, *keeper, journal});
    web->configure();
    mqtt.start(io, cfg.mqtt, chair_id, dir, journal, [this](const mqtt::Command& c) { return commands->run(c); },
               web->url());
    if (mqtt.on()) {
      analysis->add_sink(mqtt.events());
      commands->publish_control();
    }

    journal(LogLevel::notice, "chairhubd started on " + feed->describe() + ", state in " + dir);
    signals.wait();
    if (auto period = notifier.watchdog_period())
      watchdog.start(*period, [this] {
        if (alive()) notifier.watchdog();
      });
    start_saver();
    feed->start();
    // Also while waiting for the chips (with that STATUS): systemd's start must not time out.
    if (!stopping) notifier.ready();
    io.run();
    feed->join();
    return exit_status;
  }
};

Daemon::Daemon(DaemonOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Daemon::~Daemon() = default;
int Daemon::run() { return impl_->run(); }

}  // namespace chairhub
