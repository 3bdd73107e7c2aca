#pragma once
// The page's routes: who may see and do what, and the answer to every request. With no
// password set, everything can be seen (the server then listens on the loopback only) and
// nothing changed; with one, every page wants a login, and each change also the session's token
// against cross-site requests. Bad requests get 4xx with what was wrong, in words.
//
//   GET  /  /setup  /history[?day=D|?week=D]  /settings  /login   the pages
//   GET  /static/NAME                                             stylesheet and scripts
//   GET  /api/live                                                the live view (event stream)
//   GET  /api/state  /api/wiring  /api/guide/{chair|postures}     JSON
//   POST /login  /logout
//   POST /api/tare  /api/guide/{chair|postures}/{start|ready|cancel}   changes (JSON in and out)
#include <functional>
#include <string>

#include "web/chair_port.hpp"
#include "web/http_server.hpp"
#include "web/sessions.hpp"
#include "web/web_config.hpp"

namespace chairhub::web {

class Site {
 public:
  // `steady_now`: seconds of a monotonic clock, for sessions and login delays.
  Site(WebConfig config, ChairPort& chair, std::function<double()> steady_now);

  Reply handle(const Request& request, const std::string& peer);

 private:
  struct Call;
  Reply route(Call& call);
  Reply page(Call& call, const std::string& title, const std::string& body, http::status status = http::status::ok);
  Reply login(Call& call);
  Reply logout(Call& call);
  Reply api_get(Call& call, const std::string& what);
  Reply api_change(Call& call, const std::string& what);
  Reply guide_change(Call& call, Guide guide, const std::string& action);

  WebConfig config_;
  ChairPort& chair_;
  std::function<double()> now_;
  SessionStore sessions_;
};

}  // namespace chairhub::web
