#!/usr/bin/env bash
# The Node-RED example flow in a real Node-RED: see node_red_flow_test.js.
#   node_red_flow_test.sh CHAIRHUB MOSQUITTO SOURCE_DIR
# Skips (exit 77) only when node or npm is missing; installs Node-RED with
# scripts/install-npm-tool.sh when it is not there yet.
set -euo pipefail
chairhub=$1 mosquitto=$2 source_dir=$3
for tool in node npm; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool is not installed, so the Node-RED flow cannot be tested (scripts/install-deps.sh installs it)"
    exit 77
  fi
done
if [ ! -x "$mosquitto" ]; then
  echo "SKIP: no mosquitto broker installed ($mosquitto)"
  exit 77
fi
node_red=$(bash "$source_dir/scripts/install-npm-tool.sh" node-red)
exec node "$source_dir/tests/mqtt/node_red_flow_test.js" "$node_red" "$chairhub" "$mosquitto" \
  "$source_dir/docs/node-red/chairhub-flow.json" "$source_dir/tests/golden/workday.csv"
