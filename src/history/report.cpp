#include "history/report.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "core/text.hpp"

namespace chairhub {
namespace {

// "3 h 05 min", "12 min", "0 min".
std::string duration(double seconds) {
  const long long minutes = std::llround(std::max(seconds, 0.0) / 60);
  char text[32];
  if (minutes >= 60) std::snprintf(text, sizeof text, "%lld h %02lld min", minutes / 60, minutes % 60);
  else std::snprintf(text, sizeof text, "%lld min", minutes);
  return text;
}

std::string percent(double part, double whole) {
  return std::to_string(whole > 0 ? std::llround(100 * part / whole) : 0) + " %";
}

std::string number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", v);
  return text;
}

// One colour per posture, the same in every picture.
std::string_view colour(std::string_view posture) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kColours = {{
      {"upright", "#2e7d32"},
      {"slouching", "#c62828"},
      {"leaning_left", "#ef6c00"},
      {"leaning_right", "#f9a825"},
      {"leaning_forward", "#6a1b9a"},
      {"reclined", "#1565c0"},
      {"other", "#757575"},
  }};
  for (const auto& [name, c] : kColours)
    if (name == posture) return c;
  return "#9e9e9e";
}

double total_posture_s(const DaySummary& day) {
  double total = 0;
  for (const auto& [name, s] : day.posture_s) total += s;
  return total;
}

}  // namespace

std::string day_text(const DaySummary& day) {
  std::string out = day.date + "\n";
  out += "  seated                  " + duration(day.seated_s) + "\n";
  out += "  longest without a break " + duration(day.longest_stretch_s) + "\n";
  out += "  breaks taken / due      " + std::to_string(day.breaks_taken) + " / " + std::to_string(day.breaks_due) + "\n";
  const double postured = total_posture_s(day);
  if (postured > 0) {
    out += "  posture\n";
    for (const auto& [name, s] : day.posture_s) {
      char line[96];
      std::snprintf(line, sizeof line, "    %-18s %5s  %s\n", name.c_str(), percent(s, postured).c_str(), duration(s).c_str());
      out += line;
    }
  }
  int nudges = 0;
  std::string by_reason;
  for (const auto& [reason, n] : day.nudges) {
    nudges += n;
    by_reason += (by_reason.empty() ? "" : ", ") + std::to_string(n) + " " + reason;
  }
  out += "  nudges                  " + std::to_string(nudges) + (by_reason.empty() ? "" : " (" + by_reason + ")") + "\n";
  return out;
}

std::string week_text(const std::vector<DaySummary>& week) {
  std::string out = "day          seated      longest     breaks (due)\n";
  for (const auto& d : week) {
    char line[128];
    std::snprintf(line, sizeof line, "%-12s %-11s %-11s %d (%d)\n", d.date.c_str(), duration(d.seated_s).c_str(),
                  duration(d.longest_stretch_s).c_str(), d.breaks_taken, d.breaks_due);
    out += line;
  }
  return out;
}

