#pragma once
// The history's summaries as a person reads them: lines for the terminal, an SVG timeline of a
// day (sittings, postures, breaks, nudges) and a week's bars, and one self-contained HTML page
// with both. `chairhub report` prints them; the chair's page will show the same pictures.
#include <string>
#include <vector>

#include "history/summary.hpp"

namespace chairhub {

std::string day_text(const DaySummary& day);
std::string week_text(const std::vector<DaySummary>& week);
std::string day_svg(const DaySummary& day);
std::string week_svg(const std::vector<DaySummary>& week);
// The days given (one: that day; seven: the week and its last day's timeline).
std::string report_html(const std::vector<DaySummary>& days);

}  // namespace chairhub
