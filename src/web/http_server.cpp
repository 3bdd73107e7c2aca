#include "web/http_server.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <algorithm>
#include <array>
#include <deque>
#include <optional>
#include <stdexcept>
#include <vector>

namespace chairhub::web {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;
using boost::system::error_code;

class Connection;

struct HttpServer::State {
  State(asio::io_context& io, Handler h, const ServerLimits& l) : acceptor(io), keepalive(io), handler(std::move(h)), limits(l) {}
  tcp::acceptor acceptor;
  asio::steady_timer keepalive;
  Handler handler;
  ServerLimits limits;
  std::vector<std::weak_ptr<Connection>> connections;
  bool stopped = false;

  std::size_t open_count() {
    std::erase_if(connections, [](const auto& c) { return c.expired(); });
    return connections.size();
  }
  std::size_t stream_count() const;
};

Response make_response(http::status status, const std::string& content_type, std::string body) {
  Response res{status, 11};
  res.set(http::field::content_type, content_type);
  res.set(http::field::cache_control, "no-store");
  res.set("X-Content-Type-Options", "nosniff");
  res.body() = std::move(body);
  return res;
}

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  // Holds the server's state, so that a request already read when the server stopped finds it.
  Connection(tcp::socket socket, std::shared_ptr<HttpServer::State> server)
      : stream_(std::move(socket)), server_(std::move(server)) {
    error_code ec;
    peer_ = stream_.socket().remote_endpoint(ec).address().to_string();
  }

  void read_request() {
    parser_.emplace();
    parser_->header_limit(server_->limits.max_header_bytes);
    parser_->body_limit(server_->limits.max_body_bytes);
    stream_.expires_after(server_->limits.request_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](error_code ec, std::size_t) { self->on_request(ec); });
  }

  bool streaming() const { return streaming_; }

  void send_event(const std::string& framed) {
    if (!streaming_) return;
    if (backlog_ + framed.size() > server_->limits.max_stream_backlog) return close();  // too slow a reader
    backlog_ += framed.size();
    outbox_.push_back(framed);
    if (outbox_.size() == 1) write_next_event();
  }

  void close() {
    error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.socket().close(ec);
    streaming_ = false;
  }

 private:
  void on_request(error_code ec) {
    if (ec == http::error::body_limit) return refuse(http::status::payload_too_large, "the request's body is too large");
    if (ec == http::error::header_limit)
      return refuse(http::status::request_header_fields_too_large, "the request's header is too large");
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
        ec == asio::error::connection_reset)
      return close();
    if (ec) return refuse(http::status::bad_request, "not an HTTP request this server understands: " + ec.message());
    if (server_->stopped) return close();
    Request request = parser_->release();
    Reply reply = server_->handler(request, peer_);
    if (reply.event_stream) return start_stream();
    reply.response.keep_alive(request.keep_alive());
    send(std::move(reply.response));
  }

  void refuse(http::status status, const std::string& why) {
    Response res = make_response(status, "text/plain; charset=utf-8", why + "\n");
    res.keep_alive(false);
    send(std::move(res));
  }

  void send(Response res) {
    res.prepare_payload();
    auto shared = std::make_shared<Response>(std::move(res));
    stream_.expires_after(server_->limits.request_timeout);
    http::async_write(stream_, *shared, [self = shared_from_this(), shared](error_code ec, std::size_t) {
      if (ec || !shared->keep_alive()) return self->close();
      self->read_request();
    });
  }

  void start_stream() {
    if (server_->stream_count() >= server_->limits.max_streams)
      return refuse(http::status::service_unavailable, "too many live views are open; close one and reload");
    streaming_ = true;
    stream_.expires_never();
    // The stream's end is the connection's: no length, no keep-alive.
    outbox_.emplace_back(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n"
        "X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\nretry: 2000\n\n");
    backlog_ = outbox_.back().size();
    write_next_event();
    watch_for_close();
  }

  // The browser sends nothing more on a stream: any read completing means it went away.
  void watch_for_close() {
    stream_.socket().async_read_some(asio::buffer(discard_), [self = shared_from_this()](error_code ec, std::size_t) {
      if (ec) return self->close();
      self->watch_for_close();
    });
  }

  void write_next_event() {
    asio::async_write(stream_.socket(), asio::buffer(outbox_.front()),
                      [self = shared_from_this()](error_code ec, std::size_t n) {
                        if (ec) return self->close();
                        self->backlog_ -= n;
                        self->outbox_.pop_front();
                        if (!self->outbox_.empty()) self->write_next_event();
                      });
  }

  beast::tcp_stream stream_;
  std::shared_ptr<HttpServer::State> server_;
  std::string peer_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  bool streaming_ = false;
  std::deque<std::string> outbox_;
  std::size_t backlog_ = 0;
  std::array<char, 64> discard_{};
};