std::string day_svg(const DaySummary& day) {
  // The hours with something in them, whole hours, at least one.
  double first = day.end, last = day.start;
  for (const auto& i : day.intervals) {
    first = std::min(first, i.start);
    last = std::max(last, i.end);
  }
  for (const auto& m : day.moments) {
    first = std::min(first, m.t);
    last = std::max(last, m.t);
  }
  if (first >= last) first = day.start, last = day.start + 3600;
  const double from = day.start + std::floor((first - day.start) / 3600) * 3600;
  const double to = std::min(day.end, day.start + std::ceil((last - day.start) / 3600) * 3600);
  const double left = 90, width = 840, span = std::max(to - from, 3600.0);
  const auto x = [&](double t) { return number(left + width * (t - from) / span); };
  const auto w = [&](double a, double b) { return number(std::max(width * (b - a) / span, 0.5)); };

  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"960\" height=\"190\" viewBox=\"0 0 960 190\" "
                    "font-family=\"sans-serif\" font-size=\"12\" role=\"img\" aria-label=\"" + day.date + "\">\n";
  svg += "<title>" + day.date + ": seated " + duration(day.seated_s) + "</title>\n";
  const std::array<std::pair<IntervalKind, const char*>, 4> rows = {{{IntervalKind::sitting, "seated"},
                                                                     {IntervalKind::posture, "posture"},
                                                                     {IntervalKind::break_, "breaks"},
                                                                     {IntervalKind::fault, "sensor faults"}}};
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const std::string y = std::to_string(20 + 30 * r);
    svg += "<text x=\"0\" y=\"" + std::to_string(36 + 30 * r) + "\">" + rows[r].second + "</text>\n";
    for (const auto& i : day.intervals) {
      if (i.kind != rows[r].first) continue;
      const std::string fill = i.kind == IntervalKind::posture  ? std::string(colour(i.name))
                               : i.kind == IntervalKind::break_ ? "#00897b"
                               : i.kind == IntervalKind::fault  ? "#b71c1c"
                                                                : "#455a64";
      const std::string title = html_escaped(i.name.empty() ? rows[r].second : i.name) + " " + duration(i.end - i.start);
      svg += "<rect x=\"" + x(i.start) + "\" y=\"" + y + "\" width=\"" + w(i.start, i.end) + "\" height=\"22\" fill=\"";
      svg += fill;
      svg += "\"><title>" + title + "</title></rect>\n";
    }
  }
  for (const auto& m : day.moments) {
    const bool nudge = m.kind == MomentKind::nudge;
    svg += "<line x1=\"" + x(m.t) + "\" x2=\"" + x(m.t) + "\" y1=\"140\" y2=\"152\" stroke=\"" +
           (nudge ? "#ff6f00" : "#00897b") + "\" stroke-width=\"2\"><title>" + (nudge ? "nudge: " + html_escaped(m.name) : "break due") +
           "</title></line>\n";
  }
  svg += "<text x=\"0\" y=\"150\">nudges</text>\n";
  const auto first_hour = std::llround((from - day.start) / 3600), last_hour = std::llround((to - day.start) / 3600);
  for (long long hour = first_hour; hour <= last_hour; ++hour) {
    const double h = day.start + static_cast<double>(hour) * 3600;
    svg += "<text x=\"" + x(h) + "\" y=\"175\" text-anchor=\"middle\">" + std::to_string(hour) + ":00</text>\n";
  }
  svg += "</svg>\n";
  return svg;
}

std::string week_svg(const std::vector<DaySummary>& week) {
  double most = 3600;
  for (const auto& d : week) most = std::max(most, d.seated_s);
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"220\" viewBox=\"0 0 600 220\" "
                    "font-family=\"sans-serif\" font-size=\"12\" role=\"img\" aria-label=\"the week\">\n";
  for (std::size_t i = 0; i < week.size(); ++i) {
    const auto& d = week[i];
    const double height = 160 * d.seated_s / most;
    const std::string x = std::to_string(20 + 80 * i);
    svg += "<rect x=\"" + x + "\" y=\"" + number(180 - height) + "\" width=\"50\" height=\"" + number(height) +
           "\" fill=\"#455a64\"><title>" + d.date + ": seated " + duration(d.seated_s) + ", " +
           std::to_string(d.breaks_taken) + " of " + std::to_string(d.breaks_due) + " breaks</title></rect>\n";
    svg += "<text x=\"" + std::to_string(45 + 80 * i) + "\" y=\"198\" text-anchor=\"middle\">" + d.date.substr(5) +
           "</text>\n";
    svg += "<text x=\"" + std::to_string(45 + 80 * i) + "\" y=\"214\" text-anchor=\"middle\">" +
           number(d.seated_s / 3600) + " h</text>\n";
  }
  svg += "</svg>\n";
  return svg;
}

std::string report_html(const std::vector<DaySummary>& days) {
  if (days.empty()) return {};
  const DaySummary& day = days.back();
  std::string html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>chairhub: " + day.date +
                     "</title>\n<style>body{font-family:sans-serif;max-width:980px;margin:1em auto}"
                     "pre{background:#f5f5f5;padding:.5em}</style></head><body>\n";
  if (days.size() > 1) {
    html += "<h1>The week to " + day.date + "</h1>\n" + week_svg(days) + "<pre>" + html_escaped(week_text(days)) + "</pre>\n";
  }
  html += "<h1>" + day.date + "</h1>\n" + day_svg(day) + "<pre>" + html_escaped(day_text(day)) + "</pre>\n</body></html>\n";
  return html;
}

}  // namespace chairhub
