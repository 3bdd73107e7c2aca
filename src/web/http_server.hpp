#pragma once
// The page's HTTP server (Boost.Beast) on chairhubd's own event loop: one request at a time per
// connection, each handed to a Handler that answers it whole, or turns it into an event stream
// (server-sent events) that gets every broadcast(). Bounded everywhere: connections, streams,
// header and body sizes, the time a request may take, what a slow stream may fall behind.
#include <utility>  // before Boost.Asio (Boost 1.74 + GCC 12 + C++20)
#include <boost/asio/io_context.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/message.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace chairhub::web {

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

struct Reply {
  Response response;
  bool event_stream = false;  // answer with a stream of broadcast() events instead
};
// The answer to one request from `peer` (its IP address).
using Handler = std::function<Reply(const Request& request, const std::string& peer)>;

struct ServerLimits {
  std::size_t max_connections = 16;
  std::size_t max_streams = 8;
  std::uint32_t max_header_bytes = 8 * 1024;
  std::uint64_t max_body_bytes = std::uint64_t{16} * 1024;
  std::chrono::seconds request_timeout{15};  // to receive a whole request, or idle between two
  std::size_t max_stream_backlog = std::size_t{256} * 1024;  // a stream further behind is closed
  std::chrono::seconds keepalive{15};           // a comment on idle streams, so proxies keep them
};

class HttpServer {
 public:
  // Listens at once. Throws std::runtime_error naming the address and why when it cannot.
  HttpServer(boost::asio::io_context& io, const std::string& address, int port, Handler handler,
             const ServerLimits& limits = {});
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  unsigned short port() const;  // the one bound (useful with port 0)
  // `data` (one line, JSON say) to every open event stream.
  void broadcast(const std::string& data);
  std::size_t streams() const;
  // Closes the listener and every connection.
  void stop();

  struct State;

 private:
  std::shared_ptr<State> state_;
};

// A plain response with `status`, `content_type` and `body`, never cached.
Response make_response(http::status status, const std::string& content_type, std::string body);

}  // namespace chairhub::web
