// The daemon's state file (service/state_store.hpp) from any bytes: a bad file must end in a
// std::exception (the daemon then starts afresh), and a state that parses must survive being
// saved and read back unchanged, as it does across every restart.
#include <cstdlib>
#include <exception>

#include "fuzz_input.hpp"
#include "service/state_store.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chairhub;
  PersistedState state;
  try {
    state = parse_persisted_state(std::string(fuzz::as_text(data, size)));
  } catch (const std::exception&) {
    return 0;
  }
  // Outside the try: a saved state that cannot be read back is a bug, not bad input.
  const std::string saved = serialize_persisted_state(state);
  if (serialize_persisted_state(parse_persisted_state(saved)) != saved) std::abort();
  return 0;
}
