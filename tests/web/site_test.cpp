#include "web/site.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "web/fake_chair.hpp"
#include "web/password.hpp"

namespace chairhub::web {
namespace {

class SiteTest : public ::testing::Test {
 protected:
  Site make(bool with_password) {
    WebConfig c;
    if (with_password) c.password_hash = hash();
    return Site(c, chair_, [this] { return now_; });
  }
  static const std::string& hash() {
    static const std::string h = hash_password("correct horse");
    return h;
  }
  static Request request(http::verb method, const std::string& target, const std::string& body = {},
                         const std::string& cookie = {}, const std::string& csrf = {}) {
    Request r{method, target, 11};
    r.set(http::field::host, "chair.local:8180");
    if (!cookie.empty()) r.set(http::field::cookie, "chairhub_session=" + cookie);
    if (!csrf.empty()) r.set("X-CSRF-Token", csrf);
    r.body() = body;
    return r;
  }
  // Logs in; the session's cookie and the page's token.
  std::pair<std::string, std::string> login(Site& site) {
    const Reply r = site.handle(request(http::verb::post, "/login", "password=correct+horse"), "10.0.0.9");
    EXPECT_EQ(r.response.result(), http::status::see_other);
    const std::string cookie(r.response[http::field::set_cookie]);
    EXPECT_NE(cookie.find("HttpOnly; SameSite=Strict"), std::string::npos) << cookie;
    const std::string token = cookie.substr(17, 64);
    const std::string page = site.handle(request(http::verb::get, "/setup", {}, token), "10.0.0.9").response.body();
    const auto at = page.find("name=\"csrf\" content=\"");
    EXPECT_NE(at, std::string::npos);
    return {token, page.substr(at + 21, 64)};
  }
  static nlohmann::json json(const Reply& r) { return nlohmann::json::parse(r.response.body()); }

