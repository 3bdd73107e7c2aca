#include "service/daemon.hpp"

#include <utility>  // before Boost.Asio (Boost 1.74 + GCC 12 + C++20)
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "analysis/analyzer.hpp"
#include "core/input_error.hpp"
#include "mqtt/service.hpp"
#include "service/command_actions.hpp"
#include "service/daemon_config.hpp"
#include "service/hardware_retry.hpp"
#include "service/journal.hpp"
#include "service/sitter_postures.hpp"
#include "service/notifier.hpp"
#include "service/nudge_driver.hpp"
#include "service/nudge_outputs.hpp"
#include "service/periodic.hpp"
#include "service/sample_reader.hpp"
#include "service/session_keeper.hpp"
#include "service/source_factory.hpp"
#include "service/sources.hpp"
#include "service/state_store.hpp"

namespace chairhub {

namespace asio = boost::asio;

struct Daemon::Impl {
  DaemonOptions options;
  DaemonConfig cfg;  // the running config; a reload replaces all but the source's parts
  Journal journal;
  Notifier notifier;

  asio::io_context io;
  asio::signal_set signals{io, SIGHUP, SIGTERM, SIGINT};
  Periodic watchdog{io};
  Periodic saver{io};

  std::unique_ptr<SessionKeeper> keeper;
  // [service] source as at start: a reload changes it only at the next start.
  std::unique_ptr<SourceFactory> sources;
  std::unique_ptr<SampleSource> source;
  // Sources that read chips (hardware, devices) open through `chips`, which keeps trying while
  // they are missing.
  HardwareRetry chips{io, cfg.service,
                      {[this] { open_chips(); }, [this](const std::string& status) { waiting_for_chips(status); },
                       [this] { chips_opened(); },
                       [this](const std::string& what) { fail("cannot open the sensors: " + what); }}};
  Units units = Units::calibrated;
  std::unique_ptr<Analyzer> analyzer;
  NudgeOutputs outputs{journal};
  std::unique_ptr<NudgeDriver> nudges;
  std::unique_ptr<mqtt::MqttService> mqtt;
  JournalSink journal_sink{journal};
  std::vector<EventSink*> sinks;  // where every event goes, in this order
  SampleReader reader{io, journal,
                      {[this](const Sample& s) { on_sample(s); }, [this](const std::string& what) { lose_chips(what); },
                       [this](const std::string& what) { fail("sensor source failed: " + what); }, [this] { source_ended(); }}};
  std::atomic<bool> stopping{false};

  std::vector<Event> events;
  std::optional<double> last_t;         // time of the latest sample
  double last_sample_mono = 0;          // when it arrived, for the watchdog
  TareAverage raw;                      // recent raw readings, for the tare command
  int exit_status = kExitOk;

  // Throws ConfigError with every problem of the file.
  explicit Impl(DaemonOptions o) : options(std::move(o)), cfg(load_daemon_config(options.config_path)) {
    if (options.log_level) cfg.service.log_level = *options.log_level;
    journal.set_level(log_level_from(cfg.service.log_level));
  }

  std::string state_dir() const {
    if (options.state_dir) return *options.state_dir;
    if (const char* dir = std::getenv("STATE_DIRECTORY")) return std::string(dir).substr(0, std::string(dir).find(':'));
    return cfg.service.state_dir;
  }

  // HardwareRetry's try, on the loop: throws hw::DeviceError while the chips are missing.
  void open_chips() {
    std::unique_ptr<ChipSampleSource> opened = sources->open_chips();
    if (opened->player()) outputs.play_on(*opened->player(), opened->clock());
    source = std::move(opened);
  }

  // Said once per reason, not at every try. Availability stays `online`: the daemon runs and
  // Home Assistant's problem entity shows why nothing is measured.
  void waiting_for_chips(const std::string& status) {
    journal(LogLevel::warning, status);
    notifier.status(status);
    if (!mqtt) return;
    mqtt->set_hardware_problem(status);
    ChairState nothing_measured = analyzer->state();
    nothing_measured.t = monotonic_seconds();  // the live samples' clock, which the publisher anchors on
    mqtt->publish_state(nothing_measured);
  }

