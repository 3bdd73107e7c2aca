#pragma once
// The chip interface: all that the rest of hw/ knows of a sensor chip. Each [hardware.<chip>]
// table (one or several) is read into a ChipConfig: a group of chips opened and read together.
// Opened, it is a SensorGroup, which reads a batch of channels and says in plain words what is
// wrong. The known chips are listed once, in chip/registry.cpp.
#include <algorithm>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "hw/gpio/gpio.hpp"

namespace chairhub::hw {

class ChipDevices;
class WiringCheck;
struct ChipKind;

// A chip's output in raw counts; a reading at either end is saturated.
struct RawRange {
  double min = 0, max = 0;
};

struct ChannelHealth {
  bool ok = false;
  std::string fault;  // plain words: what is wrong and what to check
};

// Chips opened and read together. A read never throws for chip trouble: that is in the health.
class SensorGroup {
 public:
  virtual ~SensorGroup() = default;
  // One reading of every input, in the config's order: raw counts, or the health says why not
  // (the value is then left as it was given, NaN).
  virtual void read(std::span<double> values, std::span<ChannelHealth> health) = 0;
};

// One input as the config wires it: the layout channel, where it is wired in words ("data line
// 6", "AIN0") and the line of the config file.
struct WiredInput {
  std::string channel;
  std::string where;
  std::size_t source_line = 0;
};

// One [hardware.<chip>] table, read and checked.
class ChipConfig {
 public:
  virtual ~ChipConfig() = default;

  const ChipKind* kind = nullptr;  // set by read_hardware_config
  std::size_t source_line = 0;

  virtual std::vector<WiredInput> wired() const = 0;  // config order
  // The same chips with their inputs ordered by `rank` (the channel layout's order).
  using Rank = std::function<std::size_t(const std::string& channel)>;
  virtual std::shared_ptr<const ChipConfig> sorted(const Rank& rank) const = 0;
  // The GPIO lines the chips use, so that the GPIO chip is found by them and none is used twice.
  virtual std::vector<LineId> gpio_lines() const { return {}; }
  // Records the channels, lines and addresses the chips take (check_hardware_config).
  virtual void check_wiring(WiringCheck& check) const = 0;
  // Samples per second of one reading of every input; and whether a read waits for the chips'
  // conversions, and so paces whatever reads the group.
  virtual double sample_rate() const = 0;
  virtual bool paces() const { return false; }
  // Throws DeviceError when a line or bus cannot be had; a chip that does not answer is a fault
  // of its channels, not an error.
  virtual std::unique_ptr<SensorGroup> open(ChipDevices& devices) const = 0;

  // For `chairhub probe`, in the chip's own words: a heading naming the chips and settings;
  // the read rate; a problem with the rate when every input answered (empty: none); one fault
  // for the whole chip when no input answered (empty: report each input).
  virtual std::string heading() const = 0;
  virtual std::string rate_text(double reads_per_s) const;
  virtual std::string rate_problem(double /*reads_per_s*/) const { return {}; }
  virtual std::string silent_chip(const std::string& /*fault*/) const { return {}; }
};

// What every chip's config shares: its inputs, each with `channel`, `source_line` and where().
template <typename Self, typename Input>
class ChipConfigOf : public ChipConfig {
 public:
  std::vector<Input> inputs;

  std::vector<WiredInput> wired() const override {
    std::vector<WiredInput> out;
    for (const Input& in : inputs) out.push_back({in.channel, in.where(), in.source_line});
    return out;
  }
  std::shared_ptr<const ChipConfig> sorted(const Rank& rank) const override {
    auto copy = std::make_shared<Self>(static_cast<const Self&>(*this));
    std::stable_sort(copy->inputs.begin(), copy->inputs.end(),
                     [&](const Input& a, const Input& b) { return rank(a.channel) < rank(b.channel); });
    return copy;
  }
};

}  // namespace chairhub::hw
