#!/usr/bin/env bash
# Sets everything up, builds, and runs every test: the normal build (with the fault-injection
# tests and the week-long soak), the same tests under AddressSanitizer and UndefinedBehavior-
# Sanitizer, the threaded parts under ThreadSanitizer, a short bounded run of every fuzz target,
# clang-tidy and cppcheck, and the arm64 build under qemu. Run from anywhere, as root on a fresh
# Debian 12 (or with sudo rights).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
[ -x scripts/install-hil-deps.sh ] && bash scripts/install-hil-deps.sh

jobs=$(nproc)
build() {  # build DIR [cmake options...]
  local dir=$1; shift
  cmake -S . -B "$dir" -G Ninja "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
}

echo "== build and test"
build build
ctest --test-dir build --output-on-failure -j "$jobs"

echo "== the same tests under AddressSanitizer and UndefinedBehaviorSanitizer"
build build-asan -DCHAIRHUB_SANITIZE=ON -DCHAIRHUB_BENCH=OFF -DCMAKE_BUILD_TYPE=Debug
# (not the qemu HIL test; not the soak and the minute-long broker outages, which ran above)
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs" -LE '^(hil|soak|slow)$'

echo "== the threaded parts under ThreadSanitizer"
bash scripts/tsan.sh

echo "== every fuzz target for a short bounded run"
bash scripts/fuzz.sh

echo "== clang-tidy and cppcheck"
bash scripts/analyze.sh

echo "== arm64"
bash scripts/cross-test-arm64.sh
