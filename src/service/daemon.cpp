#include "service/daemon.hpp"

#include <utility>  // before Boost.Asio (Boost 1.74 + GCC 12 + C++20)
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <semaphore>
#include <thread>

#include "analysis/analyzer.hpp"
#include "core/input_error.hpp"
#include "hw/config/hardware_config.hpp"
#include "hw/util/device_error.hpp"
#include "hw/util/realtime.hpp"
#include "mqtt/config.hpp"
#include "mqtt/service.hpp"
#include "service/daemon_config.hpp"
#include "service/hardware_retry.hpp"
#include "service/hardware_sample_source.hpp"
#include "service/journal.hpp"
#include "service/notifier.hpp"
#include "service/nudge_driver.hpp"
#include "service/nudge_outputs.hpp"
#include "service/service_config.hpp"
#include "service/sources.hpp"
#include "service/state_store.hpp"

namespace chairhub {
namespace {

namespace asio = boost::asio;

double wall_seconds() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string local_date(double wall) {
  const std::time_t t = static_cast<std::time_t>(wall);
  std::tm tm{};
  localtime_r(&t, &tm);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
  return text;
}

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
  SourceKind source_kind = SourceKind::simulated;  // [service] source at start: a reload changes it only at the next start
  std::optional<Scenario> scenario;  // the simulated sources' sitter, as read at start

  asio::io_context io;
  asio::signal_set signals{io, SIGHUP, SIGTERM, SIGINT};
  asio::steady_timer watchdog_timer{io};
  asio::steady_timer save_timer{io};
  asio::steady_timer stop_timer{io};

  std::unique_ptr<StateStore> store;
  PersistedState persisted;
  // The source's own copy of the channels: it reads them on the reader thread, while reload()
  // and the tare command change config.layout on the loop's. Names and roles cannot change
  // without a restart.
  ChannelLayout source_layout;
  std::unique_ptr<SampleSource> source;
  // Sources that read chips (hardware, devices) open through `chips`, which keeps trying while
  // they are missing; `wiring` is the [hardware] they open with (a reload's, from the next try).
  hw::HardwareConfig wiring;
  std::optional<Scenario> device_scenario;  // the sitter who loads simulated devices
  HardwareRetry chips{io, service,
                      {[this] { open_chips(); }, [this](const std::string& status) { waiting_for_chips(status); },
                       [this] { chips_opened(); }, [this](const std::string& what) { chips_failed(what); }}};
  Units units = Units::calibrated;
  std::unique_ptr<Analyzer> analyzer;
  NudgeOutputs outputs{journal};
  std::unique_ptr<NudgeDriver> nudges;
  std::unique_ptr<mqtt::MqttService> mqtt;
  std::thread reader;
  std::atomic<bool> stopping{false};
  // Samples posted to the loop and not yet analysed. A log played as fast as possible would
  // otherwise run far ahead of the analysis and queue itself into memory; live sensors never
  // come near the bound.
  static constexpr std::ptrdiff_t kMaxQueuedSamples = 64;
  std::counting_semaphore<kMaxQueuedSamples> queue_slots{kMaxQueuedSamples};

  std::vector<Event> events;
  std::optional<double> last_t;         // time of the latest sample
  double last_sample_mono = 0;          // when it arrived, for the watchdog
  bool session_restored = false;
  bool save_failing = false;            // the last save failed (and said so)
  std::vector<double> raw_sum;          // recent raw readings, for the tare command
  std::size_t raw_count = 0;
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

  void apply_tare() {
    for (auto& channel : config.layout.channels)
      if (auto it = persisted.tare.find(channel.name); it != persisted.tare.end()) channel.offset = it->second;
  }

  // The simulated sources' sitter, read with the config.
  Scenario take_scenario() {
    if (!scenario) throw ConfigError({config.path + ": service.source: no scenario for the simulated chair"});
    return std::move(*std::exchange(scenario, std::nullopt));
  }

  bool reads_chips() const { return chairhub::reads_chips(source_kind); }

