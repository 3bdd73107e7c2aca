// The chair's page served by chairhubd as a process, on simulated devices (the real drivers on
// the chip models, raw counts as on a chair): a login, the live stream, the whole guided
// calibration from the page's API with the simulated person doing each step, and the
// calibration still there after a restart. The pages in a real browser: tests/web/browser.
#include <gtest/gtest.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>

#include <nlohmann/json.hpp>

#include "support/daemon_harness.hpp"
#include "support/http_client.hpp"
#include "web/password.hpp"

namespace chairhub {
namespace {

using namespace std::chrono_literals;
using mqtt::test::wait_until;
using service_test::Daemon;
using service_test::NotifySocket;
using service_test::read_text;
using web_test::http_get;
using web_test::http_request;
using mqtt::test::TempDir;
namespace http = boost::beast::http;

constexpr const char* kPageSitter = R"(
[sitter]
mass_kg = 70
seed = 3
[log]
rate_hz = 20
units = "raw"
[[step]]
posture = "upright"
seconds = 3600
)";

constexpr const char* kPageWiring = R"(
[hardware]
realtime = false
[hardware.hx711]
clock = 5
rate = 80
data = { seat_fl = 6, seat_fr = 13, seat_bl = 19, seat_br = 26 }
[hardware.ads1115]
inputs = { lumbar_l = 0, lumbar_r = 1, foot_l = 2, foot_r = 3 }
)";

class DaemonWebTest : public ::testing::Test {
 protected:
  std::filesystem::path write_config(int port, const std::string& web_extra) {
    std::ofstream(dir_.path() / "sitter.toml") << kPageSitter;
    auto path = dir_.path() / "chairhub.toml";
    std::ofstream(path) << "[service]\nsource = \"devices\"\nscenario = \"sitter.toml\"\nstate_dir = \""
                        << (dir_.path() / "state").string() << "\"\n[web]\nport = " << port << "\n"
                        << web_extra << kPageWiring;
    return path;
  }
  std::string log() const { return read_text(dir_.path() / "chairhubd.log"); }
  // The port the daemon says its page is on.
  unsigned short page_port() {
    std::smatch m;
    std::string text;
    wait_until([&] {
      text = log();
      return std::regex_search(text, m, std::regex("the chair's page: http://127\\.0\\.0\\.1:([0-9]+)/"));
    }, 10s);
    return m.empty() ? 0 : static_cast<unsigned short>(std::stoi(m[1]));
  }
  static std::string password_line() { return "password_hash = \"" + web::hash_password("correct horse") + "\"\n"; }

  TempDir dir_;
};

