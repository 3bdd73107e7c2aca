// The floor under chairhubd at the sensors' top rates: only the physical work of reading the
// chips, on the same simulated devices (the config's [hardware] and its [service] scenario, as
// chairhubd's `devices` source acts it out): a step of the simulated sitter onto the chip models,
// the wait for the HX711s' data-ready edge, their 24 bits and gain pulses clocked out together,
// one single-shot conversion of each ADS1115 input (started, waited for, read), and the samples
// handed to a second thread in the batches chairhubd's reader hands to its loop. Nothing else:
// no analysis, no MQTT, no per-channel health. scripts/bench-daemon.sh sets chairhubd's CPU time
// against this program's.
//   bench_daemon_floor CONFIG SECONDS
// Prints the CPU seconds it used after a warm-up of two seconds, the seconds it ran, and the
// reader thread's voluntary context switches (its wake-ups) in that time.
#include <sys/resource.h>

#include <utility>  // before Boost.Asio (Boost 1.74 + GCC 12 + C++20)
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "hw/ads1115/ads1115.hpp"
#include "hw/ads1115/ads1115_config.hpp"
#include "hw/hx711/hx711_bus.hpp"
#include "hw/hx711/hx711_config.hpp"
#include "service/daemon_config.hpp"
#include "service/sample_batch.hpp"
#include "service/simulated_devices.hpp"

namespace {

using namespace chairhub;

struct Usage {
  double cpu_s = 0;
  long wakeups = 0;  // the calling thread's voluntary context switches
};

Usage usage_now() {
  rusage process{}, thread{};
  getrusage(RUSAGE_SELF, &process);
  getrusage(RUSAGE_THREAD, &thread);
  const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return {seconds(process.ru_utime) + seconds(process.ru_stime), thread.ru_nvcsw};
}

// The chips of the config, opened on the simulated devices with the drivers' lowest layer.
class Chips {
 public:
  Chips(const hw::HardwareConfig& wiring, SimulatedDevices& devices, hw::Clock& clock)
      : clock_(clock), devices_(devices.backends(), clock, wiring.gpio_chip, wiring.all_lines()) {
    const hw::Hx711Group& hx711 = *wiring.chips<hw::Hx711Group>().at(0);
    const hw::Ads1115Chip& ads = *wiring.chips<hw::Ads1115Chip>().at(0);
    sck_ = devices_.gpio()->request(hw::LineRequest::outputs({hx711.clock}));
    std::vector<hw::LineId> data;
    for (const auto& in : hx711.inputs) data.push_back(in.data);
    dout_ = devices_.gpio()->request(hw::LineRequest::inputs(data, hx711.data_bias, hw::Edge::falling));
    bus_ = std::make_unique<hw::Hx711Bus>(*sck_, *dout_, clock);
    pulses_ = static_cast<int>(hx711.gain);
    period_ = hw::Nanos{1000000000LL / hx711.rate_sps};
    i2c_ = devices_.i2c(ads.bus, ads.address);
    adc_ = std::make_unique<hw::Ads1115>(*i2c_, clock, ads.settings);
    for (const auto& in : ads.inputs) ains_.push_back(in.input);
    all_.assign(data.size(), true);
  }

  // One reading of every input into `values` (HX711 chips first, then the ADS1115 inputs).
  void read(std::vector<double>& values) {
    values.clear();
    const std::vector<bool> ready = bus_->wait_ready(all_, period_ * 2 + hw::Nanos{1000000});
    const hw::Hx711Frame frame = bus_->shift(ready, pulses_);
    for (const std::int32_t raw : frame.raw) values.push_back(raw);
    for (const int ain : ains_) values.push_back(adc_->read(ain).value.value_or(0));
  }

 private:
  hw::Clock& clock_;
  hw::ChipDevices devices_;
  std::unique_ptr<hw::GpioLines> sck_, dout_;
  std::unique_ptr<hw::Hx711Bus> bus_;
  int pulses_ = 1;
  hw::Nanos period_{};
  std::unique_ptr<hw::I2cDevice> i2c_;
  std::unique_ptr<hw::Ads1115> adc_;
  std::vector<int> ains_;
  std::vector<bool> all_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: bench_daemon_floor CONFIG SECONDS\n");
    return 64;
  }
  const DaemonConfig config = load_daemon_config(argv[1]);
  const double seconds = std::stod(argv[2]);
  hw::SteadyClock clock;
  SimulatedDevices devices(*config.scenario, config.chair.layout, *config.hardware, clock);
  Chips chips(*config.hardware, devices, clock);

  // The loop's side of the hand-off: the samples arrive, and are looked at.
  boost::asio::io_context loop;
  auto work = boost::asio::make_work_guard(loop);
  std::thread loop_thread([&] { loop.run(); });
  double sum = 0;  // what the loop does with the samples: looks at each

  const auto start = std::chrono::steady_clock::now();
  const auto warm = start + std::chrono::seconds(2);
  const auto end = warm + std::chrono::duration<double>(seconds);
  Usage at_warm;
  bool warmed = false;
  SampleBatch batch;
  Sample sample;
  while (std::chrono::steady_clock::now() < end) {
    if (!warmed && std::chrono::steady_clock::now() >= warm) {
      at_warm = usage_now();
      warmed = true;
    }
    devices.step();
    chips.read(sample.values);
    sample.t = hw::to_seconds(clock.now());
    if (batch.add(sample)) {
      boost::asio::post(loop, [&sum, samples = batch.take()] {
        for (const Sample& s : samples) sum += s.values.front();
      });
    }
  }
  const Usage at_end = usage_now();
  work.reset();
  loop_thread.join();
  std::printf("%.3f %.3f %ld\n", at_end.cpu_s - at_warm.cpu_s, seconds, at_end.wakeups - at_warm.wakeups);
  return 0;
}
