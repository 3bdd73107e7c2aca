#include "service/sample_feed.hpp"

#include "core/pacing.hpp"

namespace chairhub {

SampleFeed::SampleFeed(boost::asio::io_context& io, const ServiceConfig& service, SourceFactory factory,
                       const Journal& journal, NudgeOutputs& outputs, Handlers handlers)
    : factory_(std::move(factory)),
      journal_(journal),
      outputs_(outputs),
      handlers_(std::move(handlers)),
      chips_(io, service,
             {[this] { open_chips(); }, [this](const std::string& status) { handlers_.waiting(status); },
              [this] { chips_opened(); },
              [this](const std::string& what) { handlers_.failed("cannot open the sensors: " + what); }}),
      reader_(io, journal,
              {[this](const Sample& s) {
                 if (stopped_) return;
                 last_sample_mono_ = monotonic_seconds();
                 handlers_.sample(s);
               },
               [this](const std::string& what) { chips_lost(what); },
               [this](const std::string& what) { handlers_.failed("sensor source failed: " + what); },
               [this] {
                 if (stopped_) return;
                 journal_(LogLevel::notice, "the sample source has ended");
                 handlers_.ended();
               }}) {
  if (!factory_.reads_chips()) source_ = factory_.open();
}

std::string SampleFeed::describe() const {
  return source_ ? source_->describe() : std::string(to_string(factory_.kind()));
}

void SampleFeed::start() {
  if (factory_.reads_chips()) {
    chips_.start();  // starts the reader once the chips open, now or later
  } else {
    start_reader();
  }
}

void SampleFeed::stop() {
  stopped_ = true;
  chips_.stop();
  reader_.stop();
  if (source_) source_->stop();
}

double SampleFeed::seconds_since_sample() const { return monotonic_seconds() - last_sample_mono_; }

// HardwareRetry's try, on the loop: throws hw::DeviceError while the chips are missing.
void SampleFeed::open_chips() {
  std::unique_ptr<ChipSampleSource> opened = factory_.open_chips();
  if (opened->player()) outputs_.play_on(*opened->player(), opened->clock());
  source_ = std::move(opened);
}

void SampleFeed::chips_opened() {
  handlers_.opened(source_->describe());
  start_reader();
}

// The chips failed while being read (a GPIO chip removed, say): like a restart, but without
// exiting. The daemon saves and starts the analysis afresh (the next sample continues or ends
// the session by how long this took), and the chips are tried again.
void SampleFeed::chips_lost(const std::string& what) {
  if (stopped_) return;
  journal_(LogLevel::error, "the sensors failed: " + what);
  reader_.join();
  outputs_.log_only();
  source_.reset();
  handlers_.lost();
  chips_.start();
}

void SampleFeed::start_reader() {
  last_sample_mono_ = monotonic_seconds();
  reader_.start(*source_, factory_.realtime(), factory_.realtime_priority());
}

}  // namespace chairhub
