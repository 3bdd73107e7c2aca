#pragma once
// A whole simulated chair for `probe`, `calibrate` and `record --simulate FILE`: the software
// HX711 and ADS1115 models of hw/sim wired as the config's [hardware] says, with load cells and
// pads that answer to a weight on the seat. Lets the tests run the real commands end to end, and
// anyone try them without a chair. The file (TOML; every table optional):
//
//   noise = 20                  # counts, added uniformly (+-) to every reading
//   [cells]                     # seat cells: counts with the seat empty, counts per kg on the cell
//   seat_fl = { offset = 8000, per_kg = 20500 }
//   [pads]                      # pads: counts untouched and fully pressed
//   lumbar_l = { empty = 900, full = 22000 }
//   [[scene]]                   # what is on the chair from `at` seconds after start
//   at = 1.5
//   kg = 70                     # load on the seat...
//   x = 0                       # ...centred here (-1..1, as the channels' x and y)
//   y = 0.1
//   pads = { lumbar_l = 0.6 }   # contact 0..1
//   [faults]
//   seat_fr = "never_ready"     # HX711: never_ready, stuck_low, unplugged; a pad: absent (its ADS1115)
//   i2c = "no_bus"              # /dev/i2c-N does not exist (I2C not enabled)
//   taken = [16]                # GPIO lines another program holds
//
// Cells and pads not listed get the defaults of make_channel (offset 0, 21000 counts per kg;
// empty 800, full 24000).
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/section_reader.hpp"
#include "core/channel.hpp"
#include "hw/config/hardware_config.hpp"
#include "hw/sim/simulated_hardware.hpp"
#include "hw/util/clock.hpp"

namespace chairhub::cli {

// What rests on the chair.
struct Scene {
  double kg = 0;
  double x = 0, y = 0;
  std::map<std::string, double> pads;  // contact 0..1
};

class SimChair {
 public:
  // Throws InputError with every problem of the file, each naming file, line and key.
  SimChair(const std::string& path, const hw::HardwareConfig& wiring, const ChannelLayout& layout,
           hw::Clock& clock);

  hw::Backends backends();
  // Sets the chips' inputs for the scene of the moment; called before every read.
  void update();
  // From now on the chair holds `scene`, whatever the file's timeline says: the simulated
  // person doing what a prompt of `chairhub calibrate` asked.
  void hold(const Scene& scene);

 private:
  struct Cell {
    double offset = 0, per_kg = 21000;
  };
  struct Pad {
    double empty = 800, full = 24000;
  };
  struct Timed {
    double at = 0;
    Scene scene;
  };

  const Scene& current() const;
  double noise();
  // The file's tables, each recording its problems.
  void read_cells(const SectionReader& root);
  void read_pads(const SectionReader& root);
  void read_scenes(const SectionReader& root);
  void read_faults(const SectionReader& root);
  void read_fault(const SectionReader& faults, const std::string& name, const toml::node& v);

  const ChannelLayout& layout_;
  hw::Clock& clock_;
  hw::Nanos start_;
  hw::SimulatedHardware hardware_;
  std::map<std::string, Cell> cells_;
  std::map<std::string, Pad> pads_;
  std::vector<Timed> timeline_;
  std::unique_ptr<Scene> held_;
  std::vector<std::unique_ptr<hw::GpioLines>> taken_;
  double noise_ = 0;
  bool no_i2c_ = false;
  unsigned long long random_ = 88172645463325252ull;
};

}  // namespace chairhub::cli
