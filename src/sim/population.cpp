#include "sim/population.hpp"

#include <array>
#include <cstdio>
#include <optional>
#include <random>

namespace chairhub {
namespace {

// Uniform draws on the engine's own bits, so every platform draws the same sitters.
class Draw {
 public:
  explicit Draw(std::uint64_t seed) : rng_(seed) {}
  double unit() { return static_cast<double>(rng_() >> 11) * 0x1.0p-53; }
  double between(double lo, double hi) { return lo + (hi - lo) * unit(); }

 private:
  std::mt19937_64 rng_;
};

void add(Scenario& s, std::optional<Posture> posture, double seconds, Feet feet = Feet::flat) {
  s.steps.push_back({posture, feet, seconds});
}

// About twenty minutes of work: mostly upright, every posture now and then, the feet sometimes
// tucked or dangling, and one short absence.
void add_workday(Scenario& s, Draw& draw) {
  constexpr std::array kOthers = {Posture::slouching, Posture::leaning_left, Posture::leaning_right,
                                  Posture::leaning_forward, Posture::reclined};
  Posture last = Posture::upright;
  double elapsed = 0;
  bool away_done = false;
  while (elapsed < 20 * 60) {
    Posture p = Posture::upright;
    if (last == Posture::upright || draw.unit() < 0.4) {
      p = kOthers[static_cast<std::size_t>(draw.unit() * kOthers.size()) % kOthers.size()];
      if (p == last) p = Posture::upright;
    }
    const double f = draw.unit();
    const Feet feet = f < 0.8 ? Feet::flat : f < 0.95 ? Feet::tucked : Feet::dangling;
    const double seconds = draw.between(30, 150);
    add(s, p, seconds, feet);
    elapsed += seconds;
    last = p;
    if (!away_done && elapsed > 10 * 60) {
      add(s, std::nullopt, 30);  // fetching a coffee: too short to be a break
      add(s, Posture::upright, 40);
      last = Posture::upright;
      away_done = true;
    }
  }
}

}  // namespace

PopulationSitter population_sitter(std::size_t index, std::uint64_t seed) {
  using R = PopulationRanges;
  Draw draw(seed * 1000003 + index);
  PopulationSitter sitter;
  char name[32];
  std::snprintf(name, sizeof name, "sitter_%02zu", index + 1);
  sitter.name = name;
  Scenario& s = sitter.scenario;
  s.seed = seed * 7919 + index;
  s.rate_hz = 5;
  s.mass_kg = draw.between(R::mass_min, R::mass_max);
  s.offset_x = draw.between(-R::offset, R::offset);
  s.offset_y = draw.between(-R::offset, R::offset);
  s.body.slouch_slide = draw.between(R::slide_min, R::slide_max);
  s.body.lean_reach = draw.between(R::reach_min, R::reach_max);
  s.body.seat_share = draw.between(R::share_min, R::share_max);
  s.body.back_firmness = draw.between(R::firmness_min, R::firmness_max);

  add(s, std::nullopt, 3);
  add(s, Posture::upright, 45);  // the first recording: the sitter's own upright
  for (Posture p : {Posture::slouching, Posture::leaning_left, Posture::leaning_right, Posture::leaning_forward,
                    Posture::reclined}) {
    add(s, p, 20);
    add(s, Posture::upright, 15);
  }
  // Fidgets, too short to be reported.
  add(s, Posture::leaning_left, 1.5);
  add(s, Posture::upright, 10);
  add(s, Posture::slouching, 1.5);
  add(s, Posture::upright, 10);
  add_workday(s, draw);
  add(s, std::nullopt, 5);
  return sitter;
}

std::vector<PopulationSitter> make_population(std::size_t count, std::uint64_t seed) {
  std::vector<PopulationSitter> sitters;
  sitters.reserve(count);
  for (std::size_t i = 0; i < count; ++i) sitters.push_back(population_sitter(i, seed));
  return sitters;
}

}  // namespace chairhub
