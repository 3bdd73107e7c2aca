#include "hw/gpio/gpiod1_chip.hpp"

#include <gpiod.h>

#include <array>
#include <cerrno>
#include <string_view>

#include "hw/util/device_error.hpp"

namespace chairhub::hw {
namespace {

// Labels of the 40-pin header's chip: Pi 1-3 and Zero, Pi 4, Pi 5.
constexpr std::array<std::string_view, 3> kPiHeaderLabels = {"pinctrl-bcm2835", "pinctrl-bcm2711",
                                                              "pinctrl-rp1"};

struct ChipCloser {
  void operator()(gpiod_chip* c) const { gpiod_chip_close(c); }
};
using ChipPtr = std::unique_ptr<gpiod_chip, ChipCloser>;

std::string describe_chip(gpiod_chip* chip) {
  return std::string(gpiod_chip_name(chip)) + " [" + gpiod_chip_label(chip) + "]";
}

bool has_all_named_lines(gpiod_chip* chip, const std::vector<LineId>& wanted) {
  bool any_name = false;
  for (const auto& l : wanted) {
    if (l.is_offset()) continue;
    any_name = true;
    if (gpiod_chip_find_line(chip, l.name().c_str()) == nullptr) return false;
  }
  return any_name;
}

// Walks all chips; returns the first for which `pick` says yes.
template <typename Pick>
ChipPtr find_chip(Pick pick) {
  gpiod_chip_iter* iter = gpiod_chip_iter_new();
  if (iter == nullptr) return nullptr;
  gpiod_chip* found = nullptr;
  // gpiod_foreach_chip_noclose spelled out, so that the analysers see the loop.
  for (gpiod_chip* chip = gpiod_chip_iter_next_noclose(iter); chip != nullptr;
       chip = gpiod_chip_iter_next_noclose(iter)) {
    if (found == nullptr && pick(chip)) {
      found = chip;
    } else {
      gpiod_chip_close(chip);
    }
  }
  gpiod_chip_iter_free_noclose(iter);
  return ChipPtr(found);
}

class Gpiod1Lines final : public GpioLines {
 public:
  Gpiod1Lines(std::shared_ptr<gpiod_chip> chip, gpiod_line_bulk bulk, std::string what)
      : chip_(std::move(chip)), bulk_(bulk), what_(std::move(what)) {}
  ~Gpiod1Lines() override { gpiod_line_release_bulk(&bulk_); }

  std::size_t size() const override { return bulk_.num_lines; }

  void get(std::span<int> values) override {
    if (gpiod_line_get_value_bulk(&bulk_, values.data()) < 0) {
      throw device_error_from_errno(errno, "reading " + what_);
    }
  }
  void set(std::span<const int> values) override {
    // libgpiod 1.6 takes a non-const pointer but does not write through it.
    if (gpiod_line_set_value_bulk(&bulk_, const_cast<int*>(values.data())) < 0) {
      throw device_error_from_errno(errno, "setting " + what_);
    }
  }

 private:
  std::shared_ptr<gpiod_chip> chip_;  // lines live inside the chip object: keep it open
  gpiod_line_bulk bulk_;
  std::string what_;
};

class Gpiod1Chip final : public GpioChip {
 public:
  explicit Gpiod1Chip(ChipPtr chip) : chip_(chip.release(), ChipCloser{}) {}

  std::string describe() const override { return describe_chip(chip_.get()); }

  std::unique_ptr<GpioLines> request(const LineRequest& req) override {
    if (req.lines.empty() || req.lines.size() > GPIOD_LINE_BULK_MAX_LINES) {
      throw DeviceError(ErrorKind::other, "GPIO request of " + std::to_string(req.lines.size()) +
                                              " lines on " + describe() + ": must be 1.." +
                                              std::to_string(GPIOD_LINE_BULK_MAX_LINES));
    }
    gpiod_line_bulk bulk{};
    gpiod_line_bulk_init(&bulk);
    std::string what = "GPIO line";
    what += req.lines.size() > 1 ? "s " : " ";
    for (std::size_t i = 0; i < req.lines.size(); ++i) {
      const LineId& id = req.lines[i];
      what += (i ? "," : "") + id.text();
      gpiod_line* line = id.is_offset() ? gpiod_chip_get_line(chip_.get(), id.offset())
                                        : gpiod_chip_find_line(chip_.get(), id.name().c_str());
      if (line == nullptr) {
        throw DeviceError(ErrorKind::no_device, "GPIO line " + id.text() + " not found on " +
                                                    describe() + " (it has " +
                                                    std::to_string(gpiod_chip_num_lines(chip_.get())) +
                                                    " lines; `gpioinfo` lists them)");
      }
      gpiod_line_bulk_add(&bulk, line);
    }
    what += " on " + describe();

    int flags = req.active_low ? GPIOD_LINE_REQUEST_FLAG_ACTIVE_LOW : 0;
    switch (req.bias) {
      case Bias::as_is: break;
      case Bias::disabled: flags |= GPIOD_LINE_REQUEST_FLAG_BIAS_DISABLE; break;
      case Bias::pull_up: flags |= GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_UP; break;
      case Bias::pull_down: flags |= GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_DOWN; break;
    }
    int rc;
    if (req.direction == Direction::output) {
      std::vector<int> initial = req.initial;
      initial.resize(req.lines.size(), 0);
      rc = gpiod_line_request_bulk_output_flags(&bulk, req.consumer.c_str(), flags, initial.data());
    } else {
      rc = gpiod_line_request_bulk_input_flags(&bulk, req.consumer.c_str(), flags);
    }
    if (rc < 0) {
      const int err = errno;
      std::string holder;
      for (unsigned i = 0; i < bulk.num_lines; ++i) {
        const char* c = gpiod_line_consumer(bulk.lines[i]);
        if (c != nullptr) holder += std::string(holder.empty() ? "" : ", ") + c;
      }
      throw device_error_from_errno(
          err, "requesting " + what + (holder.empty() ? "" : " (in use by " + holder + ")"));
    }
    return std::make_unique<Gpiod1Lines>(chip_, bulk, what);
  }

 private:
  std::shared_ptr<gpiod_chip> chip_;
};

}  // namespace

std::unique_ptr<GpioChip> open_gpiod1_chip(const std::string& spec,
                                           const std::vector<LineId>& wanted) {
  ChipPtr chip;
  if (!spec.empty()) {
    // open_lookup tries path, name, label and number in turn.
    chip.reset(gpiod_chip_open_lookup(spec.c_str()));
    if (!chip) {
      const int err = errno;
      throw device_error_from_errno(
          err == 0 ? ENOENT : err,
          "opening GPIO chip \"" + spec + "\" (tried it as path, name, label and number)");
    }
    return std::make_unique<Gpiod1Chip>(std::move(chip));
  }
  chip = find_chip([&](gpiod_chip* c) { return has_all_named_lines(c, wanted); });
  if (!chip) {
    chip = find_chip([](gpiod_chip* c) {
      const std::string_view label = gpiod_chip_label(c);
      for (auto l : kPiHeaderLabels) {
        if (label == l) return true;
      }
      return false;
    });
  }
  if (!chip) chip.reset(gpiod_chip_open_by_number(0));
  if (!chip) {
    throw device_error_from_errno(errno == 0 ? ENOENT : errno,
                                  "no GPIO chip found (no /dev/gpiochip*, or none holds the "
                                  "configured line names)");
  }
  return std::make_unique<Gpiod1Chip>(std::move(chip));
}

}  // namespace chairhub::hw
