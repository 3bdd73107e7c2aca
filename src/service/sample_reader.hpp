#pragma once
// The thread that reads the sample source and hands the samples to the event loop, in batches
// (sample_batch.hpp). Batches posted and not yet analysed are bounded: a log played as fast as
// possible would otherwise run far ahead of the analysis and queue itself into memory (live
// sensors never come near).
#include <utility>  // before Boost.Asio (Boost 1.74 + GCC 12 + C++20)
#include <boost/asio/io_context.hpp>

#include <atomic>
#include <functional>
#include <semaphore>
#include <string>
#include <thread>

#include "core/sample.hpp"
#include "service/journal.hpp"
#include "service/sample_batch.hpp"
#include "service/sample_source.hpp"

namespace chairhub {

class SampleReader {
 public:
  // Called on the loop.
  struct Handlers {
    std::function<void(const Sample&)> sample;
    std::function<void(const std::string&)> chips_lost;  // the chips failed (hw::DeviceError)
    std::function<void(const std::string&)> failed;      // any other error of the source
    std::function<void()> ended;                         // a log played to its end
  };

  SampleReader(boost::asio::io_context& io, const Journal& journal, Handlers handlers);
  ~SampleReader() { join(); }

  // Reads `source` until it ends, fails or stop(); `realtime` asks for that scheduling priority.
  void start(SampleSource& source, bool realtime, int priority);
  // Makes the thread end soon (with the source's own stop()); then join().
  void stop() { stopping_ = true; }
  void join();

 private:
  void read(SampleSource& source);
  static constexpr std::ptrdiff_t kMaxQueuedBatches = 4;

  boost::asio::io_context& io_;
  const Journal& journal_;
  Handlers handlers_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::counting_semaphore<kMaxQueuedBatches> queue_slots_{kMaxQueuedBatches};
};

}  // namespace chairhub
