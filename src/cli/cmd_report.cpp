// chairhub report: a day or a week of the history, on the terminal, as SVG or as an HTML page.
#include <cstdio>
#include <fstream>
#include <memory>

#include "cli/commands.hpp"
#include "core/input_error.hpp"
#include "history/report.hpp"

namespace chairhub::cli {
namespace {

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out.flush()) throw InputError(path, 0, "cannot write the report");
}

}  // namespace

void add_report(CLI::App& app, int& status) {
  struct Args {
    std::string history = "/var/lib/chairhub/history.sqlite";
    std::string day, svg, html;
    bool week = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("report", "how you sat: a day or a week from the chair's history");
  cmd->footer(
      "Examples:\n"
      "  chairhub report                                   today, from chairhubd's history\n"
      "  chairhub report --day 2026-11-30 --svg day.svg    a day's timeline as a picture\n"
      "  chairhub report --week --html week.html           the week to today, as a page\n"
      "  chairhub replay monday.csv --history h.sqlite --start 2026-11-30T09:00 >/dev/null &&\n"
      "    chairhub report --history h.sqlite --day 2026-11-30");
  cmd->add_option("--history", args->history, "the history file (chairhubd keeps it in its state folder)")
      ->capture_default_str();
  cmd->add_option("--day", args->day, "the day, YYYY-MM-DD (default: today)");
  cmd->add_flag("--week", args->week, "the seven days to --day, with a bar for each");
  cmd->add_option("--svg", args->svg, "also write the picture (the day's timeline, or the week's bars) to FILE");
  cmd->add_option("--html", args->html, "also write a page with the pictures and the figures to FILE");
  cmd->callback([args, &status] {
    std::error_code ec;
    if (!std::filesystem::exists(args->history, ec))
      throw InputError(args->history, 0, "no history here (chairhubd writes one; `chairhub replay LOG --history FILE` too)");
    HistoryDb db({.file = args->history, .read_only = true}, stderr_logger());
    const std::string day = args->day.empty() ? local_date(wall_seconds()) : args->day;
    std::vector<DaySummary> days;
    if (args->week) days = summarize_week(db, day);
    else days.push_back(summarize_day(db, day));
    std::fputs((args->week ? week_text(days) + "\n" : std::string()).c_str(), stdout);
    std::fputs(day_text(days.back()).c_str(), stdout);
    if (!args->svg.empty()) write_file(args->svg, args->week ? week_svg(days) : day_svg(days.back()));
    if (!args->html.empty()) write_file(args->html, report_html(days));
    status = 0;
  });
}

}  // namespace chairhub::cli
