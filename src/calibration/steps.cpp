#include "calibration/steps.hpp"

#include <algorithm>
#include <cstdio>

#include "core/input_error.hpp"

namespace chairhub {
namespace {

// "front-left corner", from a seat cell's position.
std::string seat_spot(const Channel& ch) {
  const std::string fb = ch.y > 0 ? "front" : ch.y < 0 ? "back" : "";
  const std::string lr = ch.x < 0 ? "left" : ch.x > 0 ? "right" : "";
  if (fb.empty() && lr.empty()) return "middle";
  if (fb.empty() || lr.empty()) return fb + lr + " edge";
  return fb + "-" + lr + " corner";
}

std::string pad_spot(const Channel& ch) {
  const std::string side = ch.x < 0 ? ", left" : ch.x > 0 ? ", right" : "";
  return (ch.role == Role::back ? "backrest" : "foot pad") + side;
}

std::vector<std::string> names_of(const ChannelLayout& layout, const std::vector<std::size_t>& slots) {
  std::vector<std::string> out;
  out.reserve(slots.size());
  for (std::size_t s : slots) out.push_back(layout.channels[s].name);
  return out;
}

}  // namespace

CalibrationPlan plan_calibration(const ChannelLayout& layout, const std::vector<std::string>& unwired,
                                 const std::string& config_path, const std::function<void(const Channel&)>& skipped) {
  CalibrationPlan p;
  for (std::size_t i = 0; i < layout.size(); ++i) {
    const Channel& ch = layout.channels[i];
    const bool wired = std::find(unwired.begin(), unwired.end(), ch.name) == unwired.end();
    if (ch.role == Role::seat && !wired) {
      throw InputError(config_path, 0, "seat cell " + ch.name + " is not wired in [hardware]; calibration needs every seat cell");
    }
    if (!wired) {
      skipped(ch);
      continue;
    }
    (ch.role == Role::seat ? p.seats : p.pads).push_back(i);
  }
  return p;
}

FullCalibration::FullCalibration(const ChannelLayout& layout, CalibrationPlan plan, double kg)
    : layout_(layout), plan_(std::move(plan)), kg_(kg) {}

std::string FullCalibration::weight_text() const {
  char weight[32];
  std::snprintf(weight, sizeof weight, "%g kg", kg_);
  return weight;
}

CalibrationStep FullCalibration::empty_step() const {
  CalibrationStep s;
  s.name = s.measuring = "the empty chair";
  s.text = "\n1. Empty the chair: nothing on the seat, nobody touching the backrest or the foot pads.";
  s.slots = plan_.seats;
  s.slots.insert(s.slots.end(), plan_.pads.begin(), plan_.pads.end());
  return s;
}

void FullCalibration::empty_measured(const std::vector<double>& means) { empty_ = means; }

std::vector<CalibrationStep> FullCalibration::weight_steps() const {
  std::vector<CalibrationStep> steps;
  const auto add = [&](const std::string& where, const std::string& text, double x, double y) {
    steps.push_back({where, text, "the weight at the " + where, plan_.seats, kg_, x, y, {}});
  };
  add("centre", "\n2. Put the " + weight_text() + " weight on the middle of the seat and take your hands off.", 0, 0);
  int n = 3;
  for (std::size_t slot : plan_.seats) {
    const Channel& ch = layout_.channels[slot];
    // Over the cell, a little inside the seat's edge, where a weight can rest.
    add(seat_spot(ch) + " (" + ch.name + ")",
        "\n" + std::to_string(n++) + ". Move the weight over the " + seat_spot(ch) + " of the seat, above load cell " +
            ch.name + ", and take your hands off.",
        0.8 * ch.x, 0.8 * ch.y);
  }
  return steps;
}

void FullCalibration::weight_measured(const CalibrationStep& step, const std::vector<double>& means) {
  placements_.push_back({step.name, kg_, means});
}

const ScaleFit& FullCalibration::solve() {
  const std::vector<double> offsets(empty_.begin(), empty_.begin() + static_cast<long>(plan_.seats.size()));
  fit_ = solve_scales(offsets, placements_, names_of(layout_, plan_.seats));
  return fit_;
}

void FullCalibration::check_fit() const {
  if (fit_.worst_kg > 0.1 * kg_) {
    throw InputError("calibrate", 0,
                     "the placements disagree by up to " + std::to_string(fit_.worst_kg) + " kg at the " + fit_.worst_where +
                         ": did something else touch the chair, or the weight slip? Nothing written; run it again");
  }
}

std::vector<CalibrationStep> FullCalibration::pad_steps() const {
  std::vector<CalibrationStep> steps;
  int n = 3 + static_cast<int>(plan_.seats.size());
  for (std::size_t i = 0; i < plan_.pads.size(); ++i) {
    const Channel& ch = layout_.channels[plan_.pads[i]];
    const std::string before = i == 0 ? "Take the weight off the seat. " : "Let go. ";
    steps.push_back({"pressing " + ch.name,
                     "\n" + std::to_string(n++) + ". " + before + "Press the " + ch.name + " pad (" + pad_spot(ch) +
                         ") firmly with your palm and keep pressing until it says done.",
                     ch.name + " pressed", {plan_.pads[i]}, 0, 0, 0, ch.name});
  }
  return steps;
}

void FullCalibration::pad_measured(const CalibrationStep& step, double full) {
  const auto i = static_cast<std::size_t>(std::find(plan_.pads.begin(), plan_.pads.end(), step.slots.front()) - plan_.pads.begin());
  const std::string& name = layout_.channels[plan_.pads[i]].name;
  const PadLevels levels = pad_levels(empty_[plan_.seats.size() + i], full, name);
  pads_[name].empty = levels.empty;
  pads_[name].full = levels.full;
}

CalibrationResult FullCalibration::result(const std::string& timestamp) const {
  CalibrationResult r;
  r.calibration = pads_;
  for (std::size_t i = 0; i < plan_.seats.size(); ++i) {
    ChannelCalibration& c = r.calibration[layout_.channels[plan_.seats[i]].name];
    c.offset = empty_[i];
    c.scale = fit_.scale[i];
  }
  char fit_line[160];
  std::snprintf(fit_line, sizeof fit_line, "known weight %s at the centre and over each of %zu cells; fit %.3f kg rms, worst %.3f kg",
                weight_text().c_str(), plan_.seats.size(), fit_.rms_kg, fit_.worst_kg);
  r.comment = {"chairhub calibration: written by `chairhub calibrate` on " + timestamp, fit_line};
  return r;
}

CalibrationStep tare_step(const CalibrationPlan& plan) {
  CalibrationStep s;
  s.name = s.measuring = "the empty seat";
  s.text = "\nEmpty the seat: nothing and nobody on it.";
  s.slots = plan.seats;
  return s;
}

CalibrationResult tare_result(Calibration earlier, const ChannelLayout& layout, const CalibrationPlan& plan,
                              const std::vector<double>& means, const std::string& timestamp) {
  CalibrationResult r{std::move(earlier), {}};
  for (const auto& [name, tared] : tare_offsets(layout, plan.seats, means)) r.calibration[name].offset = tared.offset;
  r.comment = {"chairhub calibration: offsets from `chairhub calibrate --tare` on " + timestamp,
               "scales and pad levels as the last full calibration left them"};
  return r;
}

}  // namespace chairhub
