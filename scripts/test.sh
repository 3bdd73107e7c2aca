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

# The deep stages, most telling first. CHAIRHUB_DEEP_MINUTES=N (CI sets it, to stay inside its
# hard time limit) starts no further stage once N minutes have gone; the skipped ones are named
# at the end. Unset, every stage runs.
budget=${CHAIRHUB_DEEP_MINUTES:-0}
skipped=()
run_stage() {  # run_stage TITLE FUNCTION
  if [ "$budget" -gt 0 ] && [ $(($(date +%s) - started)) -ge $((budget * 60)) ]; then
    echo "== SKIPPED, the $budget-minute budget is spent: $1"
    skipped+=("$1")
    return 0
  fi
  stage "$1"
  "$2"
}

faults_and_soak() {
  cmake --preset default >/dev/null
  cmake --build --preset default
  ctest --test-dir build --output-on-failure -j "$jobs" -L '^(soak|slow|faults)$'
}
trixie_functional() {
  wait "$trixie_prepare" || { tail -n 30 build-trixie/prepare.log; return 1; }
  bash scripts/trixie.sh
}
trixie_arm64_package() {
  bash scripts/trixie.sh bash -c \
    'cd /src && CHAIRHUB_ARM64_BUILD=build-trixie/arm64 bash scripts/cross-test-arm64.sh --package-only'
}
hil_libgpiod2() {
  HIL_TRIXIE_ROOT=$PWD/build-trixie/root \
    HIL_TRIXIE_PROBE=$PWD/build-trixie/build/tests/hw/hw_hil_probe \
    ctest --test-dir build --output-on-failure -L '^hil$'
}
arm64_package() { bash scripts/cross-test-arm64.sh --package-only; }
asan() { ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 preset asan; }
tsan() { bash scripts/tsan.sh; }
fuzz() { bash scripts/fuzz.sh; }
analyze() { bash scripts/analyze.sh; }

# The Debian 13 root and its packages come over the network while the machine compiles.
mkdir -p build-trixie
bash scripts/trixie.sh bash -c 'cd /src && bash scripts/install-deps.sh' \
  >build-trixie/prepare.log 2>&1 &
trixie_prepare=$!

run_stage "fault injection and the soak" faults_and_soak
run_stage "Debian 13 trixie: every functional test (GCC 14, libgpiod 2, no precompiled headers)" \
  trixie_functional
run_stage "Debian 13 trixie: the arm64 package (GCC 14 at -O2, no precompiled headers)" \
  trixie_arm64_package
run_stage "the libgpiod 2 build on the kernel's gpio-sim in the qemu guest, beside the 1.6 one" \
  hil_libgpiod2
run_stage "the arm64 package for this machine's release (Debian $(. /etc/os-release && echo "$VERSION_ID"))" \
  arm64_package
run_stage "the functional tests under AddressSanitizer and UndefinedBehaviorSanitizer" asan
run_stage "every fuzz target for a short bounded run" fuzz
run_stage "the threaded parts under ThreadSanitizer" tsan
run_stage "clang-tidy and cppcheck" analyze

wait "$trixie_prepare" 2>/dev/null || true
if [ ${#skipped[@]} -gt 0 ]; then
  echo "== done, but these stages did not fit in $budget minutes (run them without CHAIRHUB_DEEP_MINUTES):"
  printf '   %s\n' "${skipped[@]}"
else
  stage "done"
fi
