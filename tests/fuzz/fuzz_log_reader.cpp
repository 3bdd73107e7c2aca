// The sensor log (docs/log-format.md) from any bytes: a bad log must end in an InputError, and
// a log the reader accepts must go through the whole analysis, as `chairhub replay` runs it.
// The line splitter is also checked against a plain split with a tiny buffer, which reaches
// the stitching of lines longer than the buffer that real logs rarely do.
#include <cstdio>
#include <cstdlib>

#include "core/input_error.hpp"
#include "events/event_json.hpp"
#include "fuzz_input.hpp"
#include "replay/replay.hpp"

namespace {

using namespace chairhub;

// Every event goes to JSON, as the real sinks do.
class JsonSink : public EventSink {
 public:
  void on_event(const Event& event) override { (void)to_json(event).dump(); }
};

void check_line_source(std::string_view text, std::size_t buffer_size) {
  std::FILE* file = ::fmemopen(const_cast<char*>(text.data()), text.size(), "rb");
  if (file == nullptr) return;  // fmemopen refuses an empty buffer
  LineSource lines(file, buffer_size);
  std::string_view line;
  std::string_view rest = text;
  while (lines.next(line)) {
    const auto newline = rest.find('\n');
    if (line != rest.substr(0, newline)) std::abort();
    rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
  }
  if (!rest.empty()) std::abort();  // lines were lost
  std::fclose(file);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  check_line_source(text, 1 + size % 16);
  static const Config config;  // the standard chair
  const std::string path = fuzz::ScratchDir::get().write("log.csv", text);
  const int free_fd = fuzz::lowest_free_fd();
  JsonSink sink;
  try {
    replay_log(path, config, {}, sink);
  } catch (const InputError&) {
  }
  if (fuzz::lowest_free_fd() != free_fd) std::abort();  // the log's file was left open
  return 0;
}
