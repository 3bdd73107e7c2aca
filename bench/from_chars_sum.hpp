#pragma once
// The reference the replay is measured against: the least a C++ program does to read a sensor
// log, std::from_chars on every field of every row, summing them. No checks, no analysis.
#include <cstddef>
#include <cstdio>

namespace chairhub::bench {

struct CsvSum {
  std::size_t rows = 0;
  double sum = 0;
};

// Skips '#' lines and the header row; every other line is a row of numbers.
CsvSum from_chars_sum(std::FILE* file);

}  // namespace chairhub::bench
