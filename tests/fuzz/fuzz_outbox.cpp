// The MQTT outbox file (mqtt/outbox.hpp) read back at start, from any bytes: unreadable lines
// are skipped, never fatal. What loads must then behave: within capacity, the compacted file
// reads back the same entries, a new event gets a sequence number no pending one has (acks go
// by it), and no file is left open.
#include <algorithm>
#include <cstdlib>

#include "fuzz_input.hpp"
#include "mqtt/outbox.hpp"

namespace {

using chairhub::mqtt::Outbox;
using chairhub::mqtt::OutboxOptions;

bool same(const std::deque<Outbox::Entry>& a, const std::deque<Outbox::Entry>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const auto& x, const auto& y) { return x.seq == y.seq && x.payload == y.payload; });
}

void check_loaded(const OutboxOptions& options) {
  Outbox box(options, {});
  if (box.size() > options.capacity) std::abort();
  {
    Outbox again(options, {});  // reads the file the first one compacted
    if (!same(again.entries(), box.entries())) std::abort();
  }
  const auto& entries = box.entries();
  for (int i = 0; i < 3; ++i) {
    const auto seq = box.push("{}");
    if (std::count_if(entries.begin(), entries.end(), [seq](const auto& e) { return e.seq == seq; }) != 1)
      std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chairhub;
  const OutboxOptions options{.capacity = 8,  // small, so loading drops the oldest too
                              .file = fuzz::ScratchDir::get().write("outbox.jsonl", fuzz::as_text(data, size)),
                              .sync_each = false};
  const int free_fd = fuzz::lowest_free_fd();
  check_loaded(options);
  if (fuzz::lowest_free_fd() != free_fd) std::abort();  // a file was left open
  return 0;
}
