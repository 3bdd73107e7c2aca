#!/usr/bin/env bash
# Fuzzes every parser of outside input (tests/fuzz) with libFuzzer, for a bounded time each, and
# fails if any target crashes, hangs, leaks or trips a sanitizer. Needs clang and its runtime
# (`scripts/install-deps.sh --deep` installs them, and this script runs it).
#
#   scripts/fuzz.sh                  20 s per target: the short run for CI
#   scripts/fuzz.sh 600              ten minutes per target
#   scripts/fuzz.sh 60 config outbox one minute each, only these targets
#
# The seed corpus in the repository is only read. What a run discovers goes to
# build-fuzz/work/<target>/new (kept between runs, so a longer run builds on the last); to add
# the best of it to the seeds, by hand:
#   build-fuzz/tests/fuzz/fuzz_<target> -merge=1 tests/fuzz/corpus/<target> build-fuzz/work/<target>/new
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --deep >/dev/null

seconds=${1:-20}
shift $(($# > 0 ? 1 : 0))
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then  # every target: one seed directory each
  for dir in tests/fuzz/corpus/*/; do targets+=("$(basename "$dir")"); done
fi
build=build-fuzz

# Largest input per target: a few times the biggest seed; longer ones only slow the search.
max_len() {
  case $1 in
    log_reader | config | outbox) echo 4096 ;;
    *) echo 2048 ;;
  esac
}

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

failed=()
for target in "${targets[@]}"; do
  work=$build/work/$target
  mkdir -p "$work/new" "$work/crashes"
  inputs=(tests/fuzz/corpus/"$target")
  [ -d tests/fuzz/regressions/"$target" ] && inputs+=(tests/fuzz/regressions/"$target")
  # The first directory receives new inputs; the others are only read. -timeout: one input
  # running that long is a hang; -malloc_limit_mb: one allocation that big is a bug.
  if "$build/tests/fuzz/fuzz_$target" "$work/new" "${inputs[@]}" \
      -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=10 \
      -rss_limit_mb=2048 -malloc_limit_mb=256 -print_final_stats=1 \
      -artifact_prefix="$work/crashes/" >"$work/log" 2>&1; then
    # The last status line and the final stats: how far it got.
    cov=$(grep -E '^#[0-9]+' "$work/log" | tail -n 1 | grep -oE 'cov: [0-9]+ ft: [0-9]+' || true)
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/log")
    printf '%-14s ok   %9s runs  %6s/s  %s\n' "$target" "$runs" "$rate" "$cov"
  else
    failed+=("$target")
    artifact=$(grep -oE "Test unit written to .*" "$work/log" | tail -n 1 | sed 's/Test unit written to //' || true)
    echo "$target FAILED; the end of $work/log:"
    tail -n 40 "$work/log"
    if [ -n "$artifact" ]; then
      echo
      echo "reproduce:  $build/tests/fuzz/fuzz_$target $artifact"
      echo "once fixed, keep it as a regression, named for what it found:"
      echo "  cp $artifact tests/fuzz/regressions/$target/<what-it-found>"
      echo "  (ctest runs every file there: ctest --test-dir build -R fuzz.$target)"
    fi
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found problems in: ${failed[*]}"
  exit 1
fi
