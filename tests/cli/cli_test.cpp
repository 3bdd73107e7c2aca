// The commands for the person wiring a chair, run as the real binary against a scenario acted
// out on the simulated chips (--simulate): probe's verdicts, a calibrate session fed through standard input, and a
// recording replayed with and without the calibration it made.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "calibration/file.hpp"
#include "core/channel.hpp"
#include "support/temp_dir.hpp"

namespace chairhub {
namespace {

using testing_support::TempDir;

// Rate 80 and the fastest ADS1115 rate keep each test to a few seconds.
const std::string kHardware = R"(
[hardware]
realtime = false
[hardware.hx711]
clock = 5
rate = 80
data = { seat_fl = 6, seat_fr = 13, seat_bl = 19, seat_br = 26 }
[hardware.ads1115]
bus = 1
address = 0x48
rate = 860
inputs = { lumbar_l = 0, lumbar_r = 1, foot_l = 2, foot_r = 3 }
[[hardware.outputs]]
name = "led"
kind = "led"
line = 16
[[hardware.outputs]]
name = "buzzer"
kind = "buzzer"
line = 20
)";

const std::string kOccupancy = "[occupancy]\ndebounce_s = 0.5\n";
const std::string kConfig = "[calibration]\nfile = \"cal.toml\"\n" + kOccupancy + kHardware;

// The chair's own sensors, far from the default calibration: seat_bl alone reads 19 kg on an
// empty seat with the default offset 0 and 21000 counts per kg. A scenario (the format of every
// simulation, sim/scenario.hpp) acted out on the simulated chips.
const std::string kSensors = R"([log]
noise_kg = 0.0005
noise_contact = 0
move_s = 0.5
[sensors]
seat_fl = { offset = 8000, per_kg = 20000 }
seat_fr = { offset = -3000, per_kg = 22500 }
seat_bl = { offset = 400000, per_kg = 19000 }
seat_br = { offset = 500, per_kg = 21000 }
lumbar_l = { empty = 900, full = 22000 }
lumbar_r = { empty = 1100, full = 20000 }
foot_l = { empty = 700, full = 25000 }
foot_r = { empty = 800, full = 23000 }
)";

// Nobody on the chair.
const std::string kCells = kSensors + "[[step]]\nposture = \"away\"\nminutes = 60\n";

// Someone sits down once the chips have given `away` seconds of readings (80 a second). A
// scenario steps once per reading, while a recording's time is the clock's: on a slow machine
// (a sanitizer's build) the chips read more slowly and the sitter comes later in the recording.
std::string sitter_after(const std::string& away) {
  return kSensors + "[sitter]\nmass_kg = 85\n[[step]]\nposture = \"away\"\nseconds = " + away +
         "\n[[step]]\nposture = \"upright\"\nminutes = 60\n";
}
const std::string kSitter = sitter_after("1.5");
const std::string kSitterSoon = sitter_after("0.5");

