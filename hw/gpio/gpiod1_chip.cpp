// GPIO backend for libgpiod 1.6 (Debian and Raspberry Pi OS bookworm; v1 kernel interface).
// Built instead of gpiod2_chip.cpp when pkg-config finds libgpiod below 2.
#include <gpiod.h>

#include <array>
#include <cerrno>
#include <ctime>

#include "hw/gpio/gpio_backend.hpp"

namespace chairhub::hw {
namespace {

struct ChipCloser {
  void operator()(gpiod_chip* c) const { gpiod_chip_close(c); }
};

timespec to_timespec(std::chrono::nanoseconds t) {
  const auto s = std::chrono::duration_cast<std::chrono::seconds>(t);
  return {static_cast<time_t>(s.count()), static_cast<long>((t - s).count())};
}

class Gpiod1Lines final : public GpioLines {
 public:
  Gpiod1Lines(std::shared_ptr<gpiod_chip> chip, gpiod_line_bulk bulk, std::string what, bool edges)
      : chip_(std::move(chip)), bulk_(bulk), what_(std::move(what)), edges_(edges) {}
  ~Gpiod1Lines() override { gpiod_line_release_bulk(&bulk_); }

  std::size_t size() const override { return bulk_.num_lines; }

  // With edge detection the v1 interface gives each line its own file, so this is one ioctl
  // per line instead of one for all.
  void get(std::span<int> values) override {
    if (gpiod_line_get_value_bulk(&bulk_, values.data()) < 0) throw device_error_from_errno(errno, "reading " + what_);
  }
  void set(std::span<const int> values) override {
    // libgpiod 1.6 takes a non-const pointer but does not write through it.
    if (gpiod_line_set_value_bulk(&bulk_, const_cast<int*>(values.data())) < 0) {
      throw device_error_from_errno(errno, "setting " + what_);
    }
  }

  bool wait_edges(std::chrono::nanoseconds timeout) override {
    if (!edges_) throw no_edge_detection(what_);
    bool any = false;
    for (;;) {
      gpiod_line_bulk pending{};
      const timespec ts = to_timespec(any ? std::chrono::nanoseconds{0} : timeout);
      const int rc = gpiod_line_event_wait_bulk(&bulk_, &ts, &pending);
      if (rc < 0) throw device_error_from_errno(errno, "waiting for edges on " + what_);
      if (rc == 0) return any;
      any = true;
      for (unsigned i = 0; i < pending.num_lines; ++i) {
        // Only lines the wait named have events, so this read does not block.
        std::array<gpiod_line_event, 16> events{};
        if (gpiod_line_event_read_multiple(pending.lines[i], events.data(), events.size()) < 0) {
          throw device_error_from_errno(errno, "reading edges of " + what_);
        }
      }
    }
  }

 private:
  std::shared_ptr<gpiod_chip> chip_;  // lines live inside the chip object: keep it open
  gpiod_line_bulk bulk_;
  std::string what_;
  bool edges_;
};

int request_flags(const LineRequest& req) {
  int flags = req.active_low ? GPIOD_LINE_REQUEST_FLAG_ACTIVE_LOW : 0;
  switch (req.bias) {
    case Bias::as_is: break;
    case Bias::disabled: flags |= GPIOD_LINE_REQUEST_FLAG_BIAS_DISABLE; break;
    case Bias::pull_up: flags |= GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_UP; break;
    case Bias::pull_down: flags |= GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_DOWN; break;
  }
  return flags;
}

int request_bulk(gpiod_line_bulk& bulk, const LineRequest& req) {
  const char* consumer = req.consumer.c_str();
  const int flags = request_flags(req);
  if (req.direction == Direction::output) {
    std::vector<int> initial = req.initial;
    initial.resize(req.lines.size(), 0);
    return gpiod_line_request_bulk_output_flags(&bulk, consumer, flags, initial.data());
  }
  switch (req.edge) {
    case Edge::none: return gpiod_line_request_bulk_input_flags(&bulk, consumer, flags);
    case Edge::falling: return gpiod_line_request_bulk_falling_edge_events_flags(&bulk, consumer, flags);
    case Edge::rising: return gpiod_line_request_bulk_rising_edge_events_flags(&bulk, consumer, flags);
    case Edge::both: return gpiod_line_request_bulk_both_edges_events_flags(&bulk, consumer, flags);
  }
  return -1;
}

class Gpiod1Chip final : public BackendChip {
 public:
  explicit Gpiod1Chip(gpiod_chip* chip) : chip_(chip, ChipCloser{}) {}

  std::string name() const override { return gpiod_chip_name(chip_.get()); }
  std::string label() const override { return gpiod_chip_label(chip_.get()); }
  bool has_line(const std::string& line_name) const override {
    return gpiod_chip_find_line(chip_.get(), line_name.c_str()) != nullptr;
  }

  std::unique_ptr<GpioLines> request(const LineRequest& req) override {
    check_line_count(req, describe());
    gpiod_line_bulk bulk{};
    gpiod_line_bulk_init(&bulk);
    for (const LineId& id : req.lines) {
      gpiod_line* line = id.is_offset() ? gpiod_chip_get_line(chip_.get(), id.offset())
                                        : gpiod_chip_find_line(chip_.get(), id.name().c_str());
      if (line == nullptr) throw line_not_found(id, describe(), gpiod_chip_num_lines(chip_.get()));
      gpiod_line_bulk_add(&bulk, line);
    }
    const std::string what = describe_lines(req.lines, describe());
    if (request_bulk(bulk, req) < 0) {
      const int err = errno;
      std::vector<std::string> holders;
      for (unsigned i = 0; i < bulk.num_lines; ++i) {
        if (const char* c = gpiod_line_consumer(bulk.lines[i])) holders.emplace_back(c);
      }
      throw request_failed(err, what, holders);
    }
    const bool edges = req.direction == Direction::input && req.edge != Edge::none;
    return std::make_unique<Gpiod1Lines>(chip_, bulk, what, edges);
  }

 private:
  std::shared_ptr<gpiod_chip> chip_;
};

}  // namespace

std::unique_ptr<BackendChip> open_backend_chip(const std::string& path) {
  gpiod_chip* chip = gpiod_chip_open(path.c_str());
  if (chip == nullptr) return nullptr;
  return std::make_unique<Gpiod1Chip>(chip);
}

std::string gpio_backend_version() { return std::string("libgpiod ") + gpiod_version_string(); }

}  // namespace chairhub::hw