  void chips_opened() {
    journal(LogLevel::notice, "sensors open: " + source->describe());
    notifier.status("sensors open: " + source->describe());
    if (mqtt) mqtt->set_hardware_problem(std::nullopt);
    last_sample_mono = monotonic_seconds();
    start_reader();
  }

  // Something a restart may cure: exit with a failure, which systemd answers with a restart.
  void fail(const std::string& what) {
    journal(LogLevel::error, what);
    exit_status = kExitFailure;
    shutdown();
  }

  // The chips failed while being read (a GPIO chip removed, say): like a restart, but without
  // exiting. The state is saved, the analysis starts afresh (the next sample continues or ends
  // the session by how long this took) and the chips are tried again.
  void lose_chips(const std::string& what) {
    if (stopping) return;
    journal(LogLevel::error, "the sensors failed: " + what);
    reader.join();
    outputs.log_only();
    source.reset();
    keeper->save(*analyzer);
    start_analysis();
    chips.start();
  }

  void source_ended() {
    if (stopping) return;
    journal(LogLevel::notice, "the sample source has ended");
    shutdown();
  }

  // What the state file keeps goes into a fresh analysis; the session follows at the first sample.
  void start_analysis() {
    analyzer = std::make_unique<Analyzer>(cfg.chair.analysis, cfg.chair.layout, units);
    keeper->prime(*analyzer);
    load_sitter_postures(state_dir(), *analyzer, journal);
    last_t.reset();
    raw.clear();
  }

  void on_sample(const Sample& sample) {
    if (stopping) return;
    keeper->before_sample(*analyzer, sample.t, cfg.chair.analysis.breaks.min_break_s);
    const double dt = last_t ? sample.t - *last_t : 0;
    last_t = sample.t;
    last_sample_mono = monotonic_seconds();
    if (units == Units::raw) raw.add(sample);
    events.clear();
    analyzer->update(sample, events);
    for (const auto& e : events)
      for (EventSink* sink : sinks) sink->on_event(e);
    keeper->after_sample(*analyzer, dt, events);
    if (mqtt) mqtt->publish_state(analyzer->state());
    notifier.status(status_text(analyzer->state()));
  }

  mqtt::CommandOutcome on_command(const mqtt::Command& command) {
    auto outcome =
        run_command(command, last_t.value_or(0), {*analyzer, cfg.chair, units, raw, *keeper, journal});
    if (outcome.ok) {
      keeper->save(*analyzer);
      publish_control();
    }
    return outcome;
  }

  void publish_control() {
    if (!mqtt) return;
    mqtt::ControlState control;
    control.nudges_enabled = analyzer->nudges().enabled();
    control.snoozed_until = keeper->snooze_end();
    mqtt->set_control(control);
  }

  void reload() {
    notifier.reloading();
    try {
      DaemonConfig fresh = load_daemon_config(options.config_path);
      if (!same_channels(fresh.chair.layout, cfg.chair.layout))
        throw ConfigError({options.config_path + ": the channels changed: restart chairhubd for that"});
      if (fresh.service.source != cfg.service.source || fresh.service.scenario != cfg.service.scenario)
        journal(LogLevel::notice, "source changes take effect at the next restart");
      cfg = std::move(fresh);
      keeper->apply_tare(cfg.chair.layout);
      analyzer->reconfigure(cfg.chair.analysis, cfg.chair.layout);
      load_sitter_postures(state_dir(), *analyzer, journal);
      journal.set_level(log_level_from(options.log_level.value_or(cfg.service.log_level)));
      if (cfg.hardware) sources->set_wiring(*cfg.hardware);  // used when the chips are next opened
      start_saver();  // at the reloaded interval
      journal(LogLevel::notice, "configuration reloaded (session kept)");
    } catch (const ConfigError& e) {
      for (const auto& p : e.problems()) journal(LogLevel::error, p);
      journal(LogLevel::error, "reload refused: keeping the running configuration");
    }
    notifier.ready();
    chips.retry_now();  // while waiting for the chips: the wiring may just have been fixed
  }