struct Result {
  int status = -1;
  std::string out, err;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Starts chairhub in `dir` with `input` as its standard input (a file: not a terminal, like a
// pipe) and stdout/stderr going to files there.
pid_t spawn(const TempDir& dir, const std::vector<std::string>& args, const std::string& input,
            const char* program = CHAIRHUB_BIN) {
  dir.write("stdin.txt", input);
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (::chdir(dir.path("").c_str()) != 0) ::_exit(126);
    ::dup2(::open("stdin.txt", O_RDONLY), 0);
    ::dup2(::open("stdout.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644), 1);
    ::dup2(::open("stderr.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644), 2);
    std::vector<char*> argv{const_cast<char*>(program)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(program, argv.data());
    ::_exit(127);
  }
  return pid;
}

Result finish(const TempDir& dir, pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  Result r;
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = slurp(dir.path("stdout.txt"));
  r.err = slurp(dir.path("stderr.txt"));
  return r;
}

Result run(const TempDir& dir, const std::vector<std::string>& args, const std::string& input = "") {
  return finish(dir, spawn(dir, args, input));
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string lines(int n, const std::string& line = "") {
  std::string out;
  for (int i = 0; i < n; ++i) out += line + "\n";
  return out;
}

// Enter for each of the ten steps of a full calibration of the standard chair.
const std::string kTenEnters = lines(10);

// Time of the first event of `type` in replay output; -1 when there is none.
double first_event(const std::string& events, const std::string& type) {
  const std::regex re("\\{\"type\":\"" + type + "\",\"t\":([0-9.]+)");
  std::smatch m;
  return std::regex_search(events, m, re) ? std::stod(m[1]) : -1;
}

std::vector<std::string> data_rows(const std::string& log) {
  std::vector<std::string> rows;
  std::istringstream in(log);
  std::string line;
  bool header = false;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (!header) {
      header = true;
      continue;
    }
    rows.push_back(line);
  }
  return rows;
}

std::vector<std::string> fields(const std::string& row) {
  std::vector<std::string> out;
  std::string f;
  std::istringstream in(row);
  while (std::getline(in, f, ',')) out.push_back(f);
  if (!row.empty() && row.back() == ',') out.emplace_back();
  return out;
}

// ---------------------------------------------------------------------------------------------
// probe

TEST(Probe, AllSensorsAnswer) {
  TempDir dir;
  dir.write("chair.toml", kConfig);
  dir.write("sim.toml", kCells);
  const Result r = run(dir, {"probe", "-c", "chair.toml", "--simulate", "sim.toml"});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  for (const char* ch : {"seat_fl", "seat_fr", "seat_bl", "seat_br", "lumbar_l", "lumbar_r", "foot_l", "foot_r"}) {
    EXPECT_TRUE(std::regex_search(r.out, std::regex(std::string(ch) + " +[^\n]* ok +raw -?[0-9]+"))) << ch << "\n" << r.out;
  }
  std::smatch m;  // seat_bl reads its offset, give or take the noise
  ASSERT_TRUE(std::regex_search(r.out, m, std::regex("seat_bl +data line 19 +ok +raw ([0-9]+)"))) << r.out;
  EXPECT_NEAR(std::stod(m[1]), 400000, 25);
  EXPECT_TRUE(has(r.out, "ADS1115 pads at 0x48 on /dev/i2c-1")) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("\\n  [0-9.]+ reads/s\\n"))) << r.out;
  EXPECT_TRUE(has(r.out, "led        line 16")) << r.out;
  EXPECT_TRUE(has(r.out, "buzzer     line 20")) << r.out;
  EXPECT_TRUE(has(r.out, "all good")) << r.out;
}

TEST(Probe, SaysWhatIsWrongInPlainWords) {
  TempDir dir;
  dir.write("chair.toml", kConfig);
  dir.write("sim.toml", kCells + "[devices.faults]\nseat_fr = \"stuck_low\"\nseat_bl = \"never_ready\"\nfoot_l = \"absent\"\n");
  const Result r = run(dir, {"probe", "-c", "chair.toml", "--simulate", "sim.toml"});
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_TRUE(has(r.out, "HX711 seat_fr: data line stuck low")) << r.out;
  EXPECT_TRUE(has(r.out, "HX711 seat_bl: never became ready")) << r.out;
  EXPECT_TRUE(has(r.out, "no chip at 0x48 on /dev/i2c-1")) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("seat_fl +data line 6 +ok"))) << r.out;
  EXPECT_TRUE(has(r.out, "3 problems:")) << r.out;
}

TEST(Probe, NoI2cBusAndAnUnpluggedBoard) {
  TempDir dir;
  dir.write("chair.toml", kConfig);
  dir.write("sim.toml", kCells + "[devices]\nno_i2c_bus = true\n[devices.faults]\nseat_br = \"unplugged\"\n");
  const Result r = run(dir, {"probe", "-c", "chair.toml", "--simulate", "sim.toml"});
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_TRUE(has(r.out, "opening /dev/i2c-1: No such file or directory (is I2C enabled")) << r.out;
  EXPECT_TRUE(has(r.out, "HX711 seat_br: never became ready")) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("lumbar_l +not tried"))) << r.out;
}

TEST(Probe, LinesHeldByAnotherProgram) {
  TempDir dir;
  dir.write("chair.toml", kConfig);
  dir.write("sim.toml", kCells + "[devices]\ntaken_lines = [20]\n");
  const Result r = run(dir, {"probe", "-c", "chair.toml", "--simulate", "sim.toml", "--outputs", "--reads", "2"});
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_TRUE(has(r.out, "GPIO line 20 on ")) << r.out;
  EXPECT_TRUE(has(r.out, "busy")) << r.out;
  EXPECT_TRUE(has(r.out, "if chairhubd is running, `systemctl stop chairhubd` first")) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("seat_fl +data line 6 +ok"))) << r.out;  // the rest is still probed

  const Result rec = run(dir, {"record", "-c", "chair.toml", "--simulate", "sim.toml", "--duration", "1", "-o", "x.csv"});
  EXPECT_EQ(rec.status, 1);
  EXPECT_TRUE(has(rec.err, "chairhub: chair.toml: GPIO line 20 on ")) << rec.err;
  EXPECT_TRUE(has(rec.err, "`chairhub probe` checks the wiring")) << rec.err;
}

TEST(Probe, OutputsBlinkAndChirp) {
  TempDir dir;
  dir.write("chair.toml", kConfig);
  dir.write("sim.toml", kCells);
  const Result r = run(dir, {"probe", "-c", "chair.toml", "--simulate", "sim.toml", "--outputs", "--reads", "2"});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_TRUE(has(r.out, "led        line 16        LED     blinking 3 times now... done")) << r.out;
  EXPECT_TRUE(has(r.out, "buzzer     line 20        buzzer  chirping twice now... done")) << r.out;
}

