// The MQTT credentials file (mqtt/credentials.hpp) from any bytes: a username and a password,
// or an InputError naming the line; never anything else.
#include "fuzz_input.hpp"
#include "core/input_error.hpp"
#include "mqtt/credentials.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    (void)chairhub::mqtt::parse_credentials(chairhub::fuzz::as_text(data, size), "fuzz.credentials");
  } catch (const chairhub::InputError&) {
  }
  return 0;
}
