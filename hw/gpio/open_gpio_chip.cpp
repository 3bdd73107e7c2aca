// Which chip to open: the same rules whichever libgpiod backend was built.
#include "hw/gpio/open_gpio_chip.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <filesystem>
#include <string_view>

#include "hw/gpio/gpio_backend.hpp"

namespace chairhub::hw {
namespace {

// Labels of the 40-pin header's chip: Pi 1-3 and Zero, Pi 4, Pi 5.
constexpr std::array<std::string_view, 3> kPiHeaderLabels = {"pinctrl-bcm2835", "pinctrl-bcm2711", "pinctrl-rp1"};

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// /dev/gpiochipN in the order of N.
std::vector<std::string> chip_paths() {
  std::vector<std::pair<unsigned long, std::string>> found;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/dev", ec)) {
    const std::string name = entry.path().filename().string();
    const std::string_view number = std::string_view(name).substr(std::min<std::size_t>(name.size(), 8));
    if (name.rfind("gpiochip", 0) == 0 && all_digits(number)) found.emplace_back(std::stoul(std::string(number)), entry.path());
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> paths;
  paths.reserve(found.size());
  for (auto& [n, path] : found) paths.push_back(std::move(path));
  return paths;
}

// Opens the chips in turn and returns the first that `pick` takes. `last_errno` keeps why the
// last chip that could not be opened failed (often EACCES), for the error message.
template <typename Pick>
std::unique_ptr<BackendChip> first_chip(Pick pick, int& last_errno) {
  for (const std::string& path : chip_paths()) {
    auto chip = open_backend_chip(path);
    if (!chip) {
      last_errno = errno;
      continue;
    }
    if (pick(*chip)) return chip;
  }
  return nullptr;
}

bool holds_named_lines(const BackendChip& chip, const std::vector<LineId>& wanted) {
  bool any_name = false;
  for (const LineId& l : wanted) {
    if (l.is_offset()) continue;
    any_name = true;
    if (!chip.has_line(l.name())) return false;
  }
  return any_name;
}

bool is_pi_header(const BackendChip& chip) {
  const std::string label = chip.label();
  return std::find(kPiHeaderLabels.begin(), kPiHeaderLabels.end(), label) != kPiHeaderLabels.end();
}

// As path ("/dev/gpiochip0"), number ("0"), name ("gpiochip0"), then label.
std::unique_ptr<BackendChip> open_by_spec(const std::string& spec) {
  int last_errno = ENOENT;
  if (spec.find('/') != std::string::npos) {
    auto chip = open_backend_chip(spec);
    if (!chip) last_errno = errno;
    if (chip) return chip;
  } else {
    const std::string path = all_digits(spec) ? "/dev/gpiochip" + spec : "/dev/" + spec;
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) {
      auto chip = open_backend_chip(path);
      if (chip) return chip;
      last_errno = errno;
    }
    if (!all_digits(spec)) {
      auto chip = first_chip([&](const BackendChip& c) { return c.label() == spec; }, last_errno);
      if (chip) return chip;
    }
  }
  throw device_error_from_errno(last_errno == 0 ? ENOENT : last_errno,
                                "opening GPIO chip \"" + spec + "\" (tried it as path, name, label and number)");
}

}  // namespace

std::unique_ptr<GpioChip> open_gpio_chip(const std::string& spec, const std::vector<LineId>& wanted) {
  if (!spec.empty()) return open_by_spec(spec);
  int last_errno = ENOENT;
  auto chip = first_chip([&](const BackendChip& c) { return holds_named_lines(c, wanted); }, last_errno);
  if (!chip) chip = first_chip(is_pi_header, last_errno);
  if (!chip) {
    chip = open_backend_chip("/dev/gpiochip0");
    if (!chip && errno != ENOENT) last_errno = errno;
  }
  if (!chip) {
    throw device_error_from_errno(last_errno == 0 ? ENOENT : last_errno,
                                  "no GPIO chip found (no /dev/gpiochip*, or none holds the configured line names)");
  }
  return chip;
}

}  // namespace chairhub::hw
