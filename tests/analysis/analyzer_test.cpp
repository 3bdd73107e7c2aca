#include "analysis/analyzer.hpp"
#include "events/event_json.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace chairhub {
namespace {

// What a sitter does to the chair: total seat load at a centre of pressure, backrest and foot
// pad contact. Values are calibrated units.
struct Pose {
  double seat_kg = 0;
  double x = 0, y = 0;
  double lumbar = 0;
  double feet = 0;
};

Pose empty_chair() { return {}; }
Pose pose(Posture p, double seat_kg, double off_x = 0, double off_y = 0) {
  Pose s{seat_kg, off_x, off_y, 0.55, 0.65};
  switch (p) {
    case Posture::upright: break;
    case Posture::slouching: s.y += 0.12; s.lumbar = 0.03; break;
    case Posture::leaning_left: s.x -= 0.42; s.lumbar = 0.3; break;
    case Posture::leaning_right: s.x += 0.42; s.lumbar = 0.3; break;
    case Posture::leaning_forward: s.y += 0.5; s.lumbar = 0; s.feet = 0.85; break;
    case Posture::reclined: s.y -= 0.32; s.lumbar = 0.85; break;
    case Posture::other: break;
  }
  return s;
}

// Drives an Analyzer at 10 Hz with synthetic samples. Every reading carries a tiny jitter (as
// real sensor noise does) so that no channel looks stuck; a pad with no contact reads exactly 0.
class Chair {
 public:
  explicit Chair(ChannelLayout layout = ChannelLayout::standard(), Units units = Units::calibrated,
                 AnalysisConfig cfg = {})
      : cfg_(std::move(cfg)), layout_(std::move(layout)), units_(units), analyzer_(cfg_, layout_, units_) {}

  // Holds a pose for `seconds`, with some channels' readings replaced by fixed values.
  void hold(const Pose& p, double seconds, const std::vector<std::pair<std::size_t, double>>& overrides) {
    const int n = static_cast<int>(std::lround(seconds * 10));
    for (int k = 0; k < n; ++k) {
      Sample s = sample(p);
      for (const auto& [channel, value] : overrides) s.values[channel] = value;
      analyzer_.update(s, events_);
      ++i_;
    }
  }
  void hold(const Pose& p, double seconds) { hold(p, seconds, {}); }
  void hold(const Pose& p, double seconds, std::size_t channel, double value) { hold(p, seconds, {{channel, value}}); }

  double t() const { return skipped_ + i_ / 10.0; }
  // The samples' time jumps forward (a recorder that paused).
  void jump(double seconds) { skipped_ += seconds; }
  Analyzer& analyzer() { return analyzer_; }
  const ChairState& state() const { return analyzer_.state(); }
  const std::vector<Event>& events() const { return events_; }
  std::vector<Event> of(EventType type) const {
    std::vector<Event> out;
    for (const auto& e : events_)
      if (e.type() == type) out.push_back(e);
    return out;
  }
  std::vector<std::string> postures() const {
    std::vector<std::string> out;
    for (const auto& e : of(EventType::posture)) out.push_back(to_json(e)["posture"].get<std::string>());
    return out;
  }

 private:
  Sample sample(const Pose& p) const {
    Sample s;
    s.t = t();
    for (std::size_t c = 0; c < layout_.size(); ++c) {
      const Channel& ch = layout_.channels[c];
      const double jitter = static_cast<double>(static_cast<int>((i_ + c) % 3) - 1);  // -1, 0, 1
      double v = 0;
      if (ch.role == Role::seat) {
        v = p.seat_kg * (1 + ch.x * p.x) / 2 * (1 + ch.y * p.y) / 2 + 0.002 * jitter;
        if (units_ == Units::raw) v = std::round(v / ch.scale + ch.offset) + jitter;
      } else {
        const double contact = ch.role == Role::back ? p.lumbar : p.feet;
        v = contact > 0 ? contact + 0.001 * jitter : 0.0;
        if (units_ == Units::raw) v = std::round(ch.empty + v * (ch.full - ch.empty)) + jitter;
      }
      s.values.push_back(v);
    }
    return s;
  }

