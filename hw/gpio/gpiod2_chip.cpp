// GPIO backend for libgpiod 2.x (Debian and Raspberry Pi OS trixie; v2 kernel interface).
// Built instead of gpiod1_chip.cpp when pkg-config finds libgpiod 2 or later.
#include <gpiod.h>

#include <cerrno>

#include "hw/gpio/gpio_backend.hpp"

namespace chairhub::hw {
namespace {

// One owner type per libgpiod object, so every early return frees what was made.
template <typename T, void (*Free)(T*)>
struct Freer {
  void operator()(T* p) const { Free(p); }
};
template <typename T, void (*Free)(T*)>
using Owned = std::unique_ptr<T, Freer<T, Free>>;
using ChipPtr = Owned<gpiod_chip, gpiod_chip_close>;
using ChipInfoPtr = Owned<gpiod_chip_info, gpiod_chip_info_free>;
using LineInfoPtr = Owned<gpiod_line_info, gpiod_line_info_free>;
using SettingsPtr = Owned<gpiod_line_settings, gpiod_line_settings_free>;
using LineConfigPtr = Owned<gpiod_line_config, gpiod_line_config_free>;
using RequestConfigPtr = Owned<gpiod_request_config, gpiod_request_config_free>;
using RequestPtr = Owned<gpiod_line_request, gpiod_line_request_release>;
using EventBufferPtr = Owned<gpiod_edge_event_buffer, gpiod_edge_event_buffer_free>;

class Gpiod2Lines final : public GpioLines {
 public:
  Gpiod2Lines(RequestPtr request, std::vector<unsigned> offsets, std::string what, bool edges)
      : request_(std::move(request)), offsets_(std::move(offsets)), what_(std::move(what)), values_(offsets_.size()) {
    if (edges) events_.reset(gpiod_edge_event_buffer_new(kEventBatch));
    if (edges && !events_) throw device_error_from_errno(errno, "buffering edges of " + what_);
  }

  std::size_t size() const override { return offsets_.size(); }

  // One ioctl for all lines, in the order they were asked for.
  void get(std::span<int> values) override {
    if (gpiod_line_request_get_values_subset(request_.get(), offsets_.size(), offsets_.data(), values_.data()) < 0) {
      throw device_error_from_errno(errno, "reading " + what_);
    }
    for (std::size_t i = 0; i < offsets_.size(); ++i) values[i] = values_[i] == GPIOD_LINE_VALUE_ACTIVE ? 1 : 0;
  }
  void set(std::span<const int> values) override {
    for (std::size_t i = 0; i < offsets_.size(); ++i) {
      values_[i] = values[i] ? GPIOD_LINE_VALUE_ACTIVE : GPIOD_LINE_VALUE_INACTIVE;
    }
    if (gpiod_line_request_set_values_subset(request_.get(), offsets_.size(), offsets_.data(), values_.data()) < 0) {
      throw device_error_from_errno(errno, "setting " + what_);
    }
  }

  bool wait_edges(std::chrono::nanoseconds timeout) override {
    if (!events_) throw no_edge_detection(what_);
    bool any = false;
    for (;;) {
      const int rc = gpiod_line_request_wait_edge_events(request_.get(), any ? 0 : timeout.count());
      if (rc < 0) throw device_error_from_errno(errno, "waiting for edges on " + what_);
      if (rc == 0) return any;
      any = true;
      if (gpiod_line_request_read_edge_events(request_.get(), events_.get(), kEventBatch) < 0) {
        throw device_error_from_errno(errno, "reading edges of " + what_);
      }
    }
  }

 private:
  static constexpr std::size_t kEventBatch = 16;
  RequestPtr request_;
  std::vector<unsigned> offsets_;
  std::string what_;
  std::vector<gpiod_line_value> values_;
  EventBufferPtr events_;
};

gpiod_line_bias bias_of(Bias bias) {
  switch (bias) {
    case Bias::disabled: return GPIOD_LINE_BIAS_DISABLED;
    case Bias::pull_up: return GPIOD_LINE_BIAS_PULL_UP;
    case Bias::pull_down: return GPIOD_LINE_BIAS_PULL_DOWN;
    case Bias::as_is: break;
  }
  return GPIOD_LINE_BIAS_AS_IS;
}

gpiod_line_edge edge_of(Edge edge) {
  switch (edge) {
    case Edge::falling: return GPIOD_LINE_EDGE_FALLING;
    case Edge::rising: return GPIOD_LINE_EDGE_RISING;
    case Edge::both: return GPIOD_LINE_EDGE_BOTH;
    case Edge::none: break;
  }
  return GPIOD_LINE_EDGE_NONE;
}

class Gpiod2Chip final : public BackendChip {
 public:
  Gpiod2Chip(ChipPtr chip, ChipInfoPtr info) : chip_(std::move(chip)), info_(std::move(info)) {}

