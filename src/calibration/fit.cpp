// Eigen's QR with column pivoting: it reports the rank, so placements that cannot tell the
// cells apart are refused instead of solved into nonsense.
#include "calibration/fit.hpp"

#include <Eigen/Dense>
#include <cmath>
#include <stdexcept>

namespace chairhub {
namespace {

std::string cell_name(const std::vector<std::string>& names, std::size_t i) {
  return i < names.size() ? names[i] : "cell " + std::to_string(i);
}

}  // namespace

std::vector<double> column_means(const std::vector<std::vector<double>>& rows,
                                 const std::vector<std::string>& names) {
  if (rows.empty()) throw std::invalid_argument("no readings to average");
  const std::size_t n = rows.front().size();
  std::vector<double> sum(n, 0);
  std::vector<std::size_t> count(n, 0);
  for (const auto& row : rows) {
    if (row.size() != n) throw std::invalid_argument("readings have different numbers of channels");
    for (std::size_t i = 0; i < n; ++i) {
      if (std::isnan(row[i])) continue;
      sum[i] += row[i];
      ++count[i];
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (count[i] == 0) throw std::invalid_argument(cell_name(names, i) + " gave no readings: check its wiring");
    sum[i] /= static_cast<double>(count[i]);
  }
  return sum;
}

ScaleFit solve_scales(const std::vector<double>& offsets, const std::vector<Placement>& placements,
                      const std::vector<std::string>& names) {
  const auto n = static_cast<Eigen::Index>(offsets.size());
  const auto p = static_cast<Eigen::Index>(placements.size());
  if (n == 0) throw std::invalid_argument("no cells to calibrate");
  if (p < n) {
    throw std::invalid_argument("need the weight at " + std::to_string(n) + " or more spots for " +
                                std::to_string(n) + " cells, got " + std::to_string(p));
  }
  Eigen::MatrixXd a(p, n);
  Eigen::VectorXd b(p);
  for (Eigen::Index k = 0; k < p; ++k) {
    const Placement& pl = placements[static_cast<std::size_t>(k)];
    if (pl.raw.size() != offsets.size()) throw std::invalid_argument(pl.where + ": wrong number of cells");
    if (!(pl.kg > 0)) throw std::invalid_argument(pl.where + ": the known weight must be above 0 kg");
    for (Eigen::Index i = 0; i < n; ++i) a(k, i) = pl.raw[static_cast<std::size_t>(i)] - offsets[static_cast<std::size_t>(i)];
    b(k) = pl.kg;
  }
  // A cell whose reading hardly moves with the weight on it makes the system singular.
  const double biggest = a.colwise().norm().maxCoeff();
  for (Eigen::Index i = 0; i < n; ++i) {
    if (a.col(i).norm() <= 1e-3 * biggest) {
      throw std::invalid_argument(cell_name(names, static_cast<std::size_t>(i)) +
                                  " did not respond to the weight: check its wiring and that the weight "
                                  "was placed at the corners");
    }
  }
  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(a);
  if (qr.rank() < n) {
    throw std::invalid_argument("the placements do not tell the cells apart: put the weight at the "
                                "centre and at each corner");
  }
  const Eigen::VectorXd x = qr.solve(b);
  const Eigen::VectorXd residual = a * x - b;
  ScaleFit fit;
  fit.scale.assign(x.data(), x.data() + n);
  fit.rms_kg = std::sqrt(residual.squaredNorm() / static_cast<double>(p));
  Eigen::Index worst = 0;
  fit.worst_kg = residual.cwiseAbs().maxCoeff(&worst);
  fit.worst_where = placements[static_cast<std::size_t>(worst)].where;
  return fit;
}

PadLevels pad_levels(double empty, double full, const std::string& name, double min_span) {
  if (std::isnan(empty) || std::isnan(full)) throw std::invalid_argument(name + " gave no readings: check its wiring");
  if (std::abs(full - empty) < min_span) {
    throw std::invalid_argument(name + " barely changed when pressed (" + std::to_string(empty) + " to " +
                                std::to_string(full) + "): check the pad and its divider resistor");
  }
  return {empty, full};
}

}  // namespace chairhub