  AnalysisConfig cfg_;
  ChannelLayout layout_;
  Units units_;
  Analyzer analyzer_;
  std::vector<Event> events_;
  int i_ = 0;
  double skipped_ = 0;
};

constexpr double kAdult = 60;  // seat load of a 75 kg sitter

TEST(Analyzer, EmptyChairRaisesNothing) {
  Chair chair;
  chair.hold(empty_chair(), 60);
  EXPECT_TRUE(chair.events().empty());
  EXPECT_FALSE(chair.state().occupied);
}

TEST(Analyzer, SeatedAndStoodUpAfterDebounce) {
  Chair chair;
  chair.hold(empty_chair(), 5);
  chair.hold(pose(Posture::upright, kAdult), 20);
  chair.hold(empty_chair(), 10);
  const auto seated = chair.of(EventType::seated);
  const auto stood = chair.of(EventType::stood_up);
  ASSERT_EQ(seated.size(), 1u);
  ASSERT_EQ(stood.size(), 1u);
  EXPECT_GE(seated[0].t, 7.0);  // sat at 5, debounce 2 s
  EXPECT_LE(seated[0].t, 7.3);
  EXPECT_GE(stood[0].t, 27.0);  // left at 25; the smoothed load falls under 8 kg within a second
  EXPECT_LE(stood[0].t, 28.5);
  EXPECT_FALSE(chair.state().occupied);
  // No stood_up for the empty start.
  EXPECT_LT(seated[0].t, stood[0].t);
}

TEST(Analyzer, SeatedFromTheFirstSample) {
  Chair chair;
  chair.hold(pose(Posture::upright, kAdult), 5);
  const auto seated = chair.of(EventType::seated);
  ASSERT_EQ(seated.size(), 1u);
  EXPECT_NEAR(seated[0].t, 2.0, 1e-9);
  EXPECT_TRUE(chair.of(EventType::stood_up).empty());
}

TEST(Analyzer, BriefLoadOrLiftIsDebounced) {
  Chair chair;
  chair.hold(empty_chair(), 5);
  chair.hold(pose(Posture::upright, kAdult), 1);  // a bag dropped and lifted
  chair.hold(empty_chair(), 5);
  EXPECT_TRUE(chair.of(EventType::seated).empty());
  chair.hold(pose(Posture::upright, kAdult), 10);
  chair.hold(empty_chair(), 1);  // half-rising to adjust the chair
  chair.hold(pose(Posture::upright, kAdult), 10);
  EXPECT_EQ(chair.of(EventType::seated).size(), 1u);
  EXPECT_TRUE(chair.of(EventType::stood_up).empty());
}

TEST(Analyzer, LoadBetweenThresholdsKeepsTheState) {
  Chair chair;
  chair.hold(pose(Posture::upright, kAdult), 10);
  chair.hold(pose(Posture::upright, 12), 10);  // between off (8) and on (15)
  EXPECT_TRUE(chair.state().occupied);
  EXPECT_TRUE(chair.of(EventType::stood_up).empty());
}

class AnalyzerBodyMass : public ::testing::TestWithParam<double> {};

TEST_P(AnalyzerBodyMass, PostureEvents) {
  const double seat_kg = 0.8 * GetParam();
  Chair chair;
  chair.hold(empty_chair(), 2);
  chair.hold(pose(Posture::upright, seat_kg), 10);
  chair.hold(pose(Posture::leaning_left, seat_kg), 10);
  chair.hold(pose(Posture::leaning_right, seat_kg), 10);
  chair.hold(pose(Posture::leaning_forward, seat_kg), 10);
  chair.hold(pose(Posture::reclined, seat_kg), 10);
  chair.hold(pose(Posture::slouching, seat_kg), 10);
  chair.hold(pose(Posture::upright, seat_kg), 10);
  const std::vector<std::string> want = {"upright",  "leaning_left", "leaning_right", "leaning_forward",
                                         "reclined", "slouching",    "upright"};
  EXPECT_EQ(chair.postures(), want);
  const auto events = chair.of(EventType::posture);
  ASSERT_EQ(events.size(), want.size());
  EXPECT_TRUE(to_json(events[0])["previous"].is_null());
  for (std::size_t i = 1; i < events.size(); ++i) {
    EXPECT_EQ(to_json(events[i])["previous"], want[i - 1]);
    // Reported once the posture has held for the 3 s dwell (plus the smoothing).
    const double segment_start = 2 + 10.0 * static_cast<double>(i);
    EXPECT_GE(events[i].t, segment_start + 3) << want[i];
    EXPECT_LE(events[i].t, segment_start + 5) << want[i];
  }
}

INSTANTIATE_TEST_SUITE_P(Masses, AnalyzerBodyMass, ::testing::Values(45.0, 140.0));

// Regression: the slouch hysteresis was inverted (posture.cpp), so a sitter slouching with the
// weight a little behind the usual place (dy -0.08) flipped slouching <-> upright every dwell time.
TEST(Analyzer, SlouchingSlightlyBackDoesNotFlicker) {
  Chair chair;
  chair.hold(pose(Posture::slouching, kAdult, 0, -0.2), 60);  // y = -0.2 + 0.12 = -0.08
  EXPECT_EQ(chair.postures(), std::vector<std::string>{"slouching"});
}

TEST(Analyzer, FidgetingRaisesNoPosture) {
  Chair chair;
  chair.hold(pose(Posture::upright, kAdult), 10);
  for (int k = 0; k < 10; ++k) {
    chair.hold(pose(Posture::leaning_left, kAdult), 1.5);
    chair.hold(pose(Posture::upright, kAdult), 2);
  }
  EXPECT_EQ(chair.postures(), std::vector<std::string>{"upright"});
}

TEST(Analyzer, OffCentreSitterStaysUprightAfterTheAutoBaseline) {
  Chair chair;
  chair.hold(pose(Posture::upright, kAdult, 0.12), 60);
  const auto baseline = chair.of(EventType::baseline);
  ASSERT_EQ(baseline.size(), 1u);
  EXPECT_EQ(to_json(baseline[0])["source"], "auto");
  EXPECT_NEAR(to_json(baseline[0])["cop_x"].get<double>(), 0.12, 0.01);
  EXPECT_TRUE(chair.analyzer().has_own_baseline());
  EXPECT_NEAR(chair.analyzer().baseline().cop_x, 0.12, 0.01);
  chair.hold(pose(Posture::upright, kAdult, 0.12), 30);
  EXPECT_EQ(chair.postures(), std::vector<std::string>{"upright"});
  // A small shift to the left of centre is a lean for this sitter.
  chair.hold(pose(Posture::upright, kAdult, -0.12), 10);
  EXPECT_EQ(chair.postures(), (std::vector<std::string>{"upright", "leaning_left"}));
}

TEST(Analyzer, AutoBaselineCanBeSwitchedOff) {
  AnalysisConfig cfg;
  cfg.baseline.auto_learn_s = 0;
  Chair chair(ChannelLayout::standard(), Units::calibrated, cfg);
  chair.hold(pose(Posture::upright, kAdult), 60);
  EXPECT_TRUE(chair.of(EventType::baseline).empty());
  EXPECT_FALSE(chair.analyzer().has_own_baseline());
}

TEST(Analyzer, AutoBaselineForgottenAfterABreak) {
  AnalysisConfig cfg;
  cfg.breaks.min_break_s = 10;
  Chair chair(ChannelLayout::standard(), Units::calibrated, cfg);
  chair.hold(pose(Posture::upright, kAdult, 0.12), 45);
  ASSERT_TRUE(chair.analyzer().has_own_baseline());
  chair.hold(empty_chair(), 20);
  ASSERT_EQ(chair.of(EventType::break_taken).size(), 1u);
  EXPECT_FALSE(chair.analyzer().has_own_baseline());
  EXPECT_DOUBLE_EQ(chair.analyzer().baseline().cop_x, 0);
}

TEST(Analyzer, JumpsInTimeRaiseNoFloodOfBreaks) {
  for (const double jump : {2 * 3600.0, 10 * 86400.0, 1e15}) {
    Chair chair;
    chair.hold(pose(Posture::upright, kAdult), 50 * 60);  // one break_due at 45 min
    ASSERT_EQ(chair.of(EventType::break_due).size(), 1u);
    chair.jump(jump);
    chair.hold(pose(Posture::upright, kAdult), 10 * 60);
    EXPECT_EQ(chair.of(EventType::break_due).size(), 1u) << jump;
    ASSERT_EQ(chair.of(EventType::break_taken).size(), 1u) << jump;  // the gap ended the session
    EXPECT_TRUE(chair.state().occupied);
    EXPECT_EQ(chair.of(EventType::stood_up).size(), 0u);  // the sensors never saw anyone leave
  }
}

TEST(Analyzer, CaptureBaselineWindow) {
  Chair chair;
  chair.analyzer().capture_baseline(10, 20);
  chair.hold(pose(Posture::upright, kAdult, 0.1, 0.05), 25);
  const auto baseline = chair.of(EventType::baseline);
  ASSERT_EQ(baseline.size(), 1u);
  EXPECT_EQ(to_json(baseline[0])["source"], "window");
  EXPECT_NEAR(baseline[0].t, 20.1, 1e-9);  // the first sample after the window
  EXPECT_NEAR(to_json(baseline[0])["cop_x"].get<double>(), 0.1, 0.005);
  EXPECT_NEAR(to_json(baseline[0])["cop_y"].get<double>(), 0.05, 0.005);
  EXPECT_NEAR(to_json(baseline[0])["lumbar"].get<double>(), 0.55, 0.005);
  ASSERT_TRUE(chair.analyzer().baseline().seat_kg.has_value());
  EXPECT_NEAR(*chair.analyzer().baseline().seat_kg, kAdult, 0.1);
  // An own baseline is known: no auto-learning replaces it.
  chair.hold(pose(Posture::upright, kAdult, 0.1, 0.05), 60);
  EXPECT_EQ(chair.of(EventType::baseline).size(), 1u);
}

// Before the window is over the sitter's habit (well back, firm on the backrest) reads as
// reclining against the default baseline; judged against their own, it is upright from the
// first sample after the window, without waiting out the dwell: nobody moved.
TEST(Analyzer, PostureJudgedAfreshOnceTheBaselineIsKnown) {
  Chair chair;
  chair.analyzer().capture_baseline(0, 10);
  Pose habit = pose(Posture::reclined, kAdult);
  chair.hold(habit, 10.1);  // up to t = 10: the window's last sample
  ASSERT_EQ(chair.postures(), std::vector<std::string>{"reclined"});
  chair.hold(habit, 0.3);
  const auto baseline = chair.of(EventType::baseline);
  ASSERT_EQ(baseline.size(), 1u);
  EXPECT_EQ(chair.postures(), (std::vector<std::string>{"reclined", "upright"}));
  const auto postures = chair.of(EventType::posture);
  EXPECT_LE(postures.back().t - baseline[0].t, 0.11);
}

TEST(Analyzer, CaptureBaselineWindowWithNobodySeated) {
  Chair chair;
  chair.analyzer().capture_baseline(2, 5);
  chair.hold(empty_chair(), 10);
  const auto baseline = chair.of(EventType::baseline);
  ASSERT_EQ(baseline.size(), 1u);
  EXPECT_TRUE(to_json(baseline[0]).contains("error"));
  EXPECT_FALSE(chair.analyzer().has_own_baseline());
}

TEST(Analyzer, SetBaseline) {
  Chair chair;
  Baseline b;
  b.cop_x = -0.25;
  chair.analyzer().set_baseline(b);
  EXPECT_TRUE(chair.analyzer().has_own_baseline());
  chair.hold(pose(Posture::upright, kAdult, -0.25), 20);
  EXPECT_EQ(chair.postures(), std::vector<std::string>{"upright"});
  EXPECT_TRUE(chair.of(EventType::baseline).empty());
}

TEST(Analyzer, MissingSeatCellRaisesFaultAndSitTimeContinues) {
  Chair chair;
  chair.hold(pose(Posture::upright, kAdult), 20);
  const double sitting_before = chair.state().sitting_s;
  chair.hold(pose(Posture::upright, kAdult), 10, /*seat_fl*/ 0, kMissing);
  EXPECT_TRUE(chair.state().occupied);
  ASSERT_TRUE(chair.state().channels[0].fault.has_value());
  EXPECT_EQ(chair.state().channels[0].fault, Fault::missing);
  EXPECT_NEAR(chair.state().seat_kg, kAdult, 1);  // estimated from the other three cells
  EXPECT_NEAR(chair.state().sitting_s - sitting_before, 10, 0.2);
  chair.hold(pose(Posture::upright, kAdult), 10);

  const auto faults = chair.of(EventType::sensor_fault);
  ASSERT_EQ(faults.size(), 1u);
  EXPECT_EQ(to_json(faults[0])["channel"], "seat_fl");
  EXPECT_EQ(to_json(faults[0])["fault"], "missing");
  EXPECT_NEAR(faults[0].t, 20.5, 1e-9);
  const auto ok = chair.of(EventType::sensor_ok);
  ASSERT_EQ(ok.size(), 1u);
  EXPECT_EQ(to_json(ok[0])["channel"], "seat_fl");
  EXPECT_NEAR(ok[0].t, 30.5, 1e-9);
  EXPECT_TRUE(chair.of(EventType::stood_up).empty());
  EXPECT_FALSE(chair.state().channels[0].fault.has_value());
  EXPECT_EQ(chair.postures(), std::vector<std::string>{"upright"});
}

TEST(Analyzer, PostureHeldWhileACellIsMissing) {
  Chair chair;
  chair.hold(pose(Posture::upright, kAdult), 10);
  chair.hold(pose(Posture::leaning_left, kAdult), 10, 0, kMissing);
  EXPECT_EQ(chair.postures(), std::vector<std::string>{"upright"});
  EXPECT_FALSE(chair.state().left_share.has_value());
}

TEST(Analyzer, TwoMissingCellsHoldOccupancy) {
  Chair chair;
  chair.hold(pose(Posture::upright, kAdult), 10);
  const double sitting_before = chair.state().sitting_s;
  // Both front cells gone: the total cannot be estimated, so occupancy holds and sit time runs on.
  chair.hold(pose(Posture::upright, kAdult), 20, {{0, kMissing}, {1, kMissing}});
  EXPECT_TRUE(chair.state().occupied);
  EXPECT_EQ(chair.of(EventType::sensor_fault).size(), 2u);
  EXPECT_TRUE(chair.of(EventType::stood_up).empty());
  EXPECT_NEAR(chair.state().sitting_s - sitting_before, 20, 0.2);
}

TEST(Analyzer, FeetFromPads) {
  Chair chair;
  Pose flat = pose(Posture::upright, kAdult);
  Pose tucked = flat;
  tucked.feet = 0.1;
  chair.hold(flat, 10);
  chair.hold(tucked, 10);
  chair.hold(flat, 10);
  const auto feet = chair.of(EventType::feet);
  ASSERT_EQ(feet.size(), 3u);
  EXPECT_EQ(to_json(feet[0])["flat"], true);
  EXPECT_EQ(to_json(feet[1])["flat"], false);
  EXPECT_GE(feet[1].t, 13);
  EXPECT_LE(feet[1].t, 14);
  EXPECT_EQ(to_json(feet[2])["flat"], true);
  EXPECT_EQ(chair.state().feet_flat, true);
}

TEST(Analyzer, OneFootOffThePadIsNotFlat) {
  Chair chair;
  chair.hold(pose(Posture::upright, kAdult), 10, /*foot_r*/ 7, 0.0);
  const auto feet = chair.of(EventType::feet);
  ASSERT_EQ(feet.size(), 1u);
  EXPECT_EQ(to_json(feet[0])["flat"], false);
}

ChannelLayout layout_without_foot_pads() {
  ChannelLayout layout;
  for (const auto& c : ChannelLayout::standard().channels)
    if (c.role != Role::foot) layout.channels.push_back(c);
  return layout;
}

TEST(Analyzer, FeetInferredFromTheSeatWithoutPads) {
  Chair chair(layout_without_foot_pads());
  chair.hold(pose(Posture::upright, kAdult), 30);
  EXPECT_TRUE(chair.of(EventType::feet).empty());  // unknown before the baseline
  EXPECT_FALSE(chair.state().feet_flat.has_value());
  chair.hold(pose(Posture::upright, kAdult), 20);  // auto baseline learnt after 30 s upright
  ASSERT_EQ(chair.of(EventType::baseline).size(), 1u);
  chair.hold(pose(Posture::upright, kAdult * 1.12), 10);  // legs' weight on the seat
  chair.hold(pose(Posture::upright, kAdult), 10);
  const auto feet = chair.of(EventType::feet);
  ASSERT_EQ(feet.size(), 3u);
  EXPECT_EQ(to_json(feet[0])["flat"], true);
  EXPECT_EQ(to_json(feet[1])["flat"], false);
  EXPECT_GE(feet[1].t, 53);
  EXPECT_LE(feet[1].t, 54.5);
  EXPECT_EQ(to_json(feet[2])["flat"], true);
}

TEST(Analyzer, SmallSeatLoadChangeKeepsFeetFlatWithoutPads) {
  Chair chair(layout_without_foot_pads());
  chair.hold(pose(Posture::upright, kAdult), 50);
  chair.hold(pose(Posture::upright, kAdult * 1.05), 20);
  const auto feet = chair.of(EventType::feet);
  ASSERT_EQ(feet.size(), 1u);
  EXPECT_EQ(to_json(feet[0])["flat"], true);
}

ChannelLayout raw_layout() {
  ChannelLayout layout = ChannelLayout::standard();
  for (auto& c : layout.channels) {
    if (c.role == Role::seat) {
      c.offset = 150000;
      c.scale = 1.0 / 20000;
    } else {
      c.empty = 1000;
      c.full = 21000;
    }
  }
  return layout;
}

TEST(Analyzer, RawUnitsAreCalibratedWithOffsetAndScale) {
  Chair chair(raw_layout(), Units::raw);
  chair.hold(pose(Posture::upright, kAdult, 0.05), 10);
  EXPECT_TRUE(chair.state().occupied);
  EXPECT_NEAR(chair.state().seat_kg, kAdult, 0.05);
  ASSERT_TRUE(chair.state().lumbar.has_value());
  EXPECT_NEAR(*chair.state().lumbar, 0.55, 0.001);
  EXPECT_NEAR(chair.analyzer().features().cop_x, 0.05, 0.001);
  EXPECT_EQ(chair.state().feet_flat, true);
  EXPECT_EQ(chair.postures(), std::vector<std::string>{"upright"});
  EXPECT_TRUE(chair.of(EventType::sensor_fault).empty());
}

TEST(Analyzer, RawEmptyChairReadsTheOffset) {
  Chair chair(raw_layout(), Units::raw);
  chair.hold(empty_chair(), 10);
  EXPECT_FALSE(chair.state().occupied);
  EXPECT_NEAR(chair.state().seat_kg, 0, 0.01);
  EXPECT_TRUE(chair.events().empty());
}

TEST(Analyzer, RawReadingAtTheChipLimitIsSaturated) {
  Chair chair(raw_layout(), Units::raw);
  chair.hold(pose(Posture::upright, kAdult), 10);
  chair.hold(pose(Posture::upright, kAdult), 2, /*seat_fr*/ 1, kHx711Max);
  const auto faults = chair.of(EventType::sensor_fault);
  ASSERT_EQ(faults.size(), 1u);
  EXPECT_EQ(to_json(faults[0])["channel"], "seat_fr");
  EXPECT_EQ(to_json(faults[0])["fault"], "saturated");
  EXPECT_TRUE(chair.state().occupied);
}

TEST(Analyzer, StuckSeatCell) {
  Chair chair;
  chair.hold(pose(Posture::upright, kAdult), 10);
  chair.hold(pose(Posture::upright, kAdult), 3, /*seat_bl*/ 2, 15.0);
  const auto faults = chair.of(EventType::sensor_fault);
  ASSERT_EQ(faults.size(), 1u);
  EXPECT_EQ(to_json(faults[0])["channel"], "seat_bl");
  EXPECT_EQ(to_json(faults[0])["fault"], "stuck");
}

TEST(Analyzer, UnpressedPadIsNotStuck) {
  Chair chair;
  chair.hold(pose(Posture::leaning_forward, kAdult), 60);  // lumbar pads read exactly 0
  EXPECT_TRUE(chair.of(EventType::sensor_fault).empty());
}

// Regression: in a calibrated log a pad pressed to or beyond its `full` reading is clamped to
// exactly 1.0, just as an unpressed one reads exactly 0; neither may count as stuck.
TEST(Analyzer, FullyPressedPadIsNotStuck) {
  Chair chair;
  chair.hold(pose(Posture::reclined, kAdult), 10, /*lumbar_l*/ 4, 1.0);
  EXPECT_TRUE(chair.of(EventType::sensor_fault).empty());
}

TEST(Analyzer, StateFollowsTheSitter) {
  Chair chair;
  chair.hold(pose(Posture::leaning_right, kAdult), 10);
  const auto& s = chair.state();
  EXPECT_TRUE(s.occupied);
  EXPECT_EQ(s.posture, Posture::leaning_right);
  ASSERT_TRUE(s.left_share.has_value());
  EXPECT_NEAR(*s.left_share, (1 - 0.42) / 2, 0.01);
  ASSERT_TRUE(s.front_share.has_value());
  EXPECT_NEAR(*s.front_share, 0.5, 0.01);
  EXPECT_EQ(s.lumbar_contact, true);
  ASSERT_TRUE(s.session_start.has_value());
  EXPECT_NEAR(s.t, 9.9, 1e-9);
  EXPECT_EQ(s.channels.size(), 8u);
}

TEST(Analyzer, BreakDueRaisesABreakNudge) {
  AnalysisConfig cfg;
  cfg.breaks.interval_s = 60;
  Chair chair(ChannelLayout::standard(), Units::calibrated, cfg);
  chair.hold(pose(Posture::upright, kAdult), 70);
  const auto due = chair.of(EventType::break_due);
  ASSERT_EQ(due.size(), 1u);
  bool break_nudge = false;
  for (const auto& e : chair.of(EventType::nudge))
    break_nudge = break_nudge || (to_json(e)["reason"] == "break" && e.t == due[0].t);
  EXPECT_TRUE(break_nudge);
  EXPECT_TRUE(chair.state().break_due);
}

TEST(Analyzer, LostLumbarContactNudges) {
  Chair chair;
  chair.hold(pose(Posture::slouching, kAdult), 70);
  const auto nudges = chair.of(EventType::nudge);
  ASSERT_EQ(nudges.size(), 1u);
  EXPECT_EQ(to_json(nudges[0])["reason"], "lumbar");
}

TEST(Analyzer, SameSamplesSameEvents) {
  auto run = [] {
    Chair chair;
    chair.hold(pose(Posture::upright, kAdult), 40);
    chair.hold(pose(Posture::slouching, kAdult), 20);
    chair.hold(empty_chair(), 10);
    std::string out;
    for (const auto& e : chair.events()) out += to_json(e).dump() + "\n";
    return out;
  };
  const auto first = run();
  EXPECT_FALSE(first.empty());
  EXPECT_EQ(first, run());
}

}  // namespace
}  // namespace chairhub