TEST(Probe, ChannelInTheConfigButNotWired) {
  TempDir dir;
  std::string config = kConfig;
  config.replace(config.find(", foot_r = 3"), 12, "");
  dir.write("chair.toml", config);
  dir.write("sim.toml", kCells);
  const Result r = run(dir, {"probe", "-c", "chair.toml", "--simulate", "sim.toml", "--reads", "2"});
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_TRUE(has(r.out, "foot_r: in the config's channels but not wired in [hardware]")) << r.out;
}

TEST(Probe, BadInputNamesFileAndLine) {
  TempDir dir;
  dir.write("plain.toml", kOccupancy);
  Result r = run(dir, {"probe", "-c", "plain.toml"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "chairhub: plain.toml: no [hardware] section")) << r.err;

  std::string config = kConfig;
  const std::size_t at = config.find("rate = 80");
  config.replace(at, 9, "rate = 20");
  const auto line = std::to_string(std::count(config.begin(), config.begin() + static_cast<long>(at), '\n') + 1);
  dir.write("chair.toml", config);
  r = run(dir, {"probe", "-c", "chair.toml"});
  EXPECT_EQ(r.status, 78) << "a bad [hardware] is a bad config";
  EXPECT_TRUE(has(r.err, "chairhub: chair.toml:" + line + ": hardware.hx711.rate: must be 10 or 80")) << r.err;

  dir.write("chair.toml", kConfig);
  dir.write("sim.toml", "[sensors]\nseat_zz = { offset = 1 }\n[[step]]\nminutes = 1\n");
  r = run(dir, {"probe", "-c", "chair.toml", "--simulate", "sim.toml"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "chairhub: sim.toml:2: sensors.seat_zz: not a channel of the config")) << r.err;
  // A chip fault the wired chip does not have: its model says which it has, where the file says it.
  dir.write("sim.toml", kCells + "[devices.faults]\nseat_fl = \"absent\"\n");
  r = run(dir, {"probe", "-c", "chair.toml", "--simulate", "sim.toml"});
  EXPECT_EQ(r.status, 1);
  const auto fault_line = std::to_string(std::count(kCells.begin(), kCells.end(), '\n') + 2);
  EXPECT_TRUE(has(r.err, "chairhub: sim.toml:" + fault_line + ": devices.faults.seat_fl: an HX711 fault is")) << r.err;

  r = run(dir, {"probe", "-c", "missing.toml"});
  EXPECT_EQ(r.status, 78);
  EXPECT_TRUE(has(r.err, "missing.toml: cannot open the config file")) << r.err;
}

// ---------------------------------------------------------------------------------------------
// check-config, and the same config read by a command

// Problems in five sections: a port out of range and a bad chair id ([mqtt]), a misspelt key
// ([posture]), a bad service value and a pin no Pi has ([hardware]).
const char* const kManyProblems = R"([mqtt]
host = "127.0.0.1"
port = 70000
chair_id = "office chair"
[posture]
laterall = 0.2
[service]
speed = -1
[hardware.hx711]
clock = 2000
data = { seat_fl = 6, seat_fr = 13, seat_bl = 19, seat_br = 26 }
)";

const char* const kManyProblemsReported[] = {
    "chair.toml:3: mqtt.port: must be between 1 and 65535, not 70000",
    "chair.toml:4: mqtt.chair_id: use 1..64 letters, digits, '_' or '-'",
    "chair.toml:6: posture.laterall: unknown key",
    "chair.toml:8: service.speed: must be between 0 and 1e+06, not -1",
    "chair.toml:10: hardware.hx711.clock: line number must be between 0 and 1023, not 2000",
};

TEST(CheckConfig, EveryProblemOfEverySectionAtOnce) {
  TempDir dir;
  dir.write("chair.toml", kManyProblems);
  // check-config, and a command that reads the same config, say the same: every problem.
  for (const std::vector<std::string>& args : {std::vector<std::string>{"check-config", "chair.toml"},
                                               std::vector<std::string>{"probe", "-c", "chair.toml"}}) {
    SCOPED_TRACE(args[0]);
    const Result r = run(dir, args);
    EXPECT_EQ(r.status, 78) << r.err;
    for (const char* problem : kManyProblemsReported)
      EXPECT_TRUE(has(r.err, std::string(problem) + "\n")) << problem << "\n" << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 5) << r.err;
  }
  dir.write("chair.toml", "[posture]\ndwell_s = 2\n[service]\nsource = \"simulated\"\n");
  const Result ok = run(dir, {"check-config", "chair.toml"});
  EXPECT_EQ(ok.status, 0) << ok.err;
  EXPECT_EQ(ok.out, "chair.toml: ok\n");
}

