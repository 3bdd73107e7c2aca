#include "log/log_reader.hpp"

#include <unistd.h>

#include <gtest/gtest.h>

#include <cmath>
#include <csignal>
#include <cstdio>
#include <future>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/input_error.hpp"
#include "support/temp_dir.hpp"

namespace chairhub {
namespace {

using testing_support::TempDir;

// A two-channel chair keeps the logs in these tests short.
ChannelLayout small_layout() {
  ChannelLayout layout;
  layout.channels = {make_channel("seat", Role::seat, 0, 0), make_channel("back", Role::back, 0, 0)};
  return layout;
}

std::vector<Sample> read_all(LogReader& reader) {
  std::vector<Sample> out;
  Sample s;
  while (reader.next(s)) out.push_back(s);
  return out;
}

// Reading the whole file must fail with an InputError whose text holds every fragment.
void expect_input_error(const std::string& path, const ChannelLayout& layout,
                        const std::vector<std::string>& fragments) {
  try {
    LogReader reader(path, layout);
    read_all(reader);
    ADD_FAILURE() << "no error for " << path;
  } catch (const InputError& e) {
    const std::string what = e.what();
    for (const auto& f : fragments) EXPECT_NE(what.find(f), std::string::npos) << "'" << f << "' not in: " << what;
  }
}

class LogReaderTest : public ::testing::Test {
 protected:
  TempDir dir;
  ChannelLayout layout = small_layout();
};

TEST_F(LogReaderTest, ReadsMetadataLines) {
  const auto path = dir.write("m.csv", "# units: calibrated\n# rate_hz: 10\n#source:   bench  \nt,seat,back\n0,1,0\n");
  LogReader reader(path, layout);
  EXPECT_EQ(reader.metadata().at("units"), "calibrated");
  EXPECT_EQ(reader.metadata().at("rate_hz"), "10");
  EXPECT_EQ(reader.metadata().at("source"), "bench");
}

TEST_F(LogReaderTest, CommentWithoutKeyIsNotMetadata) {
  const auto path = dir.write("m.csv", "# just a note: with a colon\n# plain comment\nt,seat,back\n");
  LogReader reader(path, layout);
  EXPECT_TRUE(reader.metadata().empty());
}

TEST_F(LogReaderTest, UnitsRaw) {
  LogReader reader(dir.write("r.csv", "# units: raw\nt,seat,back\n"), layout);
  EXPECT_EQ(reader.units(), Units::raw);
}

TEST_F(LogReaderTest, UnitsCalibrated) {
  LogReader reader(dir.write("c.csv", "# units: calibrated\nt,seat,back\n"), layout);
  EXPECT_EQ(reader.units(), Units::calibrated);
}

TEST_F(LogReaderTest, UnitsDefaultToRaw) {
  LogReader reader(dir.write("d.csv", "t,seat,back\n"), layout);
  EXPECT_EQ(reader.units(), Units::raw);
}

TEST_F(LogReaderTest, BadUnitsValueIsAnError) {
  const auto path = dir.write("u.csv", "# units: kg\nt,seat,back\n");
  expect_input_error(path, layout, {path + ":2:", "units", "kg"});
}

TEST_F(LogReaderTest, StandardLayoutHeaderInAnyOrder) {
  const auto standard = ChannelLayout::standard();
  const auto path = dir.write("s.csv",
                              "t,foot_r,foot_l,lumbar_r,lumbar_l,seat_br,seat_bl,seat_fr,seat_fl\n"
                              "0.5,8,7,6,5,4,3,2,1\n");
  LogReader reader(path, standard);
  Sample s;
  ASSERT_TRUE(reader.next(s));
  EXPECT_DOUBLE_EQ(s.t, 0.5);
  ASSERT_EQ(s.values.size(), 8u);
  for (std::size_t i = 0; i < 8; ++i) EXPECT_DOUBLE_EQ(s.values[i], static_cast<double>(i + 1)) << i;
}

TEST_F(LogReaderTest, UnknownChannelInHeader) {
  const auto path = dir.write("h.csv", "# units: raw\nt,seat,back,elbow\n");
  expect_input_error(path, layout, {path + ":2:", "unknown channel 'elbow'"});
}

TEST_F(LogReaderTest, MissingConfiguredChannel) {
  const auto path = dir.write("h.csv", "t,seat\n");
  expect_input_error(path, layout, {path + ":1:", "'back'", "not in the header"});
}

TEST_F(LogReaderTest, DuplicateColumn) {
  const auto path = dir.write("h.csv", "t,seat,back,seat\n");
  expect_input_error(path, layout, {path + ":1:", "'seat' appears twice"});
}

TEST_F(LogReaderTest, DuplicateLabelColumn) {
  const auto path = dir.write("h.csv", "t,seat,back,label,label\n");
  expect_input_error(path, layout, {path + ":1:", "'label' appears twice"});
}

TEST_F(LogReaderTest, HeaderWithoutT) {
  const auto path = dir.write("h.csv", "\n# comment\nseat,back\n");
  expect_input_error(path, layout, {path + ":3:", "no 't' column"});
}

TEST_F(LogReaderTest, TMustComeFirst) {
  const auto path = dir.write("h.csv", "seat,t,back\n");
  expect_input_error(path, layout, {path + ":1:", "'t' must come first"});
}

TEST_F(LogReaderTest, FileWithoutHeader) {
  const auto path = dir.write("h.csv", "# units: raw\n\n");
  expect_input_error(path, layout, {path + ":", "no header row"});
}

TEST_F(LogReaderTest, LabelColumnCarriesGroundTruth) {
  const auto path = dir.write("l.csv", "t,seat,label,back\n0,1,upright,0.5\n0.1,2,,0.5\n0.2,3,slouching,0.5\n");
  LogReader reader(path, layout);
  EXPECT_TRUE(reader.has_label());
  Sample s;
  ASSERT_TRUE(reader.next(s));
  EXPECT_EQ(reader.label(), "upright");
  EXPECT_DOUBLE_EQ(s.values[1], 0.5);
  ASSERT_TRUE(reader.next(s));
  EXPECT_EQ(reader.label(), "");
  ASSERT_TRUE(reader.next(s));
  EXPECT_EQ(reader.label(), "slouching");
  EXPECT_DOUBLE_EQ(s.values[0], 3);
}

TEST_F(LogReaderTest, NoLabelColumn) {
  LogReader reader(dir.write("l.csv", "t,seat,back\n0,1,2\n"), layout);
  EXPECT_FALSE(reader.has_label());
  Sample s;
  ASSERT_TRUE(reader.next(s));
  EXPECT_EQ(reader.label(), "");
}

TEST_F(LogReaderTest, EmptyFieldAndNanAreMissing) {
  LogReader reader(dir.write("n.csv", "t,seat,back\n0,,1\n1,nan,NaN\n2, NAN ,\n"), layout);
  const auto rows = read_all(reader);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_TRUE(std::isnan(rows[0].values[0]));
  EXPECT_DOUBLE_EQ(rows[0].values[1], 1);
  EXPECT_TRUE(std::isnan(rows[1].values[0]));
  EXPECT_TRUE(std::isnan(rows[1].values[1]));
  EXPECT_TRUE(std::isnan(rows[2].values[0]));
  EXPECT_TRUE(std::isnan(rows[2].values[1]));
}

TEST_F(LogReaderTest, NumberForms) {
  LogReader reader(dir.write("f.csv", "t,seat,back\n0,+1.5,-2\n1e-1, 3e2 ,0.25\n"), layout);
  const auto rows = read_all(reader);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_DOUBLE_EQ(rows[0].values[0], 1.5);
  EXPECT_DOUBLE_EQ(rows[0].values[1], -2);
  EXPECT_DOUBLE_EQ(rows[1].t, 0.1);
  EXPECT_DOUBLE_EQ(rows[1].values[0], 300);
}

TEST_F(LogReaderTest, BadNumberNamesFileLineAndColumn) {
  const auto path = dir.write("b.csv", "# units: raw\nt,seat,back\n0,1,2\n0.1,1x,2\n");
  expect_input_error(path, layout, {path + ":4:", "'seat'", "'1x' is not a number"});
}

TEST_F(LogReaderTest, InfinityIsNotANumber) {
  const auto path = dir.write("b.csv", "t,seat,back\n0,inf,2\n");
  expect_input_error(path, layout, {path + ":2:", "not a number"});
}

TEST_F(LogReaderTest, BadTimeIsNotANumber) {
  const auto path = dir.write("b.csv", "t,seat,back\nnoon,1,2\n");
  expect_input_error(path, layout, {path + ":2:", "'t'"});
}

TEST_F(LogReaderTest, TooFewFields) {
  const auto path = dir.write("w.csv", "t,seat,back\n0,1,2\n0.1,1\n");
  expect_input_error(path, layout, {path + ":3:", "expected 3 fields, found 2"});
}

TEST_F(LogReaderTest, TooManyFields) {
  const auto path = dir.write("w.csv", "t,seat,back\n0,1,2,3\n");
  expect_input_error(path, layout, {path + ":2:", "expected 3 fields, found 4"});
}

TEST_F(LogReaderTest, TimeGoingBackwards) {
  const auto path = dir.write("t.csv", "t,seat,back\n1,1,2\n2,1,2\n1.5,1,2\n");
  expect_input_error(path, layout, {path + ":4:", "backwards"});
}

TEST_F(LogReaderTest, EqualTimesAreAllowed) {
  LogReader reader(dir.write("t.csv", "t,seat,back\n1,1,2\n1,1,2\n"), layout);
  EXPECT_EQ(read_all(reader).size(), 2u);
}

TEST_F(LogReaderTest, MissingTime) {
  const auto path = dir.write("t.csv", "t,seat,back\n0,1,2\n,1,2\n");
  expect_input_error(path, layout, {path + ":3:", "'t' is missing"});
}

TEST_F(LogReaderTest, NanTimeIsMissing) {
  const auto path = dir.write("t.csv", "t,seat,back\nnan,1,2\n");
  expect_input_error(path, layout, {path + ":2:", "'t' is missing"});
}

TEST_F(LogReaderTest, CommentsAndBlankLinesBetweenRows) {
  const auto path = dir.write("c.csv", "t,seat,back\n0,1,2\n\n# a comment\n   \n# units: raw\n1,3,4\n");
  LogReader reader(path, layout);
  const auto rows = read_all(reader);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_DOUBLE_EQ(rows[1].t, 1);
  EXPECT_DOUBLE_EQ(rows[1].values[0], 3);
  EXPECT_EQ(reader.line_number(), 7u);
}

TEST_F(LogReaderTest, LineNumbersCountCommentsAndBlankLines) {
  const auto path = dir.write("c.csv", "# units: raw\n\nt,seat,back\n# note\n\n0,1,2\n0,x,2\n");
  expect_input_error(path, layout, {path + ":7:"});
}

TEST_F(LogReaderTest, CrlfLineEnds) {
  const auto path = dir.write("crlf.csv", "# units: calibrated\r\nt,seat,back,label\r\n0,1,2,upright\r\n\r\n0.1,3,,empty\r\n");
  LogReader reader(path, layout);
  EXPECT_EQ(reader.units(), Units::calibrated);
  Sample s;
  ASSERT_TRUE(reader.next(s));
  EXPECT_DOUBLE_EQ(s.values[1], 2);
  EXPECT_EQ(reader.label(), "upright");
  ASSERT_TRUE(reader.next(s));
  EXPECT_TRUE(std::isnan(s.values[1]));
  EXPECT_EQ(reader.label(), "empty");
  EXPECT_FALSE(reader.next(s));
}

// Lines longer than the buffer are stitched together (the fuzzer reaches this with a small
// buffer too); a line of exactly the buffer's size as well.
TEST(LineSource, LinesLongerThanTheBufferAreStitched) {
  const std::string text = "short\n" + std::string(40, 'x') + "\n" + std::string(16, 'y') + "\nend";
  std::FILE* file = ::fmemopen(const_cast<char*>(text.data()), text.size(), "r");
  ASSERT_NE(file, nullptr);
  LineSource lines(file, 16);
  std::vector<std::string> got;
  std::string_view line;
  while (lines.next(line)) got.emplace_back(line);
  std::fclose(file);
  EXPECT_EQ(got, (std::vector<std::string>{"short", std::string(40, 'x'), std::string(16, 'y'), "end"}));
}

// From a pipe, a line comes out as soon as it is there, not when the buffer has filled; the
// line limit holds for a line that trickles in too.
TEST(LineSource, ReadsWhatAPipeHasAndStillLimitsTheLine) {
  std::signal(SIGPIPE, SIG_IGN);  // the writer may outlive the reader's end
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  std::FILE* file = ::fdopen(fds[0], "r");
  ASSERT_NE(file, nullptr);
  std::promise<void> first_line_read;
  std::thread writer([&, done = first_line_read.get_future()] {
    EXPECT_EQ(::write(fds[1], "first\n", 6), 6);
    done.wait();  // the reader has the line while the pipe is still open
    const std::string chunk(4096, 'x');
    for (std::size_t sent = 0; sent <= LineSource::kMaxLineBytes; sent += chunk.size())
      if (::write(fds[1], chunk.data(), chunk.size()) != static_cast<ssize_t>(chunk.size())) break;
    ::close(fds[1]);
  });
  LineSource lines(file);
  std::string_view line;
  ASSERT_TRUE(lines.next(line));
  EXPECT_EQ(line, "first");
  first_line_read.set_value();
  EXPECT_THROW(lines.next(line), std::length_error);
  std::fclose(file);  // the writer's last write may find the pipe closed
  writer.join();
}

TEST_F(LogReaderTest, ManyRowsAcrossBufferBoundaries) {
  std::string text = "t,seat,back\n";
  const int n = 60000;  // about 1.5 MiB of rows
  for (int i = 0; i < n; ++i) text += std::to_string(i) + ",12345.678," + std::to_string(i % 7) + "\n";
  LogReader reader(dir.write("many.csv", text), layout);
  Sample s;
  int count = 0;
  bool all_right = true;
  while (reader.next(s)) {
    all_right = all_right && s.t == count && s.values[0] == 12345.678 && s.values[1] == count % 7;
    ++count;
  }
  EXPECT_EQ(count, n);
  EXPECT_TRUE(all_right);
}

TEST_F(LogReaderTest, LastLineWithoutNewline) {
  LogReader reader(dir.write("nonl.csv", "t,seat,back\n0,1,2\n1,3,4"), layout);
  const auto rows = read_all(reader);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_DOUBLE_EQ(rows[1].values[1], 4);
}

TEST_F(LogReaderTest, HeaderOnlyWithoutNewline) {
  LogReader reader(dir.write("h.csv", "t,seat,back"), layout);
  Sample s;
  EXPECT_FALSE(reader.next(s));
}

TEST_F(LogReaderTest, Utf8ByteOrderMark) {
  LogReader reader(dir.write("bom.csv", "\xEF\xBB\xBF# units: calibrated\nt,seat,back\n0,1,2\n"), layout);
  EXPECT_EQ(reader.units(), Units::calibrated);
  EXPECT_EQ(read_all(reader).size(), 1u);
}

TEST_F(LogReaderTest, Utf8ByteOrderMarkBeforeHeader) {
  LogReader reader(dir.write("bom.csv", "\xEF\xBB\xBFt,seat,back\n0,1,2\n"), layout);
  EXPECT_EQ(read_all(reader).size(), 1u);
}

TEST_F(LogReaderTest, MissingFile) {
  const auto path = dir.path("does-not-exist.csv");
  try {
    LogReader reader(path, layout);
    FAIL() << "opened a missing file";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(path + ": cannot open"), std::string::npos) << e.what();
  }
}

TEST_F(LogReaderTest, EmptyFile) {
  const auto path = dir.write("empty.csv", "");
  expect_input_error(path, layout, {path + ":", "no header row"});
}

// An endless line (a log that is /dev/zero, or a row of garbage without a newline) is refused
// at the line limit, naming the file and the line, instead of filling the memory.
TEST_F(LogReaderTest, AnEndlessLineIsRefusedAtTheLimit) {
  const std::string row(LineSource::kMaxLineBytes + 10, '7');
  const auto path = dir.write("long.csv", "t,seat,back\n0,1,2\n" + row + "\n1,1,2\n");
  LogReader reader(path, layout);
  Sample s;
  ASSERT_TRUE(reader.next(s));
  try {
    reader.next(s);
    FAIL() << "read a line past the limit";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), path + ":3: a line longer than 64 KiB: not a sensor log");
  }
  // A long field of garbage is quoted in short.
  const auto garbage = dir.write("garbage.csv", "t,seat,back\n" + std::string(5000, 'z') + ",1,2\n");
  try {
    LogReader bad(garbage, layout);
    bad.next(s);
    FAIL() << "read garbage";
  } catch (const InputError& e) {
    EXPECT_LT(std::string(e.what()).size(), garbage.size() + 120) << e.what();
  }
  expect_input_error("/dev/zero", layout, {"/dev/zero:1:", "a line longer than 64 KiB"});
}

TEST_F(LogReaderTest, ValuesAreResetEachRow) {
  LogReader reader(dir.write("r.csv", "t,seat,back\n0,1,2\n1,,\n"), layout);
  Sample s;
  ASSERT_TRUE(reader.next(s));
  ASSERT_TRUE(reader.next(s));
  EXPECT_TRUE(std::isnan(s.values[0]));
  EXPECT_TRUE(std::isnan(s.values[1]));
}

TEST(ParseReading, Fields) {
  double v = 0;
  EXPECT_TRUE(parse_reading("", v));
  EXPECT_TRUE(std::isnan(v));
  EXPECT_TRUE(parse_reading("nAn", v));
  EXPECT_TRUE(std::isnan(v));
  EXPECT_TRUE(parse_reading("-12.5", v));
  EXPECT_DOUBLE_EQ(v, -12.5);
  EXPECT_TRUE(parse_reading("+7", v));
  EXPECT_DOUBLE_EQ(v, 7);
  EXPECT_FALSE(parse_reading("7 kg", v));
  EXPECT_FALSE(parse_reading("1e999", v));
  EXPECT_FALSE(parse_reading("-inf", v));
  EXPECT_FALSE(parse_reading("0x10", v));
}

}  // namespace
}  // namespace chairhub
