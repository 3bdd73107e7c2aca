#!/usr/bin/env bash
# Sets everything up, builds chairhub, and replays a simulated working morning at 60x speed,
# printing the events as they happen. Pass another log or scenario to try your own:
#   scripts/demo.sh [SCENARIO.toml | LOG.csv] [SPEED]
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh >/dev/null
cmake -S . -B build -G Ninja -DCHAIRHUB_BENCH=OFF >/dev/null
cmake --build build --target chairhub >/dev/null

input=${1:-config/scenarios/demo.toml}
speed=${2:-60}
echo "chairhub: replaying $input at ${speed}x (Ctrl-C to stop)" >&2
if [[ $input == *.toml ]]; then
  build/src/chairhub simulate "$input" | build/src/chairhub replay - --speed "$speed"
else
  build/src/chairhub replay "$input" --speed "$speed"
fi