  // A log or the simulated chair: there, or the daemon does not start.
  void open_other_source() {
    if (source_kind == SourceKind::log) {
      auto log_source = std::make_unique<LogSource>(service.log, source_layout, service.speed);
      units = log_source->units();
      source = std::move(log_source);
    } else {
      Scenario sitter = take_scenario();
      units = sitter.units;
      source = std::make_unique<SimulatedSource>(std::move(sitter), source_layout, service.speed);
    }
  }

  // HardwareRetry's try, on the loop: throws hw::DeviceError while the chips are missing.
  void open_chips() {
    std::unique_ptr<ChipSampleSource> opened;
    if (source_kind == SourceKind::hardware)
      opened = std::make_unique<HardwareSampleSource>(wiring, source_layout);
    else
      opened = std::make_unique<SimulatedDevicesSource>(*device_scenario, source_layout, wiring,
                                                        service.devices_present_file);
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
    if (reader.joinable()) reader.join();
    outputs.log_only();
    source.reset();
    save_state();
    start_analysis();
    chips.start();
  }

  // What the state file keeps goes into a fresh analysis; the session follows at the first sample.
  void start_analysis() {
    analyzer = std::make_unique<Analyzer>(config.analysis, config.layout, units);
    if (persisted.baseline) analyzer->set_baseline(*persisted.baseline);
    analyzer->nudges().set_enabled(persisted.nudges_enabled);
    session_restored = false;
    last_t.reset();
    raw_count = 0;
  }

  void save_state() {
    if (!last_t) return;
    const double now_wall = wall_seconds();
    const auto& session = analyzer->session();
    persisted.saved_at_wall = now_wall;
    persisted.session_start_wall.reset();
    if (auto start = session.start()) persisted.session_start_wall = now_wall - (*last_t - *start);
    persisted.session_seated_s = session.sitting_s();
    persisted.nudges_enabled = analyzer->nudges().switched_on();
    try {
      store->save(persisted);
      if (std::exchange(save_failing, false)) journal(LogLevel::notice, "state saved again to " + store->file().string());
    } catch (const std::exception& e) {
      // said once, not at every retry (a full disk stays full for a while)
      if (!std::exchange(save_failing, true))
        journal(LogLevel::error, std::string("cannot save state, keeping the last saved file and retrying: ") + e.what());
    }
  }

  // A restart in the middle of a session continues it, unless the daemon was down for as long
  // as a break: then the sitter has had one.
  void restore_session(double t) {
    session_restored = true;
    if (persisted.snoozed_until_wall) {
      const double left = *persisted.snoozed_until_wall - wall_seconds();
      if (left > 0) analyzer->nudges().snooze_until(t + left);
    }
    if (!persisted.session_start_wall) return;
    const double now_wall = wall_seconds();
    const double down_s = now_wall - persisted.saved_at_wall;
    if (down_s < 0 || down_s >= config.analysis.breaks.min_break_s) {
      journal(LogLevel::notice, "the last session ended while chairhubd was stopped");
      return;
    }
    const double start = t - (now_wall - *persisted.session_start_wall);
    analyzer->session().resume(start, persisted.session_seated_s);
    journal(LogLevel::notice, "continuing the sitting session begun " +
                                  std::to_string(static_cast<int>((t - start) / 60)) + " min ago");
  }

  void count_day(double dt, const std::vector<Event>& new_events) {
    const std::string today = local_date(wall_seconds());
    if (today != persisted.day) {  // local midnight: a new day's totals
      persisted.day = today;
      persisted.day_sitting_s = 0;
      persisted.day_breaks = 0;
    }
    if (analyzer->state().occupied) persisted.day_sitting_s += dt;
    for (const auto& e : new_events) persisted.day_breaks += e.type == EventType::break_taken;
  }

  void remember_raw(const Sample& sample) {
    if (units != Units::raw) return;
    if (raw_sum.size() != sample.values.size() || raw_count >= 50) {  // a rolling few seconds
      raw_sum.assign(sample.values.size(), 0);
      raw_count = 0;
    }
    for (std::size_t i = 0; i < sample.values.size(); ++i) raw_sum[i] += sample.values[i];
    ++raw_count;
  }

