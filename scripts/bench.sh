#!/usr/bin/env bash
# Benchmarks: replay and analysis throughput (Google Benchmark), and the replay's peak memory
# on a one-hour and an eight-hour log, to show that memory stays flat. Figures go in the README.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh >/dev/null
cmake --preset bench >/dev/null
cmake --build --preset bench --target chairhub bench_replay >/dev/null

build-bench/bench/bench_replay

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The eight-hour workload, and its first hour.
build-bench/src/chairhub simulate bench/workday-80hz.toml -o "$work/8h.csv"
head -n $((80 * 3600 + 3)) "$work/8h.csv" > "$work/1h.csv"
for log in 1h 8h; do
  rows=$(grep -vc '^#' "$work/$log.csv")
  /usr/bin/time -f "replay $log ($rows rows, $(du -m "$work/$log.csv" | cut -f1) MB): %e s, peak memory %M KiB" \
    build-bench/src/chairhub replay "$work/$log.csv" > /dev/null
done
