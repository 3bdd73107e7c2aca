#!/usr/bin/env bash
# Installs a tool of the tests from npm into a cache outside the source tree, as the user who
# runs the tests, and prints the folder it is in:
#   scripts/install-npm-tool.sh node-red          a real Node-RED, for the example flow's test
#   scripts/install-npm-tool.sh playwright-core   the driver of Debian's Chromium in the page's
#                                                 tests (only the library: never a browser of its own)
# The folder is ${XDG_CACHE_HOME:-$HOME/.cache}/chairhub/NAME-VERSION, or CHAIRHUB_NODE_RED_DIR /
# CHAIRHUB_PLAYWRIGHT_DIR. Needs node and npm (scripts/install-deps.sh installs them) and the
# network once. Safe to run again: an installation of the same version is kept.
set -euo pipefail
cache=${XDG_CACHE_HOME:-$HOME/.cache}/chairhub
case ${1:-} in
  node-red) version=4.1.15; dir=${CHAIRHUB_NODE_RED_DIR:-$cache/node-red-$version} ;;
  playwright-core) version=1.65.1; dir=${CHAIRHUB_PLAYWRIGHT_DIR:-$cache/playwright-core-$version} ;;
  *) echo "usage: scripts/install-npm-tool.sh node-red|playwright-core" >&2; exit 2 ;;
esac
name=$1
if [ -f "$dir/node_modules/$name/package.json" ] &&
   grep -q "\"version\": \"$version\"" "$dir/node_modules/$name/package.json"; then
  echo "$dir"
  exit 0
fi
for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "install-npm-tool: $tool is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }
done
mkdir -p "$dir"
echo "installing $name@$version into $dir" >&2
(cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --omit=dev --loglevel=error \
   "$name@$version" >&2)
echo "$dir"
