#include "hw/chip/registry.hpp"

#include "hw/ads1115/ads1115_config.hpp"
#include "hw/hx711/hx711_config.hpp"

namespace chairhub::hw {

const std::vector<ChipKind>& chip_kinds() {
  static const std::vector<ChipKind> kinds = {
      {"hx711", "HX711", kHx711Range, read_hx711_config},
      {"ads1115", "ADS1115", kAds1115Range, read_ads1115_config},
  };
  return kinds;
}

}  // namespace chairhub::hw
