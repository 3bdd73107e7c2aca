#!/usr/bin/env bash
# ThreadSanitizer over the threaded parts: chairhubd (asio loop + sensor reader thread), the
# LED/buzzer player thread, the HX711 driver used from the reader thread, the MQTT network thread,
# and the tests' own harness threads. Builds only what those tests need, in build-tsan, and runs
# the tests labelled hw, mqtt and service (not the qemu HIL test, not the fault-injection
# programs, which are not built here). Any race fails the run.
# Usage: scripts/tsan.sh [extra ctest arguments, e.g. -R Daemon]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --deep >/dev/null

jobs=${JOBS:-2}
cmake --preset tsan >/dev/null
# service_tests pulls in chairhubd and chairhub, mqtt_tests its mqtt_test_chair.
cmake --build --preset tsan -j "$jobs" --target hw_tests mqtt_tests service_tests

# halt_on_error: the first race fails the test (the daemon and the CLI, started by the tests,
# exit 66 and their test fails). second_deadlock_stack: both stacks for lock-order reports.
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$PWD/scripts/tsan.supp ${TSAN_OPTIONS:-}"
ctest --test-dir build-tsan --output-on-failure -j "$jobs" -L '^(hw|mqtt|service)$' -LE '^(hil|faults)$' "$@"
