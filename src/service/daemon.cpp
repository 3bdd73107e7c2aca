#include "service/daemon.hpp"

#include <utility>  // before Boost.Asio (Boost 1.74 + GCC 12 + C++20)
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "analysis/analyzer.hpp"
#include "core/input_error.hpp"
#include "hw/config/hardware_config.hpp"
#include "mqtt/config.hpp"
#include "mqtt/service.hpp"
#include "service/command_actions.hpp"
#include "service/daemon_config.hpp"
#include "service/hardware_retry.hpp"
#include "service/hardware_sample_source.hpp"
#include "service/journal.hpp"
#include "service/notifier.hpp"
#include "service/nudge_driver.hpp"
#include "service/nudge_outputs.hpp"
#include "service/sample_reader.hpp"
#include "service/service_config.hpp"
#include "service/session_keeper.hpp"
#include "service/source_factory.hpp"
#include "service/sources.hpp"

namespace chairhub {
namespace {

namespace asio = boost::asio;

int local_minute_of_day() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return tm.tm_hour * 60 + tm.tm_min;
}

}  // namespace

struct Daemon::Impl {
  DaemonOptions options;
  Config config;
  ServiceConfig service;
  mqtt::MqttConfig mqtt_config;
  std::optional<hw::HardwareConfig> hardware;
  Journal journal;
  Notifier notifier;
  std::optional<Scenario> scenario;  // the simulated sources' sitter, as read at start

  asio::io_context io;
  asio::signal_set signals{io, SIGHUP, SIGTERM, SIGINT};
  asio::steady_timer watchdog_timer{io};
  asio::steady_timer save_timer{io};
  asio::steady_timer stop_timer{io};

  std::unique_ptr<SessionKeeper> keeper;
  // [service] source as at start: a reload changes it only at the next start.
  std::unique_ptr<SourceFactory> sources;
  std::unique_ptr<SampleSource> source;
  // Sources that read chips (hardware, devices) open through `chips`, which keeps trying while
  // they are missing.
  HardwareRetry chips{io, service,
                      {[this] { open_chips(); }, [this](const std::string& status) { waiting_for_chips(status); },
                       [this] { chips_opened(); }, [this](const std::string& what) { chips_failed(what); }}};
  Units units = Units::calibrated;
  std::unique_ptr<Analyzer> analyzer;
  NudgeOutputs outputs{journal};
  std::unique_ptr<NudgeDriver> nudges;
  std::unique_ptr<mqtt::MqttService> mqtt;
  JournalSink journal_sink{journal};
  std::vector<EventSink*> sinks;  // where every event goes, in this order
  SampleReader reader{io, journal,
                      {[this](const Sample& s) { on_sample(s); }, [this](const std::string& what) { lose_chips(what); },
                       [this](const std::string& what) { source_failed(what); }, [this] { source_ended(); }}};
  std::atomic<bool> stopping{false};

  std::vector<Event> events;
  std::optional<double> last_t;         // time of the latest sample
  double last_sample_mono = 0;          // when it arrived, for the watchdog
  TareAverage raw;                      // recent raw readings, for the tare command
  int exit_status = kExitOk;

  explicit Impl(DaemonOptions o) : options(std::move(o)) {
    DaemonConfig c = load_daemon_config(options.config_path);  // throws ConfigError with every problem
    config = std::move(c.chair);
    scenario = std::move(c.scenario);
    adopt_sections(std::move(c));
    if (options.log_level) service.log_level = *options.log_level;
    journal.set_level(log_level_from(service.log_level));
  }

  // The other parts' sections of a config read whole (the wiring already checked against the
  // channels, so that opening fails only for the devices).
  void adopt_sections(DaemonConfig&& c) {
    service = std::move(c.service);
    mqtt_config = std::move(c.mqtt);
    hardware = std::move(c.hardware);
  }

