#include "hw/sim/ads1115_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "hw/ads1115/ads1115_regs.hpp"

namespace chairhub::hw {

using namespace ads1115;

Ads1115Model::Ads1115Model(Clock& clock, std::uint8_t address) : clock_(clock), address_(address) {
  power_on();
}

void Ads1115Model::power_on() {
  conversion_ = 0;
  config_ = kConfigDefault;
  lo_thresh_ = 0x8000;
  hi_thresh_ = 0x7FFF;
  converting_ = false;
}

std::string Ads1115Model::describe() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%02x on simulated bus", address_);
  return buf;
}

void Ads1115Model::fail_next(int transfers, ErrorKind kind) {
  fail_count_ = transfers;
  fail_kind_ = kind;
}

void Ads1115Model::set_present(bool present) {
  if (present && !present_) power_on();
  present_ = present;
}

void Ads1115Model::before_transfer(const char* what, std::uint8_t reg) {
  ++transfers_;
  const std::string where = std::string(what) + " register " + std::to_string(reg) + " of " + describe();
  if (!present_) throw DeviceError(ErrorKind::no_device, where + ": No such device or address");
  if (fail_count_ > 0) {
    --fail_count_;
    throw DeviceError(fail_kind_, where + ": " + std::string(to_string(fail_kind_)) + " (injected)");
  }
  if (reg > kRegHiThresh) throw DeviceError(ErrorKind::io, where + ": no such register");
}

Nanos Ads1115Model::conversion_time() const {
  const int rate = kRates[(config_ >> kDrShift) & 7];
  return Nanos{static_cast<long long>(1e9 / rate * clock_factor_)};
}

std::int16_t Ads1115Model::convert(Nanos t) const {
  const auto volts = [&](int pin) { return signal_ ? signal_(pin, t) : inputs_[static_cast<std::size_t>(pin)]; };
  const int mux = (config_ >> kMuxShift) & 7;
  double v = 0;
  switch (mux) {
    case 0: v = volts(0) - volts(1); break;
    case 1: v = volts(0) - volts(3); break;
    case 2: v = volts(1) - volts(3); break;
    case 3: v = volts(2) - volts(3); break;
    default: v = volts(mux - kMuxSingleEnded); break;
  }
  const double fs = kFullScale[(config_ >> kPgaShift) & 7];
  const double code = std::round(v / fs * 32768.0);
  return static_cast<std::int16_t>(std::clamp(code, -32768.0, 32767.0));
}

void Ads1115Model::update(Nanos now) {
  const bool single = config_ & kModeSingle;
  if (single) {
    if (converting_ && !stuck_busy_ && now >= conversion_end_) {
      conversion_ = static_cast<std::uint16_t>(convert(conversion_end_));
      converting_ = false;
    }
    return;
  }
  // Continuous: a conversion ends every period after the mode was entered.
  const Nanos period = conversion_time();
  if (now >= conversion_end_) {
    const auto missed = (now - conversion_end_) / period;
    conversion_end_ += period * missed;
    conversion_ = static_cast<std::uint16_t>(convert(conversion_end_));
    conversion_end_ += period;
  }
}

std::uint16_t Ads1115Model::read_word(std::uint8_t reg) {
  before_transfer("reading", reg);
  update(clock_.now());
  switch (reg) {
    case kRegConversion: return conversion_;
    case kRegConfig: {
      // OS reads 1 only while no conversion is running (never in continuous mode).
      const bool idle = (config_ & kModeSingle) && !converting_;
      return static_cast<std::uint16_t>((config_ & ~kOs) | (idle ? kOs : 0));
    }
    case kRegLoThresh: return lo_thresh_;
    default: return hi_thresh_;
  }
}

void Ads1115Model::write_word(std::uint8_t reg, std::uint16_t value) {
  before_transfer("writing", reg);
  const Nanos now = clock_.now();
  update(now);
  switch (reg) {
    case kRegConversion: break;  // read-only
    case kRegConfig: {
      config_ = static_cast<std::uint16_t>(value & ~kOs);
      if (value & kModeSingle) {
        if ((value & kOs) && !converting_) {
          converting_ = true;
          ++started_;
          conversion_end_ = now + conversion_time();
        }
      } else {
        converting_ = false;
        ++started_;
        conversion_end_ = now + conversion_time();
      }
      break;
    }
    case kRegLoThresh: lo_thresh_ = value; break;
    default: hi_thresh_ = value; break;
  }
}

}  // namespace chairhub::hw