  void wait_signals() {
    signals.async_wait([this](const boost::system::error_code& ec, int signal) {
      if (ec) return;
      if (signal == SIGHUP) {
        reload();
        wait_signals();
      } else {
        shutdown();
      }
    });
  }

  // Only a loop that still gets samples is alive; a stalled reader lets systemd restart us.
  // Waiting for chips that are not there is healthy too: a restart would not bring them.
  bool alive() const { return chips.waiting() || monotonic_seconds() - last_sample_mono <= cfg.service.watchdog_stale_s; }

  void start_saver() {
    const auto period = std::chrono::duration<double>(cfg.service.save_interval_s);
    saver.start(std::chrono::duration_cast<std::chrono::steady_clock::duration>(period),
                [this] { keeper->save(*analyzer); });
  }

  void start_reader() { reader.start(*source, sources->realtime(), sources->realtime_priority()); }

  void shutdown() {
    if (stopping.exchange(true)) return;
    notifier.stopping();
    journal(LogLevel::notice, "stopping");
    chips.stop();
    reader.stop();
    if (source) source->stop();
    watchdog.cancel();
    saver.cancel();
    signals.cancel();
    reader.join();
    keeper->save(*analyzer);
    // what is still undelivered after that stays in the outbox for the next start
    if (mqtt) mqtt->stop_when_delivered(std::chrono::seconds(2));
  }

  int run() {
    const std::string dir = state_dir();
    make_state_folder(dir);
    keeper = std::make_unique<SessionKeeper>(dir, journal);
    keeper->load();
    keeper->apply_tare(cfg.chair.layout);
    // the chair's id, kept even while MQTT is off: it must not depend on when MQTT was enabled
    const std::string chair_id = keeper->chair_id(mqtt::system_chair_id_sources());
    sources = std::make_unique<SourceFactory>(cfg.service, cfg.chair.layout, std::exchange(cfg.scenario, std::nullopt),
                                              cfg.hardware, cfg.chair.path);
    if (!sources->reads_chips()) source = sources->open();  // there, or the daemon does not start
    units = sources->units();
    start_analysis();
    nudges = std::make_unique<NudgeDriver>(cfg.service, outputs);
    sinks = {&journal_sink, nudges.get()};

    if (cfg.mqtt.enabled) {
      mqtt::ServiceOptions mo;
      mo.state_dir = dir;
      mo.logger = journal.logger();
      mo.on_command = [this](const mqtt::Command& c) { return on_command(c); };
      mqtt::MqttConfig mqtt_cfg = cfg.mqtt;  // a copy: a reload compares against the config as read
      if (mqtt_cfg.chair_id.empty()) mqtt_cfg.chair_id = chair_id;
      mqtt = std::make_unique<mqtt::MqttService>(io, mqtt_cfg, std::move(mo));
      mqtt->start();
      sinks.push_back(&mqtt->events());
      publish_control();
    }

    journal(LogLevel::notice,
            "chairhubd started on " + (source ? source->describe() : std::string(to_string(sources->kind()))) +
                ", state in " + dir);
    wait_signals();
    if (auto period = notifier.watchdog_period())
      watchdog.start(*period, [this] {
        if (alive()) notifier.watchdog();
      });
    start_saver();
    if (sources->reads_chips()) {
      chips.start();  // starts the reader once the chips open, now or later
    } else {
      last_sample_mono = monotonic_seconds();
      start_reader();
    }
    // Also while waiting for the chips (with that STATUS): systemd's start must not time out.
    if (!stopping) notifier.ready();
    io.run();
    reader.join();
    return exit_status;
  }
};

Daemon::Daemon(DaemonOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Daemon::~Daemon() = default;
int Daemon::run() { return impl_->run(); }

}  // namespace chairhub
