// bench_from_chars_sum LOG: the reference program of scripts/bench.sh, timed and measured
// beside `chairhub replay LOG` on the same file.
#include <cstdio>

#include "from_chars_sum.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: bench_from_chars_sum LOG\n");
    return 64;
  }
  std::FILE* file = std::fopen(argv[1], "rb");
  if (file == nullptr) {
    std::perror(argv[1]);
    return 1;
  }
  const auto total = chairhub::bench::from_chars_sum(file);
  std::fclose(file);
  std::printf("%zu rows, sum %.17g\n", total.rows, total.sum);
  return 0;
}
