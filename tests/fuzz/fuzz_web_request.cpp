// Requests to the chair's page (web/site.hpp) from any bytes: parsed by Beast with the server's
// limits, then answered by the routes of a page with and one without a password, over a
// stand-in chair. Every request gets an answer with a status; nothing throws.
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/http/parser.hpp>

#include <cstdlib>

#include "../web/fake_chair.hpp"
#include "fuzz_input.hpp"
#include "web/site.hpp"

namespace {

// A page with the password "fuzzfuzzfuzz": the first wrong password makes every later login
// wait (the clock stands still), so the slow hash runs once, not for every input.
chairhub::web::WebConfig locked_config() {
  chairhub::web::WebConfig c;
  c.password_hash = "$y$j9T$GoQM2TXkE48uQTitTBEB/0$n/MgZZ4biOokwJvgoZ0YHUKpTtbw38sa90V/S5FSnO8";
  return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chairhub::web;
  static test::FakeChair chair;
  static Site open_site(WebConfig{}, chair, [] { return 0.0; });
  static Site locked_site(locked_config(), chair, [] { return 0.0; });
  const ServerLimits limits;
  http::request_parser<http::string_body> parser;
  parser.header_limit(limits.max_header_bytes);
  parser.body_limit(limits.max_body_bytes);
  parser.eager(true);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(data, size), ec);
  if (ec || !parser.is_done()) return 0;
  const Request request = parser.release();
  for (Site* site : {&open_site, &locked_site}) {
    const Reply reply = site->handle(request, "192.0.2.1");
    if (reply.response.result_int() < 200 || reply.response.result_int() > 599) std::abort();
  }
  return 0;
}
