#!/usr/bin/env bash
# Installs Node-RED for the test of docs/node-red/chairhub-flow.json (tests/mqtt/node_red_flow_test.sh)
# with npm into a cache outside the source tree, as the user who runs the tests:
#   ${CHAIRHUB_NODE_RED_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/chairhub/node-red-VERSION}
# Needs node and npm (scripts/install-deps.sh installs them) and the network once. Safe to run
# again: an existing installation of the same version is kept.
set -euo pipefail
version=4.1.15
dir=${CHAIRHUB_NODE_RED_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/chairhub/node-red-$version}
if [ -f "$dir/node_modules/node-red/package.json" ] &&
   grep -q "\"version\": \"$version\"" "$dir/node_modules/node-red/package.json"; then
  exit 0
fi
for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "install-node-red: $tool is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }
done
mkdir -p "$dir"
echo "installing node-red@$version into $dir" >&2
(cd "$dir" && npm install --no-audit --no-fund --omit=dev --loglevel=error "node-red@$version" >&2)