// ---------------------------------------------------------------------------------------------
// calibrate

void expect_calibrated(const Calibration& c) {
  const std::pair<const char*, std::pair<double, double>> cells[] = {
      {"seat_fl", {8000, 20000}}, {"seat_fr", {-3000, 22500}}, {"seat_bl", {400000, 19000}}, {"seat_br", {500, 21000}}};
  for (const auto& [name, truth] : cells) {
    ASSERT_TRUE(c.count(name)) << name;
    EXPECT_NEAR(*c.at(name).offset, truth.first, 20) << name;
    EXPECT_NEAR(1 / *c.at(name).scale, truth.second, truth.second * 0.005) << name;
  }
  const std::pair<const char*, std::pair<double, double>> pads[] = {
      {"lumbar_l", {900, 22000}}, {"lumbar_r", {1100, 20000}}, {"foot_l", {700, 25000}}, {"foot_r", {800, 23000}}};
  for (const auto& [name, truth] : pads) {
    ASSERT_TRUE(c.count(name)) << name;
    EXPECT_NEAR(*c.at(name).empty, truth.first, 25) << name;
    EXPECT_NEAR(*c.at(name).full, truth.second, 25) << name;
  }
}

TEST(Calibrate, GuidedSessionThroughStandardInput) {
  TempDir dir;
  dir.write("chair.toml", kConfig);
  dir.write("sim.toml", kCells);
  const Result r =
      run(dir, {"calibrate", "-c", "chair.toml", "--simulate", "sim.toml", "--weight", "10", "--samples", "6"}, kTenEnters);
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_TRUE(has(r.out, "1. Empty the chair")) << r.out;
  EXPECT_TRUE(has(r.out, "2. Put the 10 kg weight on the middle of the seat")) << r.out;
  EXPECT_TRUE(has(r.out, "over the back-right corner of the seat, above load cell seat_br")) << r.out;
  EXPECT_TRUE(has(r.out, "Press the foot_r pad (foot pad, right)")) << r.out;
  EXPECT_TRUE(has(r.out, "wrote cal.toml")) << r.out;
  const std::string text = slurp(dir.path("cal.toml"));
  EXPECT_EQ(text.rfind("# chairhub calibration: written by `chairhub calibrate` on ", 0), 0u) << text;
  EXPECT_TRUE(has(text, "# known weight 10 kg at the centre and over each of 4 cells; fit ")) << text;
  expect_calibrated(load_calibration(dir.path("cal.toml"), ChannelLayout::standard()));
}

TEST(Calibrate, AsksForTheWeightUntilItIsOne) {
  TempDir dir;
  dir.write("chair.toml", kConfig);
  dir.write("sim.toml", kCells);
  const Result r =
      run(dir, {"calibrate", "-c", "chair.toml", "--simulate", "sim.toml", "--samples", "4"}, "ten\n-3\n12.5\n" + kTenEnters);
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_TRUE(has(r.out, "'ten' is not a weight in kg")) << r.out;
  EXPECT_TRUE(has(r.out, "'-3' is not a weight in kg")) << r.out;
  EXPECT_TRUE(has(r.out, "Put the 12.5 kg weight")) << r.out;
  expect_calibrated(load_calibration(dir.path("cal.toml"), ChannelLayout::standard()));
}

TEST(Calibrate, InputEndingEarlyWritesNothing) {
  TempDir dir;
  dir.write("chair.toml", kConfig);
  dir.write("sim.toml", kCells);
  dir.write("cal.toml", "[seat_fl]\noffset = 1\n");
  const Result r = run(dir, {"calibrate", "-c", "chair.toml", "--simulate", "sim.toml", "--weight", "10", "--samples", "2"},
                       lines(3));
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_TRUE(has(r.err, "chairhub: standard input:3: ended before front-right corner (seat_fr); nothing written")) << r.err;
  EXPECT_EQ(slurp(dir.path("cal.toml")), "[seat_fl]\noffset = 1\n");
}

TEST(Calibrate, QuitWritesNothing) {
  TempDir dir;
  dir.write("chair.toml", kConfig);
  dir.write("sim.toml", kCells);
  const Result r = run(dir, {"calibrate", "-c", "chair.toml", "--simulate", "sim.toml", "--weight", "10", "--samples", "2"},
                       "\nq\n");
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_TRUE(has(r.err, "chairhub: calibrate: stopped at centre; nothing written")) << r.err;
  EXPECT_FALSE(std::ifstream(dir.path("cal.toml")).good());
}