  std::string state_dir() const {
    if (options.state_dir) return *options.state_dir;
    if (const char* dir = std::getenv("STATE_DIRECTORY")) return std::string(dir).substr(0, std::string(dir).find(':'));
    return service.state_dir;
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

  void chips_failed(const std::string& what) {
    journal(LogLevel::error, "cannot open the sensors: " + what);
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

  void source_failed(const std::string& what) {
    journal(LogLevel::error, "sensor source failed: " + what);
    exit_status = kExitFailure;
    shutdown();
  }

  void source_ended() {
    if (stopping) return;
    journal(LogLevel::notice, "the sample source has ended");
    shutdown();
  }

  // What the state file keeps goes into a fresh analysis; the session follows at the first sample.
  void start_analysis() {
    analyzer = std::make_unique<Analyzer>(config.analysis, config.layout, units);
    keeper->prime(*analyzer);
    last_t.reset();
    raw.clear();
  }

  void on_sample(const Sample& sample) {
    if (stopping) return;
    keeper->before_sample(*analyzer, sample.t, config.analysis.breaks.min_break_s);
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
    const auto outcome =
        run_command(command, last_t.value_or(0), {*analyzer, config, units, raw, *keeper, journal});
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
      const ChannelLayout& layout = fresh.chair.layout;
      bool same_channels = layout.size() == config.layout.size();
      for (std::size_t i = 0; same_channels && i < layout.size(); ++i)
        same_channels = layout.channels[i].name == config.layout.channels[i].name &&
                        layout.channels[i].role == config.layout.channels[i].role;
      if (!same_channels) throw ConfigError({options.config_path + ": the channels changed: restart chairhubd for that"});
      const ServiceConfig old_service = service;
      config.layout = fresh.chair.layout;
      config.analysis = fresh.chair.analysis;
      adopt_sections(std::move(fresh));
      keeper->apply_tare(config.layout);
      analyzer->reconfigure(config.analysis, config.layout);
      journal.set_level(log_level_from(options.log_level.value_or(service.log_level)));
      if (service.source != old_service.source || service.scenario != old_service.scenario)
        journal(LogLevel::notice, "source changes take effect at the next restart");
      if (hardware) sources->set_wiring(*hardware);  // used when the chips are next opened
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

  void schedule_watchdog(std::chrono::microseconds period) {
    watchdog_timer.expires_after(period);
    watchdog_timer.async_wait([this, period](const boost::system::error_code& ec) {
      if (ec || stopping) return;
      // Only a loop that still gets samples is alive; a stalled reader lets systemd restart us.
      // Waiting for chips that are not there is healthy too: a restart would not bring them.
      if (chips.waiting() || monotonic_seconds() - last_sample_mono <= service.watchdog_stale_s) notifier.watchdog();
      schedule_watchdog(period);
    });
  }

  void schedule_save() {
    save_timer.expires_after(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(service.save_interval_s)));
    save_timer.async_wait([this](const boost::system::error_code& ec) {
      if (ec || stopping) return;
      keeper->save(*analyzer);
      schedule_save();
    });
  }

  void start_reader() {
    reader.start(*source, sources->realtime(), sources->realtime_priority());
  }

  void shutdown() {
    if (stopping.exchange(true)) return;
    notifier.stopping();
    journal(LogLevel::notice, "stopping");
    chips.stop();
    reader.stop();
    if (source) source->stop();
    watchdog_timer.cancel();
    save_timer.cancel();
    signals.cancel();
    reader.join();
    keeper->save(*analyzer);
    stop_mqtt(monotonic_seconds() + kDeliverAtStopS);
  }

  // A connected broker gets a moment to acknowledge the last events, so a planned stop leaves
  // none behind; whatever is still undelivered then stays in the outbox for the next start.
  static constexpr double kDeliverAtStopS = 2.0;
  void stop_mqtt(double deadline) {
    if (!mqtt) return;
    if (mqtt->connected() && !mqtt->idle() && monotonic_seconds() < deadline) {
      stop_timer.expires_after(std::chrono::milliseconds(20));
      stop_timer.async_wait([this, deadline](const boost::system::error_code&) { stop_mqtt(deadline); });
      return;
    }
    mqtt->stop();  // publishes offline
  }

  int run() {
    const std::string dir = state_dir();
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    keeper = std::make_unique<SessionKeeper>(dir, journal);
    keeper->load();
    keeper->apply_tare(config.layout);

    sources = std::make_unique<SourceFactory>(service, config.layout, std::exchange(scenario, std::nullopt),
                                              hardware, config.path);
    if (!sources->reads_chips()) source = sources->open();  // there, or the daemon does not start
    units = sources->units();
    start_analysis();
    nudges = std::make_unique<NudgeDriver>(service, outputs, local_minute_of_day);
    sinks = {&journal_sink, nudges.get()};

    if (mqtt_config.enabled) {
      mqtt::ServiceOptions mo;
      mo.state_dir = dir;
      mo.logger = journal.logger();
      mo.on_command = [this](const mqtt::Command& c) { return on_command(c); };
      mqtt = std::make_unique<mqtt::MqttService>(io, mqtt_config, std::move(mo));
      mqtt->start();
      sinks.push_back(&mqtt->events());
      publish_control();
    }

    journal(LogLevel::notice,
            "chairhubd started on " + (source ? source->describe() : std::string(to_string(sources->kind()))) +
                ", state in " + dir);
    wait_signals();
    if (auto period = notifier.watchdog_period()) schedule_watchdog(*period);
    schedule_save();
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