namespace chairhub {
namespace {

// The sitter's baseline taken from 10 s of upright sitting.
void learn_baseline(Chair& chair) {
  chair.analyzer().capture_baseline(0, 10);
  chair.hold(pose(Posture::upright, kAdult), 12);
}

TEST(Analyzer, TheBaselineLearnsTheSittersPattern) {
  Chair chair;
  learn_baseline(chair);
  const Baseline& b = chair.analyzer().baseline();
  ASSERT_EQ(b.pattern.size(), ChannelLayout::standard().size());
  EXPECT_NEAR(b.pattern[0], 0.25, 0.01);  // each seat cell a quarter of the load
  EXPECT_NEAR(b.pattern[4], 0.55, 0.01);  // the backrest pads' contact
  EXPECT_TRUE(std::isnan(b.pattern[6]));  // foot pads are the feet's, not the posture's
  ASSERT_TRUE(b.feet.has_value());
  EXPECT_NEAR(*b.feet, 0.65, 0.01);
}

TEST(Analyzer, AFarSlouchIsNotALeanForward) {
  Chair chair;
  learn_baseline(chair);
  Pose slouch = pose(Posture::upright, kAdult * 1.025);
  slouch.y = 0.36;  // slides further than the 0.3 that once made it a lean
  slouch.lumbar = 0.03;
  chair.hold(slouch, 10);
  EXPECT_EQ(chair.postures(), (std::vector<std::string>{"upright", "slouching"}));
}

TEST(Analyzer, AShortLeanForwardTakesWeightOffTheSeat) {
  Chair chair;
  learn_baseline(chair);
  Pose lean = pose(Posture::leaning_forward, kAdult * 0.9);
  lean.y = 0.25;  // under the 0.3 shift that would decide by itself
  chair.hold(lean, 10);
  EXPECT_EQ(chair.postures(), (std::vector<std::string>{"upright", "leaning_forward"}));
}

TEST(Analyzer, NotTheSittersUprightIsOther) {
  Chair chair;
  learn_baseline(chair);
  // Twisted: one shoulder off the backrest. The mean contact still counts as contact and the
  // weight has not moved, but it is not how this sitter sits upright.
  for (int k = 0; k < 50; ++k)  // a live reading, not a stuck one
    chair.hold(pose(Posture::upright, kAdult), 0.2, /*lumbar_r*/ 5, k % 2 ? 0.05 : 0.052);
  chair.hold(pose(Posture::upright, kAdult), 10);
  EXPECT_EQ(chair.postures(), (std::vector<std::string>{"upright", "other", "upright"}));
}

TEST(Analyzer, FidgetingRaisesNothingAgainstABaseline) {
  Chair chair;
  learn_baseline(chair);
  for (int k = 0; k < 10; ++k) {
    chair.hold(pose(Posture::upright, kAdult), 1.5, 5, 0.05);
    chair.hold(pose(Posture::leaning_left, kAdult), 1.5);
    chair.hold(pose(Posture::upright, kAdult), 2);
  }
  EXPECT_EQ(chair.postures(), std::vector<std::string>{"upright"});
  EXPECT_TRUE(chair.of(EventType::nudge).empty());
}

TEST(Analyzer, TuckedFeetAloneStayUpright) {
  Chair chair;
  learn_baseline(chair);
  Pose tucked = pose(Posture::upright, kAdult * 1.09);
  tucked.feet = 0.12;
  chair.hold(tucked, 10);
  EXPECT_EQ(chair.postures(), std::vector<std::string>{"upright"});
}

}  // namespace
}  // namespace chairhub

namespace chairhub {
namespace {

// The daemon restores a saved baseline with set_baseline: its pattern works as a learnt one.
TEST(Analyzer, ARestoredBaselineKeepsItsPattern) {
  Chair first;
  learn_baseline(first);
  Chair chair;
  chair.analyzer().set_baseline(first.analyzer().baseline());
  chair.hold(pose(Posture::upright, kAdult), 10);
  for (int k = 0; k < 50; ++k) chair.hold(pose(Posture::upright, kAdult), 0.2, /*lumbar_r*/ 5, k % 2 ? 0.05 : 0.052);
  EXPECT_EQ(chair.postures(), (std::vector<std::string>{"upright", "other"}));
}

}  // namespace
}  // namespace chairhub
