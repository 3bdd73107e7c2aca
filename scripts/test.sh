#!/usr/bin/env bash
# chairhub's tests, in two tiers. Run from anywhere, as root on a fresh Debian 12 or 13 (or with
# sudo rights); each tier installs what it needs first.
#
#   scripts/test.sh          every functional test: unit, golden logs, real data, MQTT against a
#                            real Mosquitto, chairhubd and chairhub run as processes, the package,
#                            and the GPIO/I2C drivers on the kernel's simulators in a qemu guest
#   scripts/test.sh --deep   the long stages: fault injection and the week-long soak, the sanitizers,
#                            a bounded fuzz run, static analysis, the arm64 build under qemu, and
#                            the whole functional tier again inside a Debian 13 "trixie" root
#
# CI runs both. The build variants are the presets of CMakePresets.json.
set -euo pipefail
cd "$(dirname "$0")/.."

tier=functional
case ${1:-} in
  "") ;;
  --deep) tier=deep ;;
  *) echo "usage: scripts/test.sh [--deep]" >&2; exit 2 ;;
esac

jobs=$(nproc)
started=$(date +%s)
stage() { echo "== $* ($(($(date +%s) - started)) s)"; }
preset() {  # configure, build and test one preset, passing further arguments to ctest
  local name=$1; shift
  cmake --preset "$name" >/dev/null
  cmake --build --preset "$name"
  ctest --preset "$name" -j "$jobs" "$@"
}

bash scripts/install-hil-deps.sh  # (which runs install-deps.sh)
[ "$tier" = deep ] && bash scripts/install-deps.sh --deep

if [ "$tier" = functional ]; then
  stage "build and run every functional test"
  preset default
  stage "done"
  exit 0
fi

stage "fault injection and the soak"
cmake --preset default >/dev/null
cmake --build --preset default
ctest --test-dir build --output-on-failure -j "$jobs" -L '^(soak|slow|faults)$'

stage "the functional tests under AddressSanitizer and UndefinedBehaviorSanitizer"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 preset asan

stage "the threaded parts under ThreadSanitizer"
bash scripts/tsan.sh

stage "every fuzz target for a short bounded run"
bash scripts/fuzz.sh

stage "clang-tidy and cppcheck"
bash scripts/analyze.sh

stage "arm64 (bookworm) under qemu-user"
bash scripts/cross-test-arm64.sh

stage "Debian 13 trixie: install, build without precompiled headers, every functional test"
bash scripts/trixie.sh

stage "done"
