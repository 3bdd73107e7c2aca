#!/usr/bin/env bash
# Sets everything up, builds chairhub, and runs the daemon on the built-in simulated chair at
# 60x speed, printing events as they happen (Ctrl-C stops it gracefully). To replay your own
# log or scenario instead:  scripts/demo.sh LOG.csv|SCENARIO.toml [SPEED]
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh >/dev/null
cmake --preset default >/dev/null
cmake --build --preset default --target chairhub chairhubd >/dev/null

if [ $# -eq 0 ]; then
  echo "chairhubd on the simulated chair at 60x (config/demo.toml); Ctrl-C to stop" >&2
  exec build/src/chairhubd --config config/demo.toml
fi
input=$1
speed=${2:-60}
echo "chairhub: replaying $input at ${speed}x (Ctrl-C to stop)" >&2
if [[ $input == *.toml ]]; then
  build/src/chairhub simulate "$input" | build/src/chairhub replay - --speed "$speed"
else
  build/src/chairhub replay "$input" --speed "$speed"
fi
