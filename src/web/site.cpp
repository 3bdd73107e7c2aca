#include "web/site.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <optional>

#include "core/input_error.hpp"
#include "core/text.hpp"
#include "web/assets.hpp"
#include "web/live_json.hpp"
#include "web/pages.hpp"
#include "web/password.hpp"
#include "web/request_text.hpp"

namespace chairhub::web {

using nlohmann::ordered_json;

struct Site::Call {
  const Request& request;
  const std::string& peer;
  std::string path;
  std::string query;
  std::optional<Session> session;
  bool get() const { return request.method() == http::verb::get || request.method() == http::verb::head; }
  bool post() const { return request.method() == http::verb::post; }
};

namespace {

constexpr std::string_view kCookie = "chairhub_session";
constexpr std::string_view kNoPassword =
    "Changing the chair from this page needs a password: run `sudo chairhub hash-password`, put the line it prints "
    "under [web] in the config, and restart chairhubd.";

// Beast's own string_view (Boost's before 1.81), as the standard's.
std::string_view std_view(boost::beast::string_view s) { return {s.data(), s.size()}; }

Reply reply(Response res) { return {std::move(res), false}; }

// A request's own bytes may come back in a message: ones that are not UTF-8 are replaced, not
// thrown over.
Reply json_reply(http::status status, const ordered_json& body) {
  return reply(make_response(status, "application/json", body.dump(-1, ' ', false, ordered_json::error_handler_t::replace)));
}

Reply outcome_reply(const Outcome& o, http::status failed = http::status::conflict) {
  return json_reply(o.ok ? http::status::ok : failed, {{"ok", o.ok}, {"message", o.message}});
}

Reply refused(http::status status, const std::string& why) { return outcome_reply({false, why}, status); }

Reply html_reply(http::status status, std::string html) {
  Response res = make_response(status, "text/html; charset=utf-8", std::move(html));
  // Only the page's own files; no inline script; never inside another site's frame.
  res.set("Content-Security-Policy",
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
          "frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
  res.set("X-Frame-Options", "DENY");
  res.set("Referrer-Policy", "same-origin");  // "no-referrer" would make the browser send Origin: null
  return reply(std::move(res));
}

Reply redirect(const std::string& to) {
  Response res = make_response(http::status::see_other, "text/plain; charset=utf-8", "");
  res.set(http::field::location, to);
  return reply(std::move(res));
}

// Sent only to this site, never to scripts, never along with another site's request.
std::string session_cookie(const std::string& token, long max_age_s) {
  std::string c(kCookie);
  c.append("=").append(token).append("; Path=/; HttpOnly; SameSite=Strict; Max-Age=").append(std::to_string(max_age_s));
  return c;
}

std::string_view content_type_of(std::string_view name) {
  if (name.ends_with(".css")) return "text/css; charset=utf-8";
  if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (name.ends_with(".html")) return "text/html; charset=utf-8";
  return "application/octet-stream";
}

std::optional<Guide> guide_named(std::string_view name) {
  if (name == "chair") return Guide::chair;
  if (name == "postures") return Guide::postures;
  return std::nullopt;
}

// A change must come from this page: when the browser says where from, it must be here.
bool same_origin(const Request& request) {
  const auto origin = request.find(http::field::origin);
  if (origin == request.end()) return true;
  const auto host = request.find(http::field::host);
  if (host == request.end()) return false;
  const std::string_view o = std_view(origin->value());
  const std::string_view h = std_view(host->value());
  return o == "http://" + std::string(h) || o == "https://" + std::string(h);
}

}  // namespace

Site::Site(WebConfig config, ChairPort& chair, std::function<double()> steady_now)
    : config_(std::move(config)), chair_(chair), now_(std::move(steady_now)), sessions_(config_.session_hours * 3600) {}

Reply Site::handle(const Request& request, const std::string& peer) {
  const std::string_view target = std_view(request.target());
  if (target.empty() || target.front() != '/') return refused(http::status::bad_request, "the request names no path");
  const std::size_t q = target.find('?');
  Call call{request, peer, std::string(target.substr(0, q)),
            q == std::string_view::npos ? std::string() : std::string(target.substr(q + 1)), std::nullopt};
  if (auto token = cookie_value(std_view(request[http::field::cookie]), kCookie)) call.session = sessions_.find(*token, now_());
  try {
    return route(call);
  } catch (const std::exception& e) {  // the last resort: a request never ends the daemon
    return reply(make_response(http::status::internal_server_error, "text/plain; charset=utf-8",
                               std::string("the chair could not answer this request: ") + e.what() + "\n"));
  }
}

Reply Site::route(Call& call) {
  const std::string& path = call.path;
  if (path.starts_with("/static/") && call.get()) {
    const auto file = embedded_file(std::string_view(path).substr(8));
    if (!file || path.ends_with(".html")) return refused(http::status::not_found, "no such file: " + path);
    return reply(make_response(http::status::ok, std::string(content_type_of(path)), std::string(*file)));
  }
  if (path == "/login") return login(call);
  if (path == "/logout" && call.post()) return logout(call);
  if (config_.has_password() && !call.session) {
    if (path.starts_with("/api/")) return refused(http::status::unauthorized, "log in first");
    return redirect("/login");
  }
  if (path.starts_with("/api/")) {
    const std::string what = path.substr(5);
    if (call.get()) return api_get(call, what);
    if (call.post()) return api_change(call, what);
    return refused(http::status::method_not_allowed, path + " takes GET or POST");
  }
  if (!call.get()) return refused(http::status::method_not_allowed, path + " takes GET only");
  if (path == "/") return page(call, "Live", std::string(*embedded_file("live.html")));
  if (path == "/setup") return page(call, "Set-up", std::string(*embedded_file("setup.html")));
  if (path == "/settings") return page(call, "Settings", settings_body(chair_.settings()));
  if (path == "/history") {
    const auto day = query_value(call.query, "day");
    const auto week = query_value(call.query, "week");
    try {
      return page(call, "History", history_body(chair_.history_file(), week ? *week : day.value_or(""), week.has_value()));
    } catch (const InputError& e) {
      return page(call, "History", "<h1>History</h1><p class=\"message bad\">" + html_escaped(e.what()) + "</p>",
                  http::status::bad_request);
    } catch (const std::runtime_error& e) {  // the history file unreadable: said, the page stays
      return page(call, "History", "<h1>History</h1><p class=\"message bad\">" + html_escaped(e.what()) + "</p>");
    }
  }
  return page(call, "Not found", "<h1>Not found</h1><p>No page " + html_escaped(path) + " here.</p>",
              http::status::not_found);
}

Reply Site::page(Call& call, const std::string& title, const std::string& body, http::status status) {
  Frame frame{title, call.path, call.session ? call.session->csrf : "", call.session.has_value(),
              config_.has_password() && call.session.has_value(), config_.has_password() ? "" : std::string(kNoPassword)};
  return html_reply(status, page_html(frame, body));
}

Reply Site::login(Call& call) {
  if (!config_.has_password()) return redirect("/");
  if (call.get()) return html_reply(http::status::ok, login_html(""));
  if (!call.post()) return refused(http::status::method_not_allowed, "/login takes GET or POST");
  if (!same_origin(call.request)) return html_reply(http::status::forbidden, login_html("Log in from this chair's own page."));
  const double now = now_();
  if (const double wait = sessions_.wait_before_login(call.peer, now); wait > 0)
    return html_reply(http::status::too_many_requests,
                      login_html("Too many wrong passwords: try again in " + std::to_string(int(std::ceil(wait))) + " s."));
  const auto password = form_value(call.request.body(), "password");
  if (!password || !password_matches(*password, config_.password_hash)) {
    sessions_.login_failed(call.peer, now);
    return html_reply(http::status::unauthorized, login_html("That is not this chair's password."));
  }
  sessions_.login_succeeded(call.peer);
  const Session s = sessions_.open(now);
  Reply r = redirect("/");
  r.response.set(http::field::set_cookie, session_cookie(s.token, static_cast<long>(config_.session_hours * 3600)));
  return r;
}

Reply Site::logout(Call& call) {
  if (!same_origin(call.request)) return refused(http::status::forbidden, "log out from this chair's own page");
  if (call.session) sessions_.close(call.session->token);
  Reply r = redirect(config_.has_password() ? "/login" : "/");
  r.response.set(http::field::set_cookie, session_cookie("", 0));
  return r;
}

Reply Site::api_get(Call& call, const std::string& what) {
  (void)call;
  if (what == "live") return {make_response(http::status::ok, "text/event-stream", ""), true};
  if (what == "state") return json_reply(http::status::ok, live_json(chair_.live()));
  if (what == "wiring") return json_reply(http::status::ok, wiring_json(chair_.wiring()));
  if (what == "profiles") return json_reply(http::status::ok, profiles_json(chair_.profiles()));
  if (what.starts_with("guide/"))
    if (auto guide = guide_named(std::string_view(what).substr(6))) return json_reply(http::status::ok, guide_json(chair_.guide(*guide)));
  return refused(http::status::not_found, "no such API: /api/" + what);
}

Reply Site::api_change(Call& call, const std::string& what) {
  if (!config_.has_password()) return refused(http::status::forbidden, std::string(kNoPassword));
  const auto token = call.request.find("X-CSRF-Token");
  if (!same_origin(call.request) || token == call.request.end() || std_view(token->value()) != call.session->csrf)
    return refused(http::status::forbidden, "this change did not come from the chair's page (reload it and try again)");
  if (what == "tare") return outcome_reply(chair_.tare());
  if (what == "profile") return profile_change(call);
  if (what.starts_with("guide/")) {
    const std::string_view rest = std::string_view(what).substr(6);
    const std::size_t slash = rest.find('/');
    if (slash != std::string_view::npos)
      if (auto guide = guide_named(rest.substr(0, slash))) return guide_change(call, *guide, std::string(rest.substr(slash + 1)));
  }
  return refused(http::status::not_found, "no such API: /api/" + what);
}

Reply Site::guide_change(Call& call, Guide guide, const std::string& action) {
  const JsonBody body = parse_json_body(call.request.body());
  if (!body.error.empty()) return refused(http::status::bad_request, body.error);
  if (action == "start") {
    const bool chair = guide == Guide::chair;
    if (auto problem = chair ? body.check_keys({"kg"}) : body.check_keys({"profile"}); !problem.empty())
      return refused(http::status::bad_request, problem);
    const auto kg = body.number("kg", 1, 200);
    if (chair && !kg) return refused(http::status::bad_request, "kg: the known weight, a number of kilograms from 1 to 200");
    const auto profile = body.text("profile", 64);
    if (body.object.contains("profile") && !profile)
      return refused(http::status::bad_request, "profile: a sitter's name, as text of at most 64 characters");
    return outcome_reply(chair_.start_guide(guide, kg.value_or(0), profile.value_or("")));
  }
  if (auto problem = body.check_keys({}); !problem.empty()) return refused(http::status::bad_request, problem);
  if (action == "ready") return outcome_reply(chair_.guide_step_ready(guide));
  if (action == "cancel") {
    chair_.cancel_guide(guide);
    return outcome_reply({true, "cancelled; nothing was changed"});
  }
  return refused(http::status::not_found, "no such step: " + action + " (start, ready or cancel)");
}

Reply Site::profile_change(Call& call) {
  const JsonBody body = parse_json_body(call.request.body());
  if (!body.error.empty()) return refused(http::status::bad_request, body.error);
  if (auto problem = body.check_keys({"name"}); !problem.empty()) return refused(http::status::bad_request, problem);
  const auto name = body.text("name", 64);
  if (!name) return refused(http::status::bad_request, "name: a sitter's name, as text of at most 64 characters");
  return outcome_reply(chair_.select_profile(*name));
}

}  // namespace chairhub::web