  void on_sample(const Sample& sample) {
    if (stopping) return;
    if (!session_restored) restore_session(sample.t);
    const double dt = last_t ? sample.t - *last_t : 0;
    last_t = sample.t;
    last_sample_mono = monotonic_seconds();
    remember_raw(sample);
    events.clear();
    analyzer->update(sample, events);
    count_day(dt, events);
    bool save = false;
    for (const auto& e : events) {
      journal(LogLevel::info, e.to_json().dump());
      nudges->on_event(e);
      if (mqtt) mqtt->events().on_event(e);
      if (e.type == EventType::seated || e.type == EventType::stood_up || e.type == EventType::break_taken) save = true;
      if (e.type == EventType::baseline && analyzer->has_own_baseline() && !e.fields.contains("error")) {
        if (e.fields.value("source", "") != "auto") {
          persisted.baseline = analyzer->baseline();
          save = true;
        }
      }
    }
    if (save) save_state();
    if (mqtt) mqtt->publish_state(analyzer->state());
    update_status();
  }

  void update_status() {
    const auto& s = analyzer->state();
    std::string text = s.occupied ? "seated" : "chair empty";
    if (s.occupied && s.posture) text += ", " + std::string(to_string(*s.posture));
    if (s.session_start) text += ", session " + std::to_string(static_cast<int>(s.since_break_s.value_or(0) / 60)) + " min";
    if (s.break_due) text += ", break due";
    for (const auto& c : s.channels)
      if (c.fault) text += ", " + c.channel + " " + *c.fault;
    notifier.status(text);
  }

  mqtt::CommandOutcome on_command(const mqtt::Command& command) {
    const double t = last_t.value_or(0);
    auto outcome = std::visit(
        [&](const auto& c) -> mqtt::CommandOutcome {
          using C = std::decay_t<decltype(c)>;
          if constexpr (std::is_same_v<C, mqtt::TareCommand>) {
            if (analyzer->state().occupied) return {false, "someone is sitting: tare needs an empty chair"};
            if (units != Units::raw || raw_count == 0) return {false, "tare needs raw readings from the sensors"};
            for (std::size_t i = 0; i < config.layout.size(); ++i) {
              auto& channel = config.layout.channels[i];
              if (channel.role != Role::seat || std::isnan(raw_sum[i])) continue;
              channel.offset = raw_sum[i] / static_cast<double>(raw_count);
              persisted.tare[channel.name] = channel.offset;
            }
            journal(LogLevel::notice, "tared the seat cells");
          } else if constexpr (std::is_same_v<C, mqtt::SnoozeCommand>) {
            analyzer->nudges().snooze_until(t + c.minutes * 60.0);
            persisted.snoozed_until_wall = wall_seconds() + c.minutes * 60.0;
            journal(LogLevel::notice, "nudges snoozed for " + std::to_string(c.minutes) + " min");
          } else if constexpr (std::is_same_v<C, mqtt::NudgesCommand>) {
            analyzer->nudges().set_enabled(c.on);
            journal(LogLevel::notice, std::string("nudges ") + (c.on ? "on" : "off"));
          } else if constexpr (std::is_same_v<C, mqtt::BaselineCommand>) {
            if (!analyzer->state().occupied) return {false, "nobody is sitting: sit upright, then ask again"};
            analyzer->capture_baseline(t, t + c.seconds.value_or(20));
            journal(LogLevel::notice, "taking the upright baseline now");
          } else if constexpr (std::is_same_v<C, mqtt::ResetSessionCommand>) {
            analyzer->session().reset(t);
            journal(LogLevel::notice, "sitting session reset");
          }
          return {};
        },
        command);
    if (outcome.ok) {
      save_state();
      publish_control();
    }
    return outcome;
  }