TEST_F(DaemonWebTest, TheWholeCalibrationFromThePage) {
  NotifySocket notify(dir_.path() / "notify.sock");
  auto config = write_config(0, password_line());
  auto daemon = std::make_unique<Daemon>(config, notify, dir_.path() / "chairhubd.log");
  const unsigned short port = page_port();
  ASSERT_NE(port, 0) << log();

  const auto login = http_request(port, http::verb::post, "/login", "password=correct+horse",
                                  {{"Content-Type", "application/x-www-form-urlencoded"}});
  ASSERT_EQ(login.status, 303) << login.body;
  const std::string cookie = login.header("Set-Cookie").substr(0, login.header("Set-Cookie").find(';'));
  const std::string setup = http_get(port, "/setup", {{"Cookie", cookie}}).body;
  const auto at = setup.find("name=\"csrf\" content=\"");
  ASSERT_NE(at, std::string::npos);
  const std::map<std::string, std::string> session{{"Cookie", cookie}, {"X-CSRF-Token", setup.substr(at + 21, 64)}};
  const auto post = [&](const std::string& path, const std::string& body) {
    return http_request(port, http::verb::post, path, body, session);
  };
  const auto guide = [&] { return nlohmann::json::parse(http_get(port, "/api/guide/chair", session).body); };

  // the wiring check sees every sensor answer
  ASSERT_TRUE(wait_until([&] {
    const auto w = nlohmann::json::parse(http_get(port, "/api/wiring", session).body);
    for (const auto& ch : w["channels"]) if (!ch["ok"].get<bool>()) return false;
    return true;
  }, 10s)) << http_get(port, "/api/wiring", session).body;

  ASSERT_EQ(post("/api/guide/chair/start", R"({"kg": 12})").status, 200);
  const int steps = guide()["steps"].get<int>();
  ASSERT_EQ(steps, 10);
  for (int step = 1; step <= steps; ++step) {
    ASSERT_EQ(guide()["step"].get<int>(), step);
    const auto ready = post("/api/guide/chair/ready", "");
    ASSERT_EQ(ready.status, 200) << ready.body;
    ASSERT_TRUE(wait_until([&] {
      const auto g = guide();
      return !g["running"].get<bool>() || g["step"].get<int>() > step;
    }, 10s)) << guide().dump();
  }
  const auto done = guide();
  ASSERT_FALSE(done["finished"].is_null()) << done.dump();
  EXPECT_TRUE(done["finished"]["ok"].get<bool>()) << done.dump();
  const auto saved = dir_.path() / "state" / "calibration.toml";
  ASSERT_TRUE(std::filesystem::exists(saved)) << log();
  EXPECT_NE(read_text(saved).find("[seat_fl]"), std::string::npos);

  // the seated simulated sitter (70 kg, most of it on the seat) weighs right with the new scales
  ASSERT_TRUE(wait_until([&] {
    return nlohmann::json::parse(http_get(port, "/api/state", session).body)["occupied"].get<bool>();
  }, 10s));
  const auto settings = http_get(port, "/settings", session).body;
  EXPECT_NE(settings.find("made on this page"), std::string::npos);

  // a restart keeps it
  daemon->signal(SIGTERM);
  EXPECT_EQ(daemon->wait(10s), 0) << log();
  std::filesystem::remove(dir_.path() / "chairhubd.log");
  daemon = std::make_unique<Daemon>(config, notify, dir_.path() / "chairhubd.log");
  const unsigned short again = page_port();
  ASSERT_NE(again, 0) << log();
  EXPECT_EQ(log().find("left out"), std::string::npos) << log();
}

TEST_F(DaemonWebTest, TheLiveViewIsPushed) {
  NotifySocket notify(dir_.path() / "notify.sock");
  Daemon daemon(write_config(0, ""), notify, dir_.path() / "chairhubd.log");
  const unsigned short port = page_port();
  ASSERT_NE(port, 0) << log();
  namespace asio = boost::asio;
  asio::io_context io;
  asio::ip::tcp::socket s(io);
  s.connect({asio::ip::make_address("127.0.0.1"), port});
  asio::write(s, asio::buffer(std::string("GET /api/live HTTP/1.1\r\nHost: x\r\n\r\n")));
  asio::streambuf buf;
  asio::read_until(s, buf, "\"occupied\":true");  // the sitter of the scenario, pushed unasked
  std::string text(asio::buffers_begin(buf.data()), asio::buffers_end(buf.data()));
  EXPECT_NE(text.find("data: {\"occupied\":true,\"posture\""), std::string::npos) << text;
  // without a password: seen, not changed
  const auto tare = http_request(port, http::verb::post, "/api/tare", "{}");
  EXPECT_EQ(tare.status, 403);
  EXPECT_NE(tare.body.find("hash-password"), std::string::npos);
}

TEST_F(DaemonWebTest, APortInUseLeavesTheDaemonRunning) {
  namespace asio = boost::asio;
  asio::io_context io;
  asio::ip::tcp::acceptor taken(io, {asio::ip::make_address("127.0.0.1"), 0});
  const int port = taken.local_endpoint().port();
  NotifySocket notify(dir_.path() / "notify.sock");
  Daemon daemon(write_config(port, ""), notify, dir_.path() / "chairhubd.log");
  ASSERT_TRUE(wait_until([&] { return log().find("cannot listen on 127.0.0.1:" + std::to_string(port)) != std::string::npos; }, 10s))
      << log();
  EXPECT_NE(log().find("running without the page"), std::string::npos);
  ASSERT_TRUE(wait_until([&] { return log().find("sensors open") != std::string::npos; }, 10s)) << log();
  EXPECT_TRUE(daemon.alive());
}

}  // namespace
}  // namespace chairhub