TEST(Calibrate, FaultyCellStopsWithItsFault) {
  TempDir dir;
  dir.write("chair.toml", kConfig);
  dir.write("sim.toml", kCells + "[devices.faults]\nseat_fr = \"never_ready\"\n");
  const Result r = run(dir, {"calibrate", "-c", "chair.toml", "--simulate", "sim.toml", "--weight", "10", "--samples", "4"},
                       kTenEnters);
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_TRUE(has(r.err, "chairhub: calibrate: the empty chair: HX711 seat_fr: never became ready")) << r.err;
  EXPECT_TRUE(has(r.err, "nothing written")) << r.err;
  EXPECT_FALSE(std::ifstream(dir.path("cal.toml")).good());
}

TEST(Calibrate, PadThatDoesNotRespondIsNamed) {
  TempDir dir;
  dir.write("chair.toml", kConfig);
  std::string sim = kCells;
  sim.replace(sim.find("full = 25000"), 12, "full = 720");
  dir.write("sim.toml", sim);
  const Result r = run(dir, {"calibrate", "-c", "chair.toml", "--simulate", "sim.toml", "--weight", "10", "--samples", "3"},
                       kTenEnters);
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_TRUE(has(r.err, "chairhub: calibrate: foot_l barely changed when pressed")) << r.err;
  EXPECT_TRUE(has(r.err, "; nothing written")) << r.err;
  EXPECT_FALSE(std::ifstream(dir.path("cal.toml")).good());
}

TEST(Calibrate, NeedsToKnowWhereToWrite) {
  TempDir dir;
  dir.write("chair.toml", kOccupancy + kHardware);
  dir.write("sim.toml", kCells);
  Result r = run(dir, {"calibrate", "-c", "chair.toml", "--simulate", "sim.toml", "--weight", "10"}, kTenEnters);
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "chairhub: chair.toml: no calibration file: add [calibration] file")) << r.err;

  r = run(dir, {"calibrate", "-c", "chair.toml", "--simulate", "sim.toml", "--weight", "10", "--samples", "4", "-o", "mine.toml"},
          kTenEnters);
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_TRUE(has(r.out, "to use it, set in chair.toml:\n  [calibration]\n  file = \"mine.toml\"")) << r.out;
  expect_calibrated(load_calibration(dir.path("mine.toml"), ChannelLayout::standard()));
}

TEST(Calibrate, TareOnlyUpdatesTheOffsets) {
  TempDir dir;
  dir.write("chair.toml", kConfig);
  dir.write("sim.toml", kCells);
  dir.write("cal.toml", "[seat_fl]\noffset = 7000\nscale = 5e-05\n[seat_bl]\nscale = 5.2e-05\n[foot_r]\nempty = 1\nfull = 2\n");
  const Result r = run(dir, {"calibrate", "--tare", "-c", "chair.toml", "--simulate", "sim.toml", "--samples", "4"}, "\n");
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("seat_fl +offset 7000 -> (79|80)[0-9][0-9] \\(\\+0\\.0[45] kg\\)"))) << r.out;
  const Calibration c = load_calibration(dir.path("cal.toml"), ChannelLayout::standard());
  EXPECT_NEAR(*c.at("seat_fl").offset, 8000, 20);
  EXPECT_DOUBLE_EQ(*c.at("seat_fl").scale, 5e-05);
  EXPECT_NEAR(*c.at("seat_bl").offset, 400000, 20);
  EXPECT_DOUBLE_EQ(*c.at("seat_bl").scale, 5.2e-05);
  EXPECT_NEAR(*c.at("seat_br").offset, 500, 20);
  EXPECT_FALSE(c.at("seat_br").scale);
  EXPECT_DOUBLE_EQ(*c.at("foot_r").full, 2);
  EXPECT_FALSE(c.at("foot_r").offset);
}

// ---------------------------------------------------------------------------------------------
// record

TEST(Record, WritesAReplayableRawLogForTheDuration) {
  TempDir dir;
  dir.write("chair.toml", kConfig);
  dir.write("sim.toml", kSitter);
  const Result r = run(dir, {"record", "-c", "chair.toml", "--simulate", "sim.toml", "--duration", "2.5", "-o", "rec.csv"});
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  const std::string log = slurp(dir.path("rec.csv"));
  EXPECT_EQ(log.rfind("# chairhub sensor log\n# units: raw\n", 0), 0u) << log.substr(0, 300);
  EXPECT_TRUE(has(log, "# rate_hz: 80\n")) << log.substr(0, 300);
  EXPECT_TRUE(has(log, "# source: chairhub record\n")) << log.substr(0, 300);
  EXPECT_TRUE(has(log, "\nt,seat_fl,seat_fr,seat_bl,seat_br,lumbar_l,lumbar_r,foot_l,foot_r\n")) << log.substr(0, 300);
  const auto rows = data_rows(log);
  ASSERT_GT(rows.size(), 50u);
  EXPECT_LT(rows.size(), 260u);
  EXPECT_EQ(fields(rows.front()).front(), "0");
  const double last = std::stod(fields(rows.back()).front());
  EXPECT_GE(last, 2.5);
  EXPECT_LT(last, 3.0);
  for (const auto& row : rows) ASSERT_EQ(fields(row).size(), 9u) << row;
  EXPECT_TRUE(has(r.err, "samples over 2.")) << r.err;

  // Recording needs no calibration, but a replay with the config needs the file it names.
  Result replay = run(dir, {"replay", "rec.csv", "-c", "chair.toml"});
  EXPECT_EQ(replay.status, 78);
  EXPECT_TRUE(has(replay.err, "chairhub: chair.toml:2: calibration.file: cannot open \"cal.toml\"")) << replay.err;
  dir.write("cal.toml", "[seat_fl]\noffset = 8000\n");
  replay = run(dir, {"replay", "rec.csv", "-c", "chair.toml"});
  EXPECT_EQ(replay.status, 0) << replay.err;
}