  void publish_control() {
    if (!mqtt) return;
    mqtt::ControlState control;
    control.nudges_enabled = analyzer->nudges().enabled();
    if (persisted.snoozed_until_wall && *persisted.snoozed_until_wall > wall_seconds())
      control.snoozed_until = std::chrono::system_clock::time_point(std::chrono::duration_cast<std::chrono::system_clock::duration>(
          std::chrono::duration<double>(*persisted.snoozed_until_wall)));
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
      // In place, so the analysis (which holds references) sees the new values.
      config.layout = fresh.chair.layout;
      config.analysis = fresh.chair.analysis;
      adopt_sections(std::move(fresh));
      apply_tare();
      analyzer->apply_config();
      journal.set_level(log_level_from(options.log_level.value_or(service.log_level)));
      if (service.source != old_service.source || service.scenario != old_service.scenario)
        journal(LogLevel::notice, "source changes take effect at the next restart");
      if (hardware) wiring = *hardware;  // used when the chips are next opened
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
      save_state();
      schedule_save();
    });
  }

  void start_reader() {
    const bool realtime = source_kind == SourceKind::hardware && wiring.realtime;
    const int priority = wiring.realtime_priority;
    reader = std::thread([this, realtime, priority] {
      if (realtime) {
        // Keeps the HX711 clock pulses short; without it the driver discards disturbed reads.
        const std::string why_not = hw::enable_realtime(priority);
        asio::post(io, [this, why_not] {
          journal(why_not.empty() ? LogLevel::info : LogLevel::notice,
                  why_not.empty() ? "sensor reader at real-time priority"
                                  : "sensor reader without real-time priority: " + why_not);
        });
      }
      Sample sample;
      while (!stopping) {
        bool more = false;
        try {
          more = source->next(sample);
        } catch (const hw::DeviceError& e) {  // only the chip sources throw it
          asio::post(io, [this, what = std::string(e.what())] { lose_chips(what); });
          return;
        } catch (const std::exception& e) {
          asio::post(io, [this, what = std::string(e.what())] {
            journal(LogLevel::error, "sensor source failed: " + what);
            exit_status = kExitFailure;
            shutdown();
          });
          return;
        }
        if (!more) break;
        while (!queue_slots.try_acquire_for(std::chrono::milliseconds(100)))
          if (stopping) return;
        asio::post(io, [this, sample] {
          queue_slots.release();
          on_sample(sample);
        });
      }
      asio::post(io, [this] {
        if (!stopping) {
          journal(LogLevel::notice, "the sample source has ended");
          shutdown();
        }
      });
    });
  }

  void shutdown() {
    if (stopping.exchange(true)) return;
    notifier.stopping();
    journal(LogLevel::notice, "stopping");
    chips.stop();
    if (source) source->stop();
    watchdog_timer.cancel();
    save_timer.cancel();
    signals.cancel();
    if (reader.joinable()) reader.join();
    save_state();
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
    store = std::make_unique<StateStore>(dir);
    std::string warning;
    persisted = store->load(warning);
    if (!warning.empty()) journal(LogLevel::warning, warning);
    apply_tare();

    source_kind = service.source;
    source_layout = config.layout;
    if (reads_chips()) {
      units = Units::raw;
      if (!hardware) throw ConfigError({config.path + ": hardware: expected a table [hardware]"});
      wiring = *hardware;
      if (source_kind == SourceKind::devices) device_scenario = take_scenario();
    } else {
      open_other_source();
    }
    start_analysis();
    nudges = std::make_unique<NudgeDriver>(service, outputs, local_minute_of_day);

    if (mqtt_config.enabled) {
      mqtt::ServiceOptions mo;
      mo.state_dir = dir;
      mo.logger = journal.logger();
      mo.on_command = [this](const mqtt::Command& c) { return on_command(c); };
      mqtt = std::make_unique<mqtt::MqttService>(io, mqtt_config, std::move(mo));
      mqtt->start();
      publish_control();
    }

    journal(LogLevel::notice,
            "chairhubd started on " + (source ? source->describe() : std::string(to_string(source_kind))) +
                ", state in " + dir);
    wait_signals();
    if (auto period = notifier.watchdog_period()) schedule_watchdog(*period);
    schedule_save();
    if (reads_chips()) {
      chips.start();  // starts the reader once the chips open, now or later
    } else {
      last_sample_mono = monotonic_seconds();
      start_reader();
    }
    // Also while waiting for the chips (with that STATUS): systemd's start must not time out.
    if (!stopping) notifier.ready();
    io.run();
    if (reader.joinable()) reader.join();
    return exit_status;
  }
};

Daemon::Daemon(DaemonOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Daemon::~Daemon() = default;
int Daemon::run() { return impl_->run(); }

}  // namespace chairhub
