#pragma once
// The page's HTML: the frame every page shares (title, menu, the session's token for scripts)
// around each page's body. Live and set-up are static bodies (assets/) that their scripts fill
// in; history, settings and the login are made here, on the server.
#include <string>
#include <string_view>
#include <vector>

#include "web/chair_port.hpp"

namespace chairhub::web {

struct Frame {
  std::string title;
  std::string path;   // the menu entry shown as current ("/", "/setup", ...)
  std::string csrf;   // the session's token; empty without a session
  bool logged_in = false;
  bool can_change = false;  // a password is set and this is a session
  std::string locked_why;   // why not, for the set-up page
};

std::string page_html(const Frame& frame, std::string_view body);
std::string login_html(const std::string& error);

// The history's day (`date` "YYYY-MM-DD", local time) or the week that ends with it: the same
// figures and pictures as `chairhub report`. Throws InputError for a date that is not one.
std::string history_body(const std::string& history_file, const std::string& date, bool week);
std::string settings_body(const std::vector<SettingRow>& rows);

}  // namespace chairhub::web