TEST(Record, ToStandardOutput) {
  TempDir dir;
  dir.write("chair.toml", kConfig);
  dir.write("sim.toml", kCells);
  const Result r = run(dir, {"record", "-c", "chair.toml", "--simulate", "sim.toml", "--duration", "0.5"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("# chairhub sensor log\n", 0), 0u);
  EXPECT_GT(data_rows(r.out).size(), 10u);
}

// The whole point of calibrating: the same recording means something else through the
// calibration. Uncalibrated, seat_bl's offset alone reads as someone sitting from the start.
TEST(Record, CalibrationFileChangesTheReplay) {
  TempDir dir;
  dir.write("chair.toml", kConfig);
  dir.write("plain.toml", kOccupancy + kHardware);
  dir.write("cells.toml", kCells);
  const Result cal =
      run(dir, {"calibrate", "-c", "chair.toml", "--simulate", "cells.toml", "--weight", "10", "--samples", "4"}, kTenEnters);
  ASSERT_EQ(cal.status, 0) << cal.out << cal.err;
  dir.write("sim.toml", kSitterSoon);
  const Result rec = run(dir, {"record", "-c", "chair.toml", "--simulate", "sim.toml", "--duration", "4", "-o", "rec.csv"});
  ASSERT_EQ(rec.status, 0) << rec.err;

  const Result plain = run(dir, {"replay", "rec.csv", "-c", "plain.toml"});
  ASSERT_EQ(plain.status, 0) << plain.err;
  const Result calibrated = run(dir, {"replay", "rec.csv", "-c", "chair.toml"});
  ASSERT_EQ(calibrated.status, 0) << calibrated.err;
  const double seated_plain = first_event(plain.out, "seated");
  const double seated_calibrated = first_event(calibrated.out, "seated");
  EXPECT_GE(seated_plain, 0) << plain.out;
  EXPECT_LT(seated_plain, 1.2) << plain.out;
  // Only once the sitter is there: at least 0.5 s in, then the 0.5 s debounce.
  EXPECT_GE(seated_calibrated, 0) << calibrated.out;
  EXPECT_GT(seated_calibrated, seated_plain + 0.3) << plain.out << calibrated.out;
}

class RecordStops : public ::testing::TestWithParam<int> {};

TEST_P(RecordStops, OnSignalWithACompleteFile) {
  TempDir dir;
  dir.write("chair.toml", kConfig);
  dir.write("cal.toml", "");
  dir.write("sim.toml", kSitter);
  const pid_t pid = spawn(dir, {"record", "-c", "chair.toml", "--simulate", "sim.toml", "-o", "rec.csv"}, "");
  // Wait until it is well into recording (the file is flushed every second).
  for (int i = 0; i < 200 && data_rows(slurp(dir.path("rec.csv"))).size() < 80; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ASSERT_EQ(::kill(pid, GetParam()), 0);
  const Result r = finish(dir, pid);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(r.err, "(stopped by signal)")) << r.err;
  const std::string log = slurp(dir.path("rec.csv"));
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log.back(), '\n');
  const auto rows = data_rows(log);
  EXPECT_GT(rows.size(), 80u);
  for (const auto& row : rows) ASSERT_EQ(fields(row).size(), 9u) << row;
  const Result replay = run(dir, {"replay", "rec.csv", "-c", "chair.toml"});
  EXPECT_EQ(replay.status, 0) << replay.err;
}

INSTANTIATE_TEST_SUITE_P(Signals, RecordStops, ::testing::Values(SIGINT, SIGTERM),
                         [](const auto& info) { return info.param == SIGINT ? "SIGINT" : "SIGTERM"; });

