#!/usr/bin/env bash
# Installs playwright-core, which drives Debian's Chromium in the chair's page tests
# (tests/web/browser), with npm into a cache outside the source tree, as the user who runs the
# tests:
#   ${CHAIRHUB_PLAYWRIGHT_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/chairhub/playwright-core-VERSION}
# Only the driver library: the browser is Debian's chromium package (scripts/install-deps.sh),
# never one downloaded by Playwright. Needs node and npm and the network once. Safe to run again.
set -euo pipefail
version=1.65.1
dir=${CHAIRHUB_PLAYWRIGHT_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/chairhub/playwright-core-$version}
if [ -f "$dir/node_modules/playwright-core/package.json" ] &&
   grep -q "\"version\": \"$version\"" "$dir/node_modules/playwright-core/package.json"; then
  exit 0
fi
for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "install-playwright: $tool is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }
done
mkdir -p "$dir"
echo "installing playwright-core@$version into $dir" >&2
(cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --omit=dev --loglevel=error \
   "playwright-core@$version" >&2)
