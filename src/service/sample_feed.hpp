#pragma once
// The sample source while chairhubd runs: the source [service] source names (source_factory),
// opened at start, or for chips tried until they are there (hardware_retry); read on the reader
// thread (sample_reader); and, when chips fail while being read, closed and waited for again.
// The LED and buzzer come and go with the chips that carry them (nudge_outputs).
#include <utility>  // before Boost.Asio (Boost 1.74 + GCC 12 + C++20)
#include <boost/asio/io_context.hpp>

#include <functional>
#include <memory>
#include <string>

#include "core/sample.hpp"
#include "hw/config/hardware_config.hpp"
#include "service/hardware_retry.hpp"
#include "service/journal.hpp"
#include "service/nudge_outputs.hpp"
#include "service/sample_reader.hpp"
#include "service/sample_source.hpp"
#include "service/service_config.hpp"
#include "service/source_factory.hpp"

namespace chairhub {

class SampleFeed {
 public:
  // Called on the loop.
  struct Handlers {
    std::function<void(const Sample&)> sample;
    std::function<void(const std::string& status)> waiting;  // the chips are missing, and why
    std::function<void(const std::string& description)> opened;  // the chips answered
    // The chips failed while being read; the source is closed, and tried again once this returns.
    std::function<void()> lost;
    std::function<void(const std::string& what)> failed;  // nothing a retry would mend
    std::function<void()> ended;                          // a log played to its end
  };

  // A log or the simulated chair opens here (there, or the daemon does not start); chips at start().
  // `service` is the running config's, read again at every try of the chips.
  SampleFeed(boost::asio::io_context& io, const ServiceConfig& service, SourceFactory factory, const Journal& journal,
             NudgeOutputs& outputs, Handlers handlers);
  // The LED and buzzer stop playing before the chips that carry them close.
  ~SampleFeed() { outputs_.log_only(); }
  SampleFeed(const SampleFeed&) = delete;
  SampleFeed& operator=(const SampleFeed&) = delete;

  // What the samples are: raw chip counts, or whatever the log or scenario holds.
  Units units() const { return factory_.units(); }
  // The open source, or the kind of source being waited for.
  std::string describe() const;

  // Starts reading: at once, or once the chips open, now or later.
  void start();
  // A reloaded [hardware], used when the chips are next opened; while waiting, tried at once.
  void rewire(const hw::HardwareConfig& wiring) { factory_.set_wiring(wiring); }
  void retry_now() { chips_.retry_now(); }
  // Asks the reader and the retries to end (then join()); no handler is called after it.
  void stop();
  void join() { reader_.join(); }

  bool waiting_for_chips() const { return chips_.waiting(); }
  // While waiting: why, in one line (hardware_retry.hpp); else empty.
  std::string waiting_status() const { return chips_.waiting() ? chips_.status() : std::string(); }
  // A guided calibration's load, for a simulated chair's person (sample_source.hpp).
  void hold(const std::optional<HeldLoad>& load) {
    if (source_) source_->hold(load);
  }
  // Since the latest sample arrived, or since reading began.
  double seconds_since_sample() const;

 private:
  void open_chips();
  void chips_opened();
  void chips_lost(const std::string& what);
  void start_reader();

  SourceFactory factory_;
  const Journal& journal_;
  NudgeOutputs& outputs_;
  Handlers handlers_;
  std::unique_ptr<SampleSource> source_;
  HardwareRetry chips_;
  SampleReader reader_;
  double last_sample_mono_ = 0;
  bool stopped_ = false;
};

}  // namespace chairhub