TEST(Record, FaultyCellLeavesItsColumnEmptyAndSaysSo) {
  TempDir dir;
  dir.write("chair.toml", kConfig);
  dir.write("cal.toml", "");
  dir.write("sim.toml", kSitter + "[devices.faults]\nseat_fr = \"never_ready\"\n");
  const Result r = run(dir, {"record", "-c", "chair.toml", "--simulate", "sim.toml", "--duration", "2", "-o", "rec.csv"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(r.err, "HX711 seat_fr: never became ready")) << r.err;
  const auto rows = data_rows(slurp(dir.path("rec.csv")));
  ASSERT_GT(rows.size(), 20u);
  EXPECT_EQ(fields(rows.back())[2], "") << rows.back();
  EXPECT_NE(fields(rows.back())[1], "") << rows.back();
  const Result replay = run(dir, {"replay", "rec.csv", "-c", "chair.toml"});
  EXPECT_EQ(replay.status, 0) << replay.err;
  EXPECT_TRUE(has(replay.out, R"({"type":"sensor_fault",)")) << replay.out;
  EXPECT_TRUE(has(replay.out, R"("channel":"seat_fr")")) << replay.out;
}

// ---------------------------------------------------------------------------------------------
// the command line itself

TEST(Usage, AnUnknownCommandSuggestsTheNearestAndExits64) {
  TempDir dir;
  Result r = run(dir, {"replya", "x.csv"});
  EXPECT_EQ(r.status, 64);
  EXPECT_EQ(r.err, "chairhub: 'replya' is not a chairhub command; did you mean 'replay'?\n");
  r = run(dir, {"help"});
  EXPECT_EQ(r.status, 64);
  EXPECT_TRUE(has(r.err, "'help' is not a chairhub command (chairhub --help lists them)")) << r.err;
}

TEST(Usage, BadOptionsExit64WithNumbersAsPeopleWriteThem) {
  TempDir dir;
  Result r = run(dir, {"replay", "x.csv", "--speed", "-1"});
  EXPECT_EQ(r.status, 64);
  EXPECT_TRUE(has(r.err, "--speed: must be between 0 and 1000000, not -1")) << r.err;
  r = run(dir, {"replay", "x.csv", "--broker", "localhost"});
  EXPECT_EQ(r.status, 64);
  EXPECT_TRUE(has(r.err, "--broker requires --mqtt")) << r.err;
  // Mistakes only the command itself can see are usage errors too.
  r = run(dir, {"eval"});
  EXPECT_EQ(r.status, 64);
  EXPECT_TRUE(has(r.err, "needs a log (or several), or --population N")) << r.err;
  r = run(dir, {"simulate", "--population", "3"});
  EXPECT_EQ(r.status, 64);
  EXPECT_TRUE(has(r.err, "needs -o DIR")) << r.err;
  r = run(dir, {"replay", "--help"});
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(has(r.out, "Examples:")) << r.out;
  // CLI11 2.3 (Debian 12) shows a default as "=0", 2.4 (Debian 13) as "[0]"
  EXPECT_TRUE(has(r.out, "=0") || has(r.out, "[0]")) << "the default of --speed: " << r.out;
  r = run(dir, {"--version"});
  EXPECT_EQ(r.status, 0);
  EXPECT_FALSE(r.out.empty());
}

// The guided posture calibration on the simulated chair: each posture held 2 s, the model
// written where asked, readable, and every posture in it.
TEST(CalibratePostures, GuidedSessionWritesAModel) {
  TempDir dir;
  dir.write("chair.toml", kOccupancy + kHardware);
  dir.write("sim.toml", kCells);
  const Result r = run(dir, {"calibrate", "-c", "chair.toml", "--simulate", "sim.toml", "--postures", "--hold", "2", "-o",
                             "postures.toml"},
                       lines(6));
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_TRUE(has(r.out, "1. Sit upright")) << r.out;
  EXPECT_TRUE(has(r.out, "6. Recline")) << r.out;
  EXPECT_TRUE(has(r.out, "wrote postures.toml")) << r.out;
  const std::string text = slurp(dir.path("postures.toml"));
  EXPECT_TRUE(has(text, "chairhub calibrate --postures")) << text;
  for (const char* p : {"upright", "slouching", "leaning_left", "leaning_right", "leaning_forward", "reclined"})
    EXPECT_TRUE(has(text, std::string("posture = \"") + p + "\"")) << p << "\n" << text;
}

TEST(CalibratePostures, StoppingEarlyKeepsThePreviousModel) {
  TempDir dir;
  dir.write("chair.toml", kOccupancy + kHardware);
  dir.write("sim.toml", kCells);
  dir.write("postures.toml", "previous");
  const Result r = run(
      dir, {"calibrate", "-c", "chair.toml", "--simulate", "sim.toml", "--postures", "--hold", "2", "-o", "postures.toml"},
      "\nq\n");
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_TRUE(has(r.err, "stopped at slouching; nothing written")) << r.err;
  EXPECT_EQ(slurp(dir.path("postures.toml")), "previous");
}

// learn from a simulated sitter's guided calibration, then replay and eval with the model.
TEST(Learn, ModelFromALabelledLogIsUsedByReplayAndEval) {
  TempDir dir;
  Result r = run(dir, {"simulate", "--population", "1", "-o", "people"});
  ASSERT_EQ(r.status, 0) << r.err;
  r = run(dir, {"learn", "people/calibration/sitter_01.csv", "-o", "anna.toml"});
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_TRUE(has(r.out, "learnt 6 postures from")) << r.out;
  r = run(dir, {"replay", "people/sitter_01.csv", "--postures", "anna.toml"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(r.out, R"("posture":"reclined")")) << r.out;
  r = run(dir, {"eval", "people/sitter_01.csv", "--postures", "anna.toml"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(r.out, "sitter_01")) << r.out;
}

TEST(Learn, IncompleteLabelsWriteNothing) {
  TempDir dir;
  dir.write("anna.toml", "previous");
  const std::string log = std::string(CHAIRHUB_GOLDEN_DIR) + "/feet.csv";  // upright only, feet moving
  Result r = run(dir, {"learn", log, "-o", "anna.toml"});
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_TRUE(has(r.err, "cannot learn postures: only 'upright' was held")) << r.err;
  EXPECT_EQ(slurp(dir.path("anna.toml")), "previous");
  dir.write("bad.toml", "features = [\"cop_x\"]\n");
  r = run(dir, {"replay", log, "--postures", "bad.toml"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "bad.toml")) << r.err;
}

// On a terminal (script(1) gives it one) the events are lines a person reads; --json keeps JSON.
TEST(Usage, ReplayPrintsReadableLinesOnATerminal) {
  if (::access("/usr/bin/script", X_OK) != 0) GTEST_SKIP() << "script(1) is not installed";
  TempDir dir;
  const std::string log = std::string(CHAIRHUB_GOLDEN_DIR) + "/postures.csv";
  const std::string command = std::string(CHAIRHUB_BIN) + " replay " + log;
  Result r = finish(dir, spawn(dir, {"-qec", command, "/dev/null"}, "", "/usr/bin/script"));
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(r.out, "0:00:08  seated       someone sat down")) << r.out;
  EXPECT_TRUE(has(r.out, "posture      slouching, was upright")) << r.out;
  EXPECT_FALSE(has(r.out, "{\"type\"")) << r.out;
  r = finish(dir, spawn(dir, {"-qec", command + " --json", "/dev/null"}, "", "/usr/bin/script"));
  EXPECT_TRUE(has(r.out, R"({"type":"seated","t":7.8})")) << r.out;
  // at a set speed, how far it has come (on stderr, which script(1) puts on the same terminal)
  r = finish(dir, spawn(dir, {"-qec", command + " --speed 5000", "/dev/null"}, "", "/usr/bin/script"));
  EXPECT_TRUE(has(r.out, "replaying: 0:00:00 of the log")) << r.out;
  EXPECT_TRUE(has(r.out, "posture      slouching, was upright")) << r.out;
}

// A replayed log fills a history; `report` reads a day of it back as words, a picture and a page.
TEST(Report, AReplayedLogInTheHistoryAndItsDay) {
  TempDir dir;
  const std::string log = std::string(CHAIRHUB_GOLDEN_DIR) + "/feet.csv";
  const auto without_start = run(dir, {"replay", log, "--history", "h.sqlite", "--json"});
  EXPECT_EQ(without_start.status, 64) << without_start.err;
  EXPECT_TRUE(has(without_start.err, "--history needs to know when the log began")) << without_start.err;

  const auto replay = run(dir, {"replay", log, "--history", "h.sqlite", "--start", "2026-11-30T09:00", "--json"});
  ASSERT_EQ(replay.status, 0) << replay.err;
  const auto report = run(dir, {"report", "--history", "h.sqlite", "--day", "2026-11-30", "--svg", "day.svg", "--html",
                                "day.html"});
  ASSERT_EQ(report.status, 0) << report.err;
  EXPECT_TRUE(has(report.out, "2026-11-30\n  seated                  3 min")) << report.out;
  EXPECT_TRUE(has(report.out, "upright            100 %")) << report.out;
  EXPECT_TRUE(has(slurp(dir.path("day.svg")), "<svg")) << slurp(dir.path("day.svg"));
  EXPECT_TRUE(has(slurp(dir.path("day.html")), "<h1>2026-11-30</h1>"));

  const auto bad_day = run(dir, {"report", "--history", "h.sqlite", "--day", "30.11.2026"});
  EXPECT_NE(bad_day.status, 0);
  EXPECT_TRUE(has(bad_day.err, "expected a date as YYYY-MM-DD")) << bad_day.err;
  const auto nowhere = run(dir, {"report", "--history", "none.sqlite"});
  EXPECT_NE(nowhere.status, 0);
  EXPECT_TRUE(has(nowhere.err, "none.sqlite: no history here")) << nowhere.err;
}

}  // namespace
}  // namespace chairhub
