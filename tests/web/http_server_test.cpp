#include "web/http_server.hpp"

#include <gtest/gtest.h>

#include <boost/asio/post.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>

#include <chrono>
#include <future>
#include <thread>

#include "support/http_client.hpp"

namespace chairhub::web {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using web_test::http_get;
using web_test::http_request;

// The server on its own loop thread, answering every request with its target.
class HttpServerTest : public ::testing::Test {
 protected:
  void start(ServerLimits limits = {}) {
    server_ = std::make_unique<HttpServer>(io_, "127.0.0.1", 0, [](const Request& r, const std::string&) {
      if (r.target() == "/stream") return Reply{make_response(http::status::ok, "text/event-stream", ""), true};
      return Reply{make_response(http::status::ok, "text/plain", "you asked for " + std::string(r.target())), false};
    }, limits);
    thread_ = std::thread([this] { io_.run(); });
  }
  void TearDown() override {
    asio::post(io_, [this] { server_->stop(); });
    io_.stop();
    if (thread_.joinable()) thread_.join();
  }
  unsigned short port() const { return server_->port(); }
  tcp::socket connect() {
    tcp::socket s(client_io_);
    s.connect({asio::ip::make_address("127.0.0.1"), port()});
    return s;
  }
  // Everything the server sends until it closes the connection (or `max` bytes).
  static std::string read_all(tcp::socket& s, std::size_t max = 1 << 16) {
    std::string out;
    boost::system::error_code ec;
    char buf[1024];
    while (out.size() < max) {
      const std::size_t n = s.read_some(asio::buffer(buf), ec);
      if (ec) break;
      out.append(buf, n);
    }
    return out;
  }

  asio::io_context io_;
  asio::io_context client_io_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
};

TEST_F(HttpServerTest, AnswersRequests) {
  start();
  const auto r = http_get(port(), "/hello?x=1");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "you asked for /hello?x=1");
  EXPECT_EQ(r.header("Cache-Control"), "no-store");
}

TEST_F(HttpServerTest, ABodyTooLargeIsRefused) {
  start();
  const auto r = http_request(port(), http::verb::post, "/", std::string(std::size_t{20} * 1024, 'x'));
  EXPECT_EQ(r.status, 413);
  EXPECT_NE(r.body.find("body is too large"), std::string::npos);
}

TEST_F(HttpServerTest, AHeaderTooLargeIsRefused) {
  start();
  const auto r = http_get(port(), "/", {{"X-Padding", std::string(std::size_t{10} * 1024, 'x')}});
  EXPECT_EQ(r.status, 431);
}

TEST_F(HttpServerTest, NotHttpIsABadRequest) {
  start();
  tcp::socket s = connect();
  asio::write(s, asio::buffer(std::string("HELLO THERE\r\n\r\n")));
  const std::string reply = read_all(s);
  EXPECT_EQ(reply.rfind("HTTP/1.1 400", 0), 0u) << reply;
}

TEST_F(HttpServerTest, ConnectionsBeyondTheLimitAreTurnedAway) {
  ServerLimits limits;
  limits.max_connections = 3;
  start(limits);
  std::vector<tcp::socket> idle;
  idle.reserve(3);
  for (int i = 0; i < 3; ++i) idle.push_back(connect());
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // accepted by now
  tcp::socket extra = connect();
  const std::string reply = read_all(extra);
  EXPECT_EQ(reply.rfind("HTTP/1.1 503", 0), 0u) << reply;
  idle.clear();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(http_get(port(), "/again").status, 200) << "room again once they closed";
}

TEST_F(HttpServerTest, ASilentConnectionIsClosed) {
  ServerLimits limits;
  limits.request_timeout = std::chrono::seconds(1);
  start(limits);
  tcp::socket s = connect();
  asio::write(s, asio::buffer(std::string("GET / HTTP/1.1\r\n")));  // and never the rest
  const auto started = std::chrono::steady_clock::now();
  read_all(s);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
}

TEST_F(HttpServerTest, StreamsGetEveryBroadcast) {
  start();
  tcp::socket s = connect();
  asio::write(s, asio::buffer(std::string("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n")));
  asio::streambuf buf;
  asio::read_until(s, buf, "\r\n\r\n");
  std::string head(asio::buffers_begin(buf.data()), asio::buffers_end(buf.data()));
  EXPECT_NE(head.find("Content-Type: text/event-stream"), std::string::npos) << head;
  for (int i = 0; i < 50 && server_->streams() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  asio::post(io_, [this] { server_->broadcast(R"({"n":1})"); });
  asio::read_until(s, buf, "{\"n\":1}\n\n");
  std::string all(asio::buffers_begin(buf.data()), asio::buffers_end(buf.data()));
  EXPECT_NE(all.find("data: {\"n\":1}\n\n"), std::string::npos) << all;
}

TEST_F(HttpServerTest, AnAddressInUseIsSaidPlainly) {
  start();
  asio::io_context other;
  try {
    HttpServer second(other, "127.0.0.1", port(), [](const Request&, const std::string&) { return Reply{}; });
    FAIL() << "two servers on one port";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("cannot listen on 127.0.0.1:" + std::to_string(port())), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace chairhub::web
