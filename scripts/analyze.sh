#!/usr/bin/env bash
# Static analysis of chairhub's own code (src/, hw/, tests/, bench/): clang-tidy with the
# repository's .clang-tidy and cppcheck with scripts/cppcheck.supp, over every translation unit
# of a compile database configured in build-analyze (nothing is built but the one generated
# source, the page's files, web_assets.cpp). Third-party and
# system headers are not reported. Any finding fails the run.
# Usage: scripts/analyze.sh [tidy|cppcheck]   (both when no argument)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --deep >/dev/null

what=${1:-all}
jobs=${JOBS:-2}
cmake --preset analyze >/dev/null
cmake --build --preset analyze --target chairhub_web_assets >/dev/null
status=0

if [ "$what" = all ] || [ "$what" = cppcheck ]; then
  echo "== cppcheck"
  # System headers are not on the include path (their -isystem dirs are left out of the
  # project import), so only our own code is analysed; the .cfg libraries describe the rest.
  cppcheck --project=build-analyze/compile_commands.json --std=c++20 --quiet -j "$jobs" \
    --enable=warning,performance,portability,style \
    --library=googletest --library=boost --library=posix \
    --suppressions-list=scripts/cppcheck.supp --inline-suppr \
    --template='{file}:{line}: {severity}: {message} [{id}]' \
    --error-exitcode=1 || status=1
fi

if [ "$what" = all ] || [ "$what" = tidy ]; then
  echo "== clang-tidy"
  # The .clang-tidy's WarningsAsErrors turns any finding into a failed run; only our own
  # headers are reported. tests/ and bench/ have their own .clang-tidy without the slow
  # path-sensitive analyser.
  run-clang-tidy -p build-analyze -j "$jobs" -quiet -header-filter="^$PWD/(src|hw|tests|bench)/" \
    "^$PWD/(src|hw|tests|bench)/" >build-analyze/clang-tidy.log 2>&1 || status=1
  # The findings only: no colours, no command lines, no "N warnings generated".
  sed -e 's/\x1b\[[0-9;]*m//g' build-analyze/clang-tidy.log |
    grep -vE '^(clang-tidy(-[0-9]+)? |[0-9]+ warnings? (and [0-9]+ errors? )?generated\.)' || true
fi

[ "$status" -eq 0 ] && echo "analysis clean"
exit "$status"
