// The report's text and pictures from a summary made by hand.
#include <gtest/gtest.h>

#include "history/report.hpp"

namespace chairhub {
namespace {

DaySummary a_day() {
  DaySummary d;
  d.date = "2026-11-30";
  d.start = 1764457200;  // any midnight: the pictures work relative to it
  d.end = d.start + 86400;
  d.seated_s = 3 * 3600 + 5 * 60;
  d.longest_stretch_s = 55 * 60;
  d.breaks_taken = 2;
  d.breaks_due = 3;
  d.posture_s = {{"upright", 9000}, {"slouching", 3000}};
  d.nudges = {{"lumbar", 2}, {"break", 1}};
  d.intervals = {{IntervalKind::sitting, d.start + 9 * 3600, d.start + 10 * 3600, "", "", 0},
                 {IntervalKind::posture, d.start + 9 * 3600, d.start + 10 * 3600, "upright", "", 0},
                 {IntervalKind::fault, d.start + 9.5 * 3600, d.start + 9.6 * 3600, "<foot>", "missing", 0}};
  d.moments = {{MomentKind::nudge, d.start + 9.2 * 3600, "lumbar"}};
  return d;
}

TEST(Report, TheDayInWords) {
  const std::string text = day_text(a_day());
  EXPECT_NE(text.find("seated                  3 h 05 min"), std::string::npos) << text;
  EXPECT_NE(text.find("breaks taken / due      2 / 3"), std::string::npos) << text;
  EXPECT_NE(text.find("upright             75 %"), std::string::npos) << text;
  EXPECT_NE(text.find("nudges                  3 (1 break, 2 lumbar)"), std::string::npos) << text;
}

TEST(Report, PicturesDrawTheHoursWithSomethingInThemAndEscapeNames) {
  const std::string svg = day_svg(a_day());
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_NE(svg.find(">9:00<"), std::string::npos) << svg;
  EXPECT_NE(svg.find(">10:00<"), std::string::npos) << svg;
  EXPECT_EQ(svg.find(">8:00<"), std::string::npos) << svg;
  EXPECT_NE(svg.find("&lt;foot&gt;"), std::string::npos) << svg;
  EXPECT_EQ(svg.find("<foot>"), std::string::npos) << svg;
  const std::vector<DaySummary> week(7, a_day());
  EXPECT_NE(week_svg(week).find("3.1 h"), std::string::npos);
  const std::string html = report_html(week);
  EXPECT_NE(html.find("<h1>The week to 2026-11-30</h1>"), std::string::npos);
  EXPECT_NE(html.find("</html>"), std::string::npos);
}

}  // namespace
}  // namespace chairhub
