#include "web/pages.hpp"

#include <array>
#include <cstdio>
#include <filesystem>

#include "core/log.hpp"
#include "core/pacing.hpp"
#include "core/text.hpp"
#include "history/report.hpp"
#include "history/summary.hpp"

namespace chairhub::web {
namespace {

std::string head(const std::string& title, const std::string& csrf) {
  return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<meta name=\"csrf\" content=\"" + html_escaped(csrf) + "\">"
         "<title>" + html_escaped(title) + " - chairhub</title>"
         "<link rel=\"stylesheet\" href=\"/static/style.css\"></head>\n";
}

// The date `days` after `date` (negative: before), local time.
std::string shifted(const std::string& date, int days) {
  const auto t = parse_local_time(date);
  if (!t) return date;
  return local_date(*t + 12 * 3600 + days * 86400.0);  // noon: a DST change moves it an hour only
}

}  // namespace

std::string page_html(const Frame& frame, std::string_view body) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kMenu{
      {{"/", "Live"}, {"/setup", "Set-up"}, {"/history", "History"}, {"/settings", "Settings"}}};
  std::string html = head(frame.title, frame.csrf);
  html += "<body data-can-change=\"" + std::string(frame.can_change ? "1" : "0") + "\" data-locked-why=\"" +
          html_escaped(frame.locked_why) + "\">\n<header><span class=\"brand\">chairhub</span><nav>";
  for (const auto& [path, name] : kMenu)
    html += "<a href=\"" + std::string(path) + "\"" + (path == frame.path ? " class=\"here\"" : "") + ">" +
            std::string(name) + "</a>";
  html += "</nav>";
  if (frame.logged_in) html += "<form method=\"post\" action=\"/logout\"><button class=\"quiet\">Log out</button></form>";
  html += "</header>\n<main>\n";
  html += body;
  html += "</main>\n</body></html>\n";
  return html;
}

std::string login_html(const std::string& error) {
  std::string html = head("Log in", "");
  html += "<body><main class=\"login card\"><h1>chairhub</h1><form method=\"post\" action=\"/login\">"
          "<label for=\"password\">This chair's password</label>"
          "<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" autofocus required>"
          "<button>Log in</button></form>";
  if (!error.empty()) html += "<p class=\"message bad\" id=\"login-error\">" + html_escaped(error) + "</p>";
  html += "</main></body></html>\n";
  return html;
}

std::string history_body(const std::string& history_file, const std::string& date, bool week) {
  std::string html = "<h1>History</h1>\n";
  if (history_file.empty())
    return html + "<p class=\"message\">No history is kept: set <code>[history] enabled = true</code> in the config.</p>\n";
  if (!std::filesystem::exists(history_file))
    return html + "<p class=\"message\">Nothing recorded yet: the history starts with the first sitting.</p>\n";
  const std::string day = date.empty() ? local_date(wall_seconds()) : date;
  HistoryDb db({.file = history_file, .read_only = true}, or_silent({}));
  const std::string q = week ? "?week=" : "?day=";
  html += "<p><a href=\"/history" + q + shifted(day, week ? -7 : -1) + "\">&larr; earlier</a> &nbsp; ";
  html += week ? "<a href=\"/history?day=" + day + "\">the day</a>" : "<a href=\"/history?week=" + day + "\">the week</a>";
  html += " &nbsp; <a href=\"/history" + q + shifted(day, week ? 7 : 1) + "\">later &rarr;</a></p>\n";
  if (week) {
    const auto days = summarize_week(db, day);
    html += "<section class=\"card\" id=\"week\"><h2>The week to " + html_escaped(day) + "</h2>" + week_svg(days) +
            "<pre>" + html_escaped(week_text(days)) + "</pre></section>\n";
  } else {
    const DaySummary summary = summarize_day(db, day);
    html += "<section class=\"card\" id=\"day\"><h2>" + html_escaped(day) + "</h2>" + day_svg(summary) + "<pre>" +
            html_escaped(day_text(summary)) + "</pre></section>\n";
  }
  return html;
}

std::string settings_body(const std::vector<SettingRow>& rows) {
  std::string html =
      "<h1>Settings</h1>\n<p class=\"muted\">Shown, not changed, here: each is changed where the last column says, "
      "then <code>sudo systemctl reload chairhubd</code> takes the config file up again.</p>\n"
      "<section class=\"card\"><table id=\"settings\"><thead><tr><th>Setting</th><th>Value</th><th>Where to change it</th>"
      "</tr></thead><tbody>\n";
  for (const auto& r : rows)
    html += "<tr><td>" + html_escaped(r.name) + "</td><td>" + html_escaped(r.value) + "</td><td class=\"muted\">" +
            html_escaped(r.where) + "</td></tr>\n";
  return html + "</tbody></table></section>\n";
}

}  // namespace chairhub::web