std::size_t HttpServer::State::stream_count() const {
  return static_cast<std::size_t>(std::count_if(connections.begin(), connections.end(), [](const auto& weak) {
    auto c = weak.lock();
    return c && c->streaming();
  }));
}

namespace {

void accept_next(const std::shared_ptr<HttpServer::State>& state) {
  state->acceptor.async_accept([weak = std::weak_ptr(state)](error_code ec, tcp::socket socket) {
    auto s = weak.lock();
    if (!s || s->stopped) return;
    if (!ec) {
      if (s->open_count() >= s->limits.max_connections) {
        // Refused without reading: the kernel's buffer takes these few bytes at once.
        static const std::string busy =
            "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        error_code ignored;
        socket.non_blocking(true, ignored);
        socket.write_some(asio::buffer(busy), ignored);
        socket.close(ignored);
      } else {
        auto c = std::make_shared<Connection>(std::move(socket), s);
        s->connections.push_back(c);
        c->read_request();
      }
    }
    accept_next(s);
  });
}

void keep_streams_alive(const std::shared_ptr<HttpServer::State>& state) {
  state->keepalive.expires_after(state->limits.keepalive);
  state->keepalive.async_wait([weak = std::weak_ptr(state)](error_code ec) {
    auto s = weak.lock();
    if (ec || !s || s->stopped) return;
    for (const auto& weak_c : s->connections)
      if (auto c = weak_c.lock()) c->send_event(":\n\n");
    keep_streams_alive(s);
  });
}

}  // namespace

HttpServer::HttpServer(asio::io_context& io, const std::string& address, int port, Handler handler,
                       const ServerLimits& limits)
    : state_(std::make_shared<State>(io, std::move(handler), limits)) {
  error_code ec;
  const auto ip = asio::ip::make_address(address, ec);
  if (ec) throw std::runtime_error("web: \"" + address + "\" is not an IP address");
  const tcp::endpoint endpoint(ip, static_cast<unsigned short>(port));
  auto& a = state_->acceptor;
  a.open(endpoint.protocol(), ec);
  if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(endpoint, ec);
  if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) throw std::runtime_error("web: cannot listen on " + address + ":" + std::to_string(port) + ": " + ec.message());
  accept_next(state_);
  keep_streams_alive(state_);
}

HttpServer::~HttpServer() { stop(); }

unsigned short HttpServer::port() const {
  error_code ec;
  return state_->acceptor.local_endpoint(ec).port();
}

void HttpServer::broadcast(const std::string& data) {
  const std::string framed = "data: " + data + "\n\n";
  for (const auto& weak : state_->connections)
    if (auto c = weak.lock()) c->send_event(framed);
}

std::size_t HttpServer::streams() const { return state_->stream_count(); }

void HttpServer::stop() {
  if (state_->stopped) return;
  state_->stopped = true;
  error_code ec;
  state_->acceptor.close(ec);
  state_->keepalive.cancel();
  for (const auto& weak : state_->connections)
    if (auto c = weak.lock()) c->close();
}

}  // namespace chairhub::web
