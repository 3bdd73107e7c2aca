#!/usr/bin/env bash
# Golden replay tests, in the manner of gpsd's regression logs: each NAME.csv here replays to
# exactly NAME.expected.jsonl. Optional NAME.config.toml is the chair's config and NAME.args
# extra replay arguments; scenarios/NAME.toml is the scenario that produced the log.
#
#   check.sh CHAIRHUB [NAME...]            check (all logs by default)
#   check.sh CHAIRHUB --rebuild [NAME...]  regenerate logs and expected events, on purpose
set -euo pipefail
chairhub=$(realpath "$1"); shift
cd "$(dirname "$0")"
rebuild=false
if [ "${1:-}" = "--rebuild" ]; then rebuild=true; shift; fi
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  if $rebuild; then
    for f in scenarios/*.toml; do names+=("$(basename "$f" .toml)"); done
  else
    for f in *.csv; do names+=("${f%.csv}"); done
  fi
fi

failed=0
for name in "${names[@]}"; do
  config=()
  [ -f "$name.config.toml" ] && config=(--config "$name.config.toml")
  args=()
  [ -f "$name.args" ] && read -ra args < "$name.args"
  if $rebuild; then
    "$chairhub" simulate "scenarios/$name.toml" "${config[@]}" -o "$name.csv"
    "$chairhub" replay "$name.csv" "${config[@]}" "${args[@]}" > "$name.expected.jsonl"
    echo "rebuilt $name ($(wc -l < "$name.expected.jsonl") events)"
  elif diff -u "$name.expected.jsonl" <("$chairhub" replay "$name.csv" "${config[@]}" "${args[@]}"); then
    echo "ok $name"
  else
    echo "FAILED $name: replay differs from $name.expected.jsonl (above)"
    failed=1
  fi
done
exit $failed
