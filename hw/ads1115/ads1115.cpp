#include "hw/ads1115/ads1115.hpp"

#include <stdexcept>

#include "hw/ads1115/ads1115_regs.hpp"

namespace chairhub::hw {

std::string check(const Ads1115Settings& s) {
  if (!ads1115::pga_code(s.full_scale)) {
    return "full scale " + std::to_string(s.full_scale) +
           " V is not one of 6.144, 4.096, 2.048, 1.024, 0.512, 0.256";
  }
  if (!ads1115::dr_code(s.rate_sps)) {
    return "rate " + std::to_string(s.rate_sps) + " is not one of 8, 16, 32, 64, 128, 250, 475, 860";
  }
  return {};
}

Ads1115::Ads1115(I2cDevice& device, Clock& clock, Ads1115Settings settings)
    : device_(device), clock_(clock), settings_(settings) {
  if (const std::string bad = check(settings); !bad.empty()) {
    throw std::invalid_argument("ADS1115: " + bad);
  }
}

std::uint16_t Ads1115::config_word(int channel) const {
  using namespace ads1115;
  std::uint16_t w = kCompQueDisable;
  w |= static_cast<std::uint16_t>((kMuxSingleEnded + channel) << kMuxShift);
  w |= static_cast<std::uint16_t>(*pga_code(settings_.full_scale) << kPgaShift);
  w |= static_cast<std::uint16_t>(*dr_code(settings_.rate_sps) << kDrShift);
  if (settings_.mode == AdsMode::single_shot) w |= kOs | kModeSingle;
  return w;
}

Nanos Ads1115::conversion_time() const { return Nanos{1000000000LL / settings_.rate_sps}; }

AdsReading Ads1115::fail(ErrorKind kind, const std::string& message) {
  fault_kind_ = kind;
  fault_ = message;
  running_channel_ = -1;  // the chip may have been power-cycled: configure it again
  return {std::nullopt, fault_};
}

AdsReading Ads1115::read(int channel) {
  if (channel < 0 || channel > 3) throw std::invalid_argument("ADS1115 channel must be 0..3");
  try {
    const std::int16_t v = settings_.mode == AdsMode::single_shot ? read_single_shot(channel)
                                                                   : read_continuous(channel);
    fault_.clear();
    fault_kind_.reset();
    return {v, {}};
  } catch (const DeviceError& e) {
    std::string what = e.what();
    if (e.kind() == ErrorKind::no_device || e.kind() == ErrorKind::io) {
      what = "no answer from " + describe() + " (check wiring, power and the ADDR pin): " + what;
    }
    return fail(e.kind(), what);
  }
}

std::int16_t Ads1115::read_single_shot(int channel) {
  device_.write_word(ads1115::kRegConfig, config_word(channel));
  // The oscillator may run up to 10% slow; poll a while past the nominal time before giving up.
  const Nanos nominal = conversion_time();
  const Nanos deadline = clock_.now() + nominal + nominal / 2 + Nanos{2000000};
  const Nanos poll = std::max(Nanos{100000}, nominal / 20);
  clock_.sleep(nominal);
  while ((device_.read_word(ads1115::kRegConfig) & ads1115::kOs) == 0) {
    if (clock_.now() >= deadline) {
      throw DeviceError(ErrorKind::timeout,
                        describe() + ": conversion did not finish in time (OS bit never set)");
    }
    clock_.sleep(poll);
  }
  return static_cast<std::int16_t>(device_.read_word(ads1115::kRegConversion));
}

std::int16_t Ads1115::read_continuous(int channel) {
  if (running_channel_ != channel) {
    device_.write_word(ads1115::kRegConfig, config_word(channel));
    running_channel_ = channel;
    // The conversion register holds the old input until the first new conversion ends.
    const Nanos t = conversion_time();
    clock_.sleep(t + t / 5 + Nanos{200000});
  }
  return static_cast<std::int16_t>(device_.read_word(ads1115::kRegConversion));
}

}  // namespace chairhub::hw
