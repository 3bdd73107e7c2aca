#pragma once
// A plain HTTP client for the tests of the chair's page: one request per connection, with
// Boost.Beast, as a browser or curl would send it.
#include <utility>  // before Boost.Asio (Boost 1.74 + GCC 12 + C++20)
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <map>
#include <string>

namespace chairhub::web_test {

namespace http = boost::beast::http;

struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;
  std::string body;
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

// `headers` are added as given ("Cookie", "X-CSRF-Token", ...).
inline HttpReply http_request(unsigned short port, http::verb method, const std::string& target,
                              const std::string& body = {}, const std::map<std::string, std::string>& headers = {}) {
  namespace asio = boost::asio;
  asio::io_context io;
  asio::ip::tcp::socket socket(io);
  socket.connect({asio::ip::make_address("127.0.0.1"), port});
  http::request<http::string_body> req{method, target, 11};
  req.set(http::field::host, "127.0.0.1:" + std::to_string(port));
  for (const auto& [k, v] : headers) req.set(k, v);
  if (!body.empty() || method == http::verb::post) {
    req.body() = body;
    req.prepare_payload();
  }
  http::write(socket, req);
  boost::beast::flat_buffer buffer;
  http::response<http::string_body> res;
  http::read(socket, buffer, res);
  HttpReply out{static_cast<int>(res.result_int()), {}, res.body()};
  for (const auto& field : res) out.headers[std::string(field.name_string())] = std::string(field.value());
  return out;
}

inline HttpReply http_get(unsigned short port, const std::string& target, const std::map<std::string, std::string>& headers = {}) {
  return http_request(port, http::verb::get, target, {}, headers);
}

}  // namespace chairhub::web_test
