#include "web/web_config.hpp"

#include <utility>  // before Boost.Asio (Boost 1.74 + GCC 12 + C++20)
#include <boost/asio/ip/address.hpp>

#include "web/password.hpp"

namespace chairhub::web {

WebConfig read_web_config(const SectionReader& root) {
  WebConfig c;
  const auto t = root.table("web");
  if (!t) return c;
  t->known_keys({"enabled", "address", "port", "password_hash", "session_hours"});
  t->read("enabled", c.enabled);
  t->read_integer("port", c.port, 0, 65535);  // 0: any free port (tests)
  t->read("session_hours", c.session_hours, 0.1, 24 * 30);
  if (auto hash = t->string("password_hash")) {
    if (const std::string why = password_hash_problem(*hash); why.empty())
      c.password_hash = *hash;
    else
      t->problem("password_hash", why);
  }
  if (auto address = t->string("address")) {
    boost::system::error_code ec;
    const auto ip = boost::asio::ip::make_address(*address, ec);
    if (ec)
      t->problem("address", "\"" + *address + "\" is not an IP address (say 127.0.0.1, or 0.0.0.0 for every interface)");
    else if (!ip.is_loopback() && c.password_hash.empty() && !t->has("password_hash"))
      t->problem("address", *address + " is reachable from the network: set web.password_hash first (`chairhub hash-password` makes one)");
    else
      c.address = *address;
  }
  return c;
}

}  // namespace chairhub::web
