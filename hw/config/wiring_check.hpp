#pragma once
// What check_hardware_config has seen so far: wired channels, used lines and bus addresses, each
// with its line in the file, so that a second use names the first.
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/section_reader.hpp"
#include "core/channel.hpp"
#include "hw/gpio/gpio.hpp"

namespace chairhub::hw {

class WiringCheck {
 public:
  WiringCheck(std::string file, const ChannelLayout& layout, Problems& problems)
      : file_(std::move(file)), layout_(layout), problems_(problems) {}

  // `channel` is wired at `line`: it must be in the layout, and wired once.
  void wire(const std::string& channel, std::size_t line);
  // A GPIO line is used at `line`: once only.
  void use(const LineId& id, std::size_t line);
  // A chip sits at `address` (bus and address in words) at `line` of table `key`: one chip there.
  void place(const std::string& address, std::size_t line, const std::string& key);
  void problem(std::size_t line, const std::string& key, const std::string& what) {
    problems_.add(file_, line, key, what);
  }

 private:
  std::string file_;
  const ChannelLayout& layout_;
  Problems& problems_;
  std::map<std::string, std::size_t> wired_;  // channel -> line in the file
  std::vector<std::pair<LineId, std::size_t>> lines_;
  std::map<std::string, std::size_t> addresses_;
};

}  // namespace chairhub::hw
