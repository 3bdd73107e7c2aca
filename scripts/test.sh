#!/usr/bin/env bash
# Sets everything up, builds, and runs every test: the normal build, then the same tests under
# AddressSanitizer and UndefinedBehaviorSanitizer. Run from anywhere, as root on a fresh
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
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs" -LE hil
bash scripts/cross-test-arm64.sh
