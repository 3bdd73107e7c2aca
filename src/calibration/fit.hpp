#pragma once
// Calibration maths, free of any device: tare (the mean of the readings), per-cell scale factors
// from a known weight placed at several spots (least squares), and pad empty/full levels. The
// results are the model's values (model.hpp): kg = (raw - offset) * scale, contact =
// (raw - empty) / (full - empty). Bad input throws std::invalid_argument with a message for the
// person calibrating.
#include <string>
#include <vector>

namespace chairhub {

// Mean of each column of `rows` (samples x cells), skipping NaN. Throws when a column has no
// value at all, naming it by `names` when given.
std::vector<double> column_means(const std::vector<std::vector<double>>& rows,
                                 const std::vector<std::string>& names = {});

// A known weight resting at one spot, with the mean raw reading of every cell meanwhile.
struct Placement {
  std::string where;  // "centre", "front left", ...
  double kg = 0;
  std::vector<double> raw;
};

struct ScaleFit {
  std::vector<double> scale;  // per cell
  double rms_kg = 0;          // how well the placements agree with the fitted scales
  double worst_kg = 0;
  std::string worst_where;
};

// Solves sum_i scale_i * (raw_ki - offset_i) = kg_k over all placements (centre and each
// corner) by least squares. Needs at least as many placements as cells, and every cell must
// respond to the weight.
ScaleFit solve_scales(const std::vector<double>& offsets, const std::vector<Placement>& placements,
                      const std::vector<std::string>& names = {});

struct PadLevels {
  double empty = 0;
  double full = 1;
};

// Empty and full levels of a pad; throws when the two barely differ (pad not pressed, or not
// connected). `min_span` is in raw counts.
PadLevels pad_levels(double empty, double full, const std::string& name, double min_span = 100);

}  // namespace chairhub