  test::FakeChair chair_;
  double now_ = 1000;
};

TEST_F(SiteTest, WithoutAPasswordEverythingShowsAndNothingChanges) {
  Site site = make(false);
  const Reply live = site.handle(request(http::verb::get, "/"), "127.0.0.1");
  EXPECT_EQ(live.response.result(), http::status::ok);
  EXPECT_NE(live.response.body().find("/static/live.js"), std::string::npos);
  EXPECT_NE(std::string(live.response["Content-Security-Policy"]).find("script-src 'self'"), std::string::npos);
  const Reply tare = site.handle(request(http::verb::post, "/api/tare", "{}"), "127.0.0.1");
  EXPECT_EQ(tare.response.result(), http::status::forbidden);
  EXPECT_NE(json(tare)["message"].get<std::string>().find("chairhub hash-password"), std::string::npos);
  EXPECT_EQ(chair_.tares, 0);
  EXPECT_EQ(site.handle(request(http::verb::get, "/login"), "127.0.0.1").response.result(), http::status::see_other);
}

TEST_F(SiteTest, WithAPasswordEveryPageWantsALogin) {
  Site site = make(true);
  for (const char* page : {"/", "/setup", "/history", "/settings"}) {
    const Reply r = site.handle(request(http::verb::get, page), "10.0.0.9");
    EXPECT_EQ(r.response.result(), http::status::see_other) << page;
    EXPECT_EQ(r.response[http::field::location], "/login");
  }
  EXPECT_EQ(site.handle(request(http::verb::get, "/api/state"), "10.0.0.9").response.result(), http::status::unauthorized);
  EXPECT_FALSE(site.handle(request(http::verb::get, "/api/live"), "10.0.0.9").event_stream);
  EXPECT_EQ(site.handle(request(http::verb::get, "/static/style.css"), "10.0.0.9").response.result(), http::status::ok);
}

TEST_F(SiteTest, AWrongPasswordIsRefusedAndSlowsTheNextTry) {
  Site site = make(true);
  const Reply wrong = site.handle(request(http::verb::post, "/login", "password=letmein"), "10.0.0.9");
  EXPECT_EQ(wrong.response.result(), http::status::unauthorized);
  EXPECT_NE(wrong.response.body().find("That is not this chair"), std::string::npos);
  EXPECT_TRUE(wrong.response[http::field::set_cookie].empty());
  const Reply soon = site.handle(request(http::verb::post, "/login", "password=correct+horse"), "10.0.0.9");
  EXPECT_EQ(soon.response.result(), http::status::too_many_requests);
  now_ += 1.5;
  EXPECT_EQ(site.handle(request(http::verb::post, "/login", "password=correct+horse"), "10.0.0.9").response.result(),
            http::status::see_other);
}

TEST_F(SiteTest, AChangeNeedsTheSessionAndItsToken) {
  Site site = make(true);
  const auto [cookie, csrf] = login(site);
  EXPECT_EQ(site.handle(request(http::verb::post, "/api/tare", "{}", cookie), "x").response.result(), http::status::forbidden);
  EXPECT_EQ(site.handle(request(http::verb::post, "/api/tare", "{}", cookie, std::string(64, 'a')), "x").response.result(),
            http::status::forbidden);
  Request other_site = request(http::verb::post, "/api/tare", "{}", cookie, csrf);
  other_site.set(http::field::origin, "http://evil.example");
  EXPECT_EQ(site.handle(other_site, "x").response.result(), http::status::forbidden);
  EXPECT_EQ(chair_.tares, 0);
  Request here = request(http::verb::post, "/api/tare", "{}", cookie, csrf);
  here.set(http::field::origin, "http://chair.local:8180");
  const Reply ok = site.handle(here, "x");
  EXPECT_EQ(ok.response.result(), http::status::ok);
  EXPECT_EQ(json(ok)["message"], "tared");
  EXPECT_EQ(chair_.tares, 1);
}

TEST_F(SiteTest, SessionsExpire) {
  Site site = make(true);
  const auto [cookie, csrf] = login(site);
  EXPECT_EQ(site.handle(request(http::verb::get, "/", {}, cookie), "x").response.result(), http::status::ok);
  now_ += 12 * 3600 + 1;
  EXPECT_EQ(site.handle(request(http::verb::get, "/", {}, cookie), "x").response.result(), http::status::see_other);
}

TEST_F(SiteTest, LoggingOutEndsTheSession) {
  Site site = make(true);
  const auto [cookie, csrf] = login(site);
  site.handle(request(http::verb::post, "/logout", {}, cookie), "x");
  EXPECT_EQ(site.handle(request(http::verb::get, "/", {}, cookie), "x").response.result(), http::status::see_other);
}

TEST_F(SiteTest, GuideRequestsAreCheckedStrictly) {
  Site site = make(true);
  const auto [cookie, csrf] = login(site);
  const auto post = [&, c = cookie, t = csrf](const std::string& path, const std::string& body) {
    return site.handle(request(http::verb::post, path, body, c, t), "x");
  };
  EXPECT_EQ(post("/api/guide/chair/start", R"({"kg": 0.5})").response.result(), http::status::bad_request);
  EXPECT_EQ(post("/api/guide/chair/start", R"({"kg": "ten"})").response.result(), http::status::bad_request);
  const Reply extra = post("/api/guide/chair/start", R"({"kg": 10, "speed": 2})");
  EXPECT_EQ(extra.response.result(), http::status::bad_request);
  EXPECT_EQ(json(extra)["message"], "unknown key: speed (this takes: kg)");
  EXPECT_EQ(post("/api/guide/chair/start", "{kg: 10}").response.result(), http::status::bad_request);
  EXPECT_EQ(post("/api/guide/sofa/start", "{}").response.result(), http::status::not_found);
  EXPECT_EQ(post("/api/guide/chair/jump", "{}").response.result(), http::status::not_found);
  EXPECT_TRUE(chair_.started.empty());
  EXPECT_EQ(post("/api/guide/chair/start", R"({"kg": 10})").response.result(), http::status::ok);
  ASSERT_EQ(chair_.started.size(), 1u);
  EXPECT_EQ(chair_.started[0].second, 10);
  const Reply ready = post("/api/guide/chair/ready", "");
  EXPECT_EQ(ready.response.result(), http::status::conflict);
  EXPECT_EQ(json(ready)["message"], "not yet");
  EXPECT_EQ(post("/api/guide/postures/cancel", "").response.result(), http::status::ok);
  EXPECT_EQ(chair_.cancels, 1);
}

TEST_F(SiteTest, PosturesForANamedSitterAndPickingTheSitter) {
  Site site = make(true);
  const auto [cookie, csrf] = login(site);
  const auto post = [&, c = cookie, t = csrf](const std::string& path, const std::string& body) {
    return site.handle(request(http::verb::post, path, body, c, t), "x");
  };
  EXPECT_EQ(post("/api/guide/postures/start", R"({"kg": 10})").response.result(), http::status::bad_request);
  EXPECT_EQ(post("/api/guide/postures/start", R"({"profile": 7})").response.result(), http::status::bad_request);
  EXPECT_EQ(post("/api/guide/postures/start", R"({"profile": "anna"})").response.result(), http::status::ok);
  EXPECT_EQ(post("/api/guide/postures/start", "").response.result(), http::status::ok);
  ASSERT_EQ(chair_.started_profiles.size(), 2u);
  EXPECT_EQ(chair_.started_profiles[0], "anna");
  EXPECT_EQ(chair_.started_profiles[1], "") << "none named: the sitter in use";

  chair_.sitters = {{"anna", "ben"}, "ben"};
  const auto listed = json(site.handle(request(http::verb::get, "/api/profiles", {}, cookie), "x"));
  EXPECT_EQ(listed["names"].size(), 2u);
  EXPECT_EQ(listed["selected"], "ben");
  EXPECT_EQ(post("/api/profile", R"({"name": ["anna"]})").response.result(), http::status::bad_request);
  EXPECT_EQ(post("/api/profile", R"({"name": ")" + std::string(100, 'a') + R"("})").response.result(),
            http::status::bad_request);
  EXPECT_EQ(post("/api/profile", R"({"name": "anna"})").response.result(), http::status::ok);
  ASSERT_EQ(chair_.selected.size(), 1u);
  EXPECT_EQ(chair_.selected[0], "anna");
}

TEST_F(SiteTest, TheLiveViewIsAnEventStream) {
  Site site = make(false);
  chair_.view.state.occupied = true;
  chair_.view.state.left_share = 0.25;
  chair_.view.state.front_share = 0.5;
  EXPECT_TRUE(site.handle(request(http::verb::get, "/api/live"), "127.0.0.1").event_stream);
  const auto state = json(site.handle(request(http::verb::get, "/api/state"), "127.0.0.1"));
  EXPECT_DOUBLE_EQ(state["cop"]["x"].get<double>(), 0.5) << "three quarters on the right";
  EXPECT_DOUBLE_EQ(state["cop"]["y"].get<double>(), 0);
}

TEST_F(SiteTest, NamesFromTheConfigAreTextNotMarkup) {
  Site site = make(false);
  chair_.rows = {{"Config file", "<script>alert(1)</script>", "here"}};
  const std::string body = site.handle(request(http::verb::get, "/settings"), "127.0.0.1").response.body();
  EXPECT_EQ(body.find("<script>alert"), std::string::npos);
  EXPECT_NE(body.find("&lt;script&gt;"), std::string::npos);
}

TEST_F(SiteTest, UnknownThingsAreNotFound) {
  Site site = make(false);
  EXPECT_EQ(site.handle(request(http::verb::get, "/nowhere"), "x").response.result(), http::status::not_found);
  EXPECT_EQ(site.handle(request(http::verb::get, "/static/../site.cpp"), "x").response.result(), http::status::not_found);
  EXPECT_EQ(site.handle(request(http::verb::get, "/static/live.html"), "x").response.result(), http::status::not_found);
  EXPECT_EQ(site.handle(request(http::verb::get, "/api/nothing"), "x").response.result(), http::status::not_found);
  EXPECT_EQ(site.handle(request(http::verb::delete_, "/"), "x").response.result(), http::status::method_not_allowed);
  // bytes that are not UTF-8, echoed in the JSON error, are replaced rather than thrown over
  const Reply odd = site.handle(request(http::verb::get, "/api/\xc8\x98\x8a"), "x");
  EXPECT_EQ(odd.response.result(), http::status::not_found);
  EXPECT_FALSE(nlohmann::json::parse(odd.response.body(), nullptr, false).is_discarded());
}

TEST_F(SiteTest, HistoryWithoutAFileOrWithABadDate) {
  Site site = make(false);
  EXPECT_NE(site.handle(request(http::verb::get, "/history"), "x").response.body().find("No history is kept"),
            std::string::npos);
  chair_.history = "/nonexistent/history.sqlite";
  EXPECT_NE(site.handle(request(http::verb::get, "/history"), "x").response.body().find("Nothing recorded yet"),
            std::string::npos);
}

}  // namespace
}  // namespace chairhub::web
