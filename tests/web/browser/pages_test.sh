#!/usr/bin/env bash
# Every page of the chair in Debian's Chromium: see pages_test.js.
#   pages_test.sh CHAIRHUBD CHAIRHUB SOURCE_DIR ARTIFACTS_DIR
# Skips (exit 77) only without node, npm or Chromium; installs playwright-core with
# scripts/install-npm-tool.sh when it is not there yet.
set -euo pipefail
source_dir=$3
for tool in node npm; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool is not installed, so the page cannot be tested in a browser (scripts/install-deps.sh installs it)"
    exit 77
  fi
done
if [ ! -x "${CHAIRHUB_CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "SKIP: no Chromium (scripts/install-deps.sh installs Debian's chromium)"
  exit 77
fi
playwright=$(bash "$source_dir/scripts/install-npm-tool.sh" playwright-core)
exec node "$source_dir/tests/web/browser/pages_test.js" "$playwright" "$@"
