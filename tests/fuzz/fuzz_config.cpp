// The config file (TOML) from any bytes: a bad config must end in a ConfigError, and the
// sections the other parts read ([service], [mqtt], [hardware]) in an InputError, as
// `chairhub check-config` reads them. The [calibration] file is not opened (apply_calibration
// off): that would read whatever path the input names; fuzz_calibration covers its format.
#include "config/config.hpp"
#include "fuzz_input.hpp"
#include "hw/config/hardware_config.hpp"
#include "mqtt/config.hpp"
#include "service/service_config.hpp"

namespace {

using namespace chairhub;

template <typename Read>
void read_section(Read read) {
  try {
    read();
  } catch (const InputError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string name = "fuzz.toml";
  Config config;
  try {
    config = parse_config(fuzz::as_text(data, size), name, /*apply_calibration=*/false);
  } catch (const ConfigError&) {
    return 0;
  }
  read_section([&] { service_config_from_toml(config.table, name); });
  read_section([&] { mqtt::mqtt_config_from_toml(config.table, name); });
  read_section([&] {
    if (const toml::table* hardware = config.table["hardware"].as_table())
      hw::check_hardware_config(hw::read_hardware_config(*hardware, name), config.layout);
  });
  return 0;
}
