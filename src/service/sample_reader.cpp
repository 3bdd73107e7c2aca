#include "service/sample_reader.hpp"

#include <boost/asio/post.hpp>

#include <pthread.h>

#include <chrono>

#include "hw/util/device_error.hpp"
#include "hw/util/realtime.hpp"

namespace chairhub {

SampleReader::SampleReader(boost::asio::io_context& io, const Journal& journal, Handlers handlers)
    : io_(io), journal_(journal), handlers_(std::move(handlers)) {}

void SampleReader::join() {
  if (thread_.joinable()) thread_.join();
}

void SampleReader::start(SampleSource& source, bool realtime, int priority) {
  join();
  stopping_ = false;
  thread_ = std::thread([this, &source, realtime, priority] {
    pthread_setname_np(pthread_self(), "sensor reader");  // in top -H, and for scripts/bench-daemon.sh
    if (realtime) {
      // Keeps the HX711 clock pulses short; without it the driver discards disturbed reads.
      const std::string why_not = hw::enable_realtime(priority);
      boost::asio::post(io_, [this, why_not] {
        journal_(why_not.empty() ? LogLevel::info : LogLevel::notice,
                 why_not.empty() ? "sensor reader at real-time priority"
                                 : "sensor reader without real-time priority: " + why_not);
      });
    }
    read(source);
  });
}

void SampleReader::read(SampleSource& source) {
  Sample sample;
  SampleBatch batch;
  // Hands the batch to the loop (the queue bounded); false when stopped while waiting.
  const auto hand_off = [&] {
    while (!queue_slots_.try_acquire_for(std::chrono::milliseconds(100)))
      if (stopping_) return false;
    boost::asio::post(io_, [this, samples = batch.take()] {
      queue_slots_.release();
      for (const Sample& s : samples) handlers_.sample(s);
    });
    return true;
  };
  while (!stopping_) {
    bool more = false;
    try {
      more = source.next(sample);
    } catch (const hw::DeviceError& e) {  // only the chip sources throw it
      if (!batch.empty()) hand_off();
      boost::asio::post(io_, [this, what = std::string(e.what())] { handlers_.chips_lost(what); });
      return;
    } catch (const std::exception& e) {
      if (!batch.empty()) hand_off();
      boost::asio::post(io_, [this, what = std::string(e.what())] { handlers_.failed(what); });
      return;
    }
    if (!more) break;
    if (batch.add(sample) && !hand_off()) return;
  }
  if (!batch.empty() && !hand_off()) return;
  boost::asio::post(io_, [this] { handlers_.ended(); });
}

}  // namespace chairhub