  std::string name() const override { return gpiod_chip_info_get_name(info_.get()); }
  std::string label() const override { return gpiod_chip_info_get_label(info_.get()); }
  bool has_line(const std::string& line_name) const override {
    return gpiod_chip_get_line_offset_from_name(chip_.get(), line_name.c_str()) >= 0;
  }

  std::unique_ptr<GpioLines> request(const LineRequest& req) override {
    check_line_count(req, describe());
    const std::vector<unsigned> offsets = find_offsets(req.lines);
    const std::string what = describe_lines(req.lines, describe());
    const bool output = req.direction == Direction::output;
    const bool edges = !output && req.edge != Edge::none;

    SettingsPtr settings(gpiod_line_settings_new());
    LineConfigPtr line_config(gpiod_line_config_new());
    RequestConfigPtr request_config(gpiod_request_config_new());
    if (!settings || !line_config || !request_config) throw device_error_from_errno(errno, "preparing " + what);
    gpiod_line_settings_set_direction(settings.get(), output ? GPIOD_LINE_DIRECTION_OUTPUT : GPIOD_LINE_DIRECTION_INPUT);
    gpiod_line_settings_set_bias(settings.get(), bias_of(req.bias));
    gpiod_line_settings_set_active_low(settings.get(), req.active_low);
    if (edges) gpiod_line_settings_set_edge_detection(settings.get(), edge_of(req.edge));
    if (gpiod_line_config_add_line_settings(line_config.get(), offsets.data(), offsets.size(), settings.get()) < 0) {
      throw device_error_from_errno(errno, "preparing " + what);
    }
    if (output) {
      std::vector<gpiod_line_value> initial(offsets.size(), GPIOD_LINE_VALUE_INACTIVE);
      for (std::size_t i = 0; i < req.initial.size() && i < initial.size(); ++i) {
        if (req.initial[i]) initial[i] = GPIOD_LINE_VALUE_ACTIVE;
      }
      if (gpiod_line_config_set_output_values(line_config.get(), initial.data(), initial.size()) < 0) {
        throw device_error_from_errno(errno, "preparing " + what);
      }
    }
    gpiod_request_config_set_consumer(request_config.get(), req.consumer.c_str());

    RequestPtr request(gpiod_chip_request_lines(chip_.get(), request_config.get(), line_config.get()));
    if (!request) {
      const int err = errno;
      throw request_failed(err, what, holders(offsets));
    }
    return std::make_unique<Gpiod2Lines>(std::move(request), offsets, what, edges);
  }

 private:
  std::vector<unsigned> find_offsets(const std::vector<LineId>& lines) const {
    const unsigned num_lines = static_cast<unsigned>(gpiod_chip_info_get_num_lines(info_.get()));
    std::vector<unsigned> offsets;
    for (const LineId& id : lines) {
      const int offset = id.is_offset() ? (id.offset() < num_lines ? static_cast<int>(id.offset()) : -1)
                                        : gpiod_chip_get_line_offset_from_name(chip_.get(), id.name().c_str());
      if (offset < 0) throw line_not_found(id, describe(), num_lines);
      offsets.push_back(static_cast<unsigned>(offset));
    }
    return offsets;
  }

  std::vector<std::string> holders(const std::vector<unsigned>& offsets) const {
    std::vector<std::string> found;
    for (const unsigned offset : offsets) {
      const LineInfoPtr info(gpiod_chip_get_line_info(chip_.get(), offset));
      if (!info || !gpiod_line_info_is_used(info.get())) continue;
      const char* consumer = gpiod_line_info_get_consumer(info.get());
      found.emplace_back(consumer != nullptr && *consumer != '\0' ? consumer : "the kernel");
    }
    return found;
  }

  ChipPtr chip_;
  ChipInfoPtr info_;
};

}  // namespace

std::unique_ptr<BackendChip> open_backend_chip(const std::string& path) {
  ChipPtr chip(gpiod_chip_open(path.c_str()));
  if (!chip) return nullptr;
  ChipInfoPtr info(gpiod_chip_get_info(chip.get()));
  if (!info) {
    const int err = errno;  // closing the chip must not hide why
    chip.reset();
    errno = err;
    return nullptr;
  }
  return std::make_unique<Gpiod2Chip>(std::move(chip), std::move(info));
}

std::string gpio_backend_version() { return std::string("libgpiod ") + gpiod_api_version(); }

}  // namespace chairhub::hw
