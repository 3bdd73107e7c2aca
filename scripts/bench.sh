#!/usr/bin/env bash
# Benchmarks, each printed as a ratio against a reference measured in the same run (a busier or
# slower machine moves both alike, so a regression shows), with the issue's limit beside it:
#   - the log reader and the full replay against the reference parse (bench/from_chars_sum.cpp:
#     std::from_chars on every field, summed), on an eight-hour 80 Hz log in raw counts and in
#     calibrated kilograms, in one process (bench/bench_replay.cpp, Google Benchmark, CPU time)
#   - the analysis in instructions per sample (valgrind's callgrind, so the figure does not
#     depend on the machine's load), against the reference parse's instructions per row
#   - `replay --mqtt` to a private Mosquitto on loopback against the plain replay
#   - the replay's peak memory on a one-hour and an eight-hour log (flat with length), against
#     the reference program's
# Figures go in the README's Performance section.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh valgrind >/dev/null
cmake --preset bench >/dev/null
cmake --build --preset bench --target chairhub bench_replay bench_from_chars_sum >/dev/null
bin=build-bench/src/chairhub
reference=build-bench/bench/bench_from_chars_sum

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# ratio NAME VALUE REFERENCE LIMIT: one line of the summary
ratio() {
  awk -v n="$1" -v v="$2" -v r="$3" -v l="$4" \
    'BEGIN { x = v / r; printf "%-48s %6.2f  (limit %s)%s\n", n, x, l, (x > l ? "  OVER THE LIMIT" : "") }'
}

echo "== throughput (Google Benchmark, eight-hour logs; argument 0 raw, 1 calibrated)"
build-bench/bench/bench_replay --benchmark_repetitions=3 --benchmark_enable_random_interleaving=true --benchmark_out="$work/bench.json" \
  --benchmark_out_format=json
# the fastest of the repetitions of each, in CPU time
best() {
  python3 -c 'import json, sys
runs = [b for b in json.load(open(sys.argv[1]))["benchmarks"] if b.get("run_type") == "iteration" and b["run_name"] == sys.argv[2]]
print(min(b["cpu_time"] for b in runs))' "$work/bench.json" "$1"
}

echo
echo "== summary: each figure against its reference in this run"
for arg in 0 1; do
  units=$([ "$arg" = 0 ] && echo raw || echo calibrated)
  ref=$(best "BM_FromCharsReference/$arg/iterations:3")
  ratio "log reader / reference parse, $units" "$(best "BM_ParseOnly/$arg/iterations:3")" "$ref" 1.0
  ratio "replay / reference parse, $units" "$(best "BM_Replay/$arg/iterations:3")" "$ref" 1.3
done

# The eight-hour workload as `chairhub simulate` writes it (with the label column), and its
# first hour.
$bin simulate bench/workday-80hz.toml -o "$work/8h.csv"
head -n $((80 * 3600 + 5)) "$work/8h.csv" > "$work/1h.csv"

# Instructions (the same on a busy machine): the analysis (Analyzer::update and all it calls)
# and the log reader (LogReader::next) per sample of the eight-hour log, against the whole
# reference program per row of the same log.
rows=$(($(grep -vc '^#' "$work/8h.csv") - 1))  # less the header
valgrind --tool=callgrind --callgrind-out-file="$work/replay.callgrind" $bin replay "$work/8h.csv" >/dev/null 2>&1
valgrind --tool=callgrind --callgrind-out-file="$work/reference.callgrind" $reference "$work/8h.csv" >/dev/null 2>&1
# inclusive instructions of the first function matching a pattern, or of the whole program
instructions() {
  callgrind_annotate --inclusive=yes "$1" | awk -v p="$2" '!found && $0 ~ p { gsub(",", "", $1); print $1; found = 1 }'
}
per_row=$(($(instructions "$work/reference.callgrind" "PROGRAM TOTALS") / rows))
analysis=$(($(instructions "$work/replay.callgrind" "Analyzer::update\\(") / rows))
reader=$(($(instructions "$work/replay.callgrind" "LogReader::next\\(") / rows))
printf '%-48s %6d  (limit 2000)%s\n' "analysis, instructions per sample" "$analysis" \
  "$([ "$analysis" -gt 2000 ] && echo "  OVER THE LIMIT" || true)"
printf '%-48s %6.2f  (%d against %d instructions a row)\n' "analysis / reference parse, in instructions" \
  "$(awk -v a="$analysis" -v r="$per_row" 'BEGIN { print a / r }')" "$analysis" "$per_row"
ratio "log reader / reference parse, in instructions" "$reader" "$per_row" 1.0

# replay --mqtt against the plain replay, elapsed time on the eight-hour log (the fastest of two)
elapsed() {
  local best=
  for _ in 1 2; do
    local t
    /usr/bin/time -o "$work/time" -f %e "$@" >/dev/null 2>&1
    t=$(cat "$work/time")
    best=$(awk -v a="$t" -v b="${best:-$t}" 'BEGIN { print (a < b ? a : b) }')
  done
  echo "$best"
}
if broker=$(command -v mosquitto || ls /usr/sbin/mosquitto 2>/dev/null); then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  printf 'listener %s 127.0.0.1\nallow_anonymous true\n' "$port" >"$work/mosquitto.conf"
  "$broker" -c "$work/mosquitto.conf" 2>/dev/null &
  pids+=($!)
  for _ in $(seq 50); do (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
  printf '[mqtt]\nchair_id = "bench"\n' >"$work/chairhub.toml"
  plain=$(elapsed $bin replay "$work/8h.csv" --config "$work/chairhub.toml")
  mqtt=$(elapsed $bin replay "$work/8h.csv" --config "$work/chairhub.toml" --mqtt --broker "127.0.0.1:$port")
  ratio "replay --mqtt / replay (elapsed)" "$mqtt" "$plain" 1.5
else
  echo "replay --mqtt: no mosquitto to measure against"
fi

# Peak memory (maximum resident set): the replay of one and of eight hours, and the reference.
peak() {
  /usr/bin/time -o "$work/time" -f %M "$@" >/dev/null 2>&1
  cat "$work/time"
}
ref_kib=$(peak $reference "$work/8h.csv")
for log in 1h 8h; do
  kib=$(peak $bin replay "$work/$log.csv")
  awk -v n="replay peak memory, $log log" -v k="$kib" -v r="$ref_kib" 'BEGIN {
    printf "%-48s %6.1f MB (limit 6.0), %.2fx the reference program (%.1f MB)%s\n",
      n, k / 1024, k / r, r / 1024, (k / 1024 > 6 ? "  OVER THE LIMIT" : "") }'
done
