#include "log/log_writer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "log/log_reader.hpp"
#include "support/temp_dir.hpp"

namespace chairhub {
namespace {

using testing_support::TempDir;

struct Row {
  Sample sample;
  std::string label;
};

// Writes `rows` with a LogWriter into a file in `dir` and returns its path.
std::string write_log(const TempDir& dir, const ChannelLayout& layout, Units units, const std::vector<Row>& rows,
                      bool with_label, const std::map<std::string, std::string>& metadata = {}) {
  auto path = dir.path("out.csv");
  std::FILE* f = std::fopen(path.c_str(), "wb");
  EXPECT_NE(f, nullptr);
  {
    LogWriter writer(f, layout, units, metadata, with_label);
    for (const auto& r : rows) writer.write(r.sample, r.label);
  }
  std::fclose(f);
  return path;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(LogWriter, CalibratedRoundTripsToThreeDecimals) {
  TempDir dir;
  const auto layout = ChannelLayout::standard();
  const std::vector<Row> rows = {
      {{0.0, {10.12345, 20.0004, 19.9996, -0.25, 0.5, 0.123456, 1, 0}}, {}},
      {{0.0125, {1, 2, 3, 4, 0.1, 0.2, 0.3, 0.4}}, {}},
  };
  const auto path = write_log(dir, layout, Units::calibrated, rows, false);
  LogReader reader(path, layout);
  EXPECT_EQ(reader.units(), Units::calibrated);
  EXPECT_FALSE(reader.has_label());
  for (const auto& row : rows) {
    Sample s;
    ASSERT_TRUE(reader.next(s));
    EXPECT_EQ(s.t, row.sample.t);
    for (std::size_t i = 0; i < layout.size(); ++i)
      EXPECT_DOUBLE_EQ(s.values[i], std::round(row.sample.values[i] * 1000) / 1000) << i;
  }
  Sample s;
  EXPECT_FALSE(reader.next(s));
}

TEST(LogWriter, RawRoundsToWholeCounts) {
  TempDir dir;
  const auto layout = ChannelLayout::standard();
  const Row row{{1.5, {1234.6, -1234.6, 8388607, -8388608, 800.2, 23999.7, 0, 32767}}, {}};
  const auto path = write_log(dir, layout, Units::raw, {row}, false);
  LogReader reader(path, layout);
  EXPECT_EQ(reader.units(), Units::raw);
  Sample s;
  ASSERT_TRUE(reader.next(s));
  EXPECT_EQ(s.t, 1.5);
  const std::vector<double> want = {1235, -1235, 8388607, -8388608, 800, 24000, 0, 32767};
  for (std::size_t i = 0; i < want.size(); ++i) EXPECT_DOUBLE_EQ(s.values[i], want[i]) << i;
}

TEST(LogWriter, TimeKeepsFullPrecision) {
  TempDir dir;
  ChannelLayout layout;
  layout.channels = {make_channel("seat", Role::seat, 0, 0)};
  const double t = 12345.678901234567;
  const auto path = write_log(dir, layout, Units::raw, {{{t, {1}}, {}}}, false);
  LogReader reader(path, layout);
  Sample s;
  ASSERT_TRUE(reader.next(s));
  EXPECT_EQ(s.t, t);
}

TEST(LogWriter, NanIsWrittenAsAnEmptyField) {
  TempDir dir;
  ChannelLayout layout;
  layout.channels = {make_channel("seat", Role::seat, 0, 0), make_channel("back", Role::back, 0, 0)};
  const auto path = write_log(dir, layout, Units::calibrated, {{{0, {kMissing, 0.5}}, {}}}, false);
  EXPECT_NE(slurp(path).find("\n0,,0.500\n"), std::string::npos) << slurp(path);
  LogReader reader(path, layout);
  Sample s;
  ASSERT_TRUE(reader.next(s));
  EXPECT_TRUE(std::isnan(s.values[0]));
  EXPECT_DOUBLE_EQ(s.values[1], 0.5);
}

TEST(LogWriter, LabelRoundTrips) {
  TempDir dir;
  ChannelLayout layout;
  layout.channels = {make_channel("seat", Role::seat, 0, 0)};
  const auto path =
      write_log(dir, layout, Units::calibrated, {{{0, {70}}, "upright"}, {{0.1, {0}}, "empty"}, {{0.2, {1}}, ""}}, true);
  LogReader reader(path, layout);
  ASSERT_TRUE(reader.has_label());
  Sample s;
  ASSERT_TRUE(reader.next(s));
  EXPECT_EQ(reader.label(), "upright");
  ASSERT_TRUE(reader.next(s));
  EXPECT_EQ(reader.label(), "empty");
  ASSERT_TRUE(reader.next(s));
  EXPECT_EQ(reader.label(), "");
}

TEST(LogWriter, MetadataIsWrittenOnceWithUnitsFirst) {
  TempDir dir;
  ChannelLayout layout;
  layout.channels = {make_channel("seat", Role::seat, 0, 0)};
  const auto path = write_log(dir, layout, Units::raw, {}, false, {{"rate_hz", "80"}, {"units", "calibrated"}});
  const auto text = slurp(path);
  EXPECT_EQ(text, "# chairhub sensor log\n# units: raw\n# rate_hz: 80\nt,seat\n");
  LogReader reader(path, layout);
  EXPECT_EQ(reader.units(), Units::raw);
  EXPECT_EQ(reader.metadata().at("rate_hz"), "80");
}

TEST(LogWriter, LabelWithACommaStaysOneField) {
  TempDir dir;
  ChannelLayout layout;
  layout.channels = {make_channel("seat", Role::seat, 0, 0)};
  Sample s;
  s.t = 1;
  s.values = {2};
  const auto path = write_log(dir, layout, Units::calibrated, {{s, "upright, mostly\nok"}}, true);
  LogReader reader(path, layout);
  Sample back;
  ASSERT_TRUE(reader.next(back));
  EXPECT_EQ(reader.label(), "upright  mostly ok");
}

}  // namespace
}  // namespace chairhub
