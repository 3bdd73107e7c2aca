#!/usr/bin/env bash
# What one chair publishes per hour: replays a recorded log with --mqtt to a private Mosquitto on
# loopback, counts every message and payload byte a subscriber to all topics receives, and scales
# them from the log's length to one hour of sample time.
#   scripts/mqtt-traffic.sh [LOG.csv] [CHAIRHUB]
# LOG defaults to tests/golden/workday.csv, CHAIRHUB to build/src/chairhub (any build of it, so
# two versions can be compared). Needs mosquitto and mosquitto_sub.
set -euo pipefail
cd "$(dirname "$0")/.."
log=${1:-tests/golden/workday.csv}
chairhub=${2:-build/src/chairhub}
broker=$(command -v mosquitto || echo /usr/sbin/mosquitto)
for tool in "$broker" mosquitto_sub "$chairhub"; do
  command -v "$tool" >/dev/null || { echo "mqtt-traffic: $tool not found" >&2; exit 1; }
done

dir=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$dir"
}
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
printf 'listener %s 127.0.0.1\nallow_anonymous true\n' "$port" >"$dir/mosquitto.conf"
"$broker" -c "$dir/mosquitto.conf" 2>/dev/null &
pids+=($!)
for _ in $(seq 50); do (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done

# topic and payload length of every message
mosquitto_sub -p "$port" -t '#' -F '%t %l' >"$dir/messages" &
pids+=($!)
sleep 0.5
printf '[mqtt]\nchair_id = "traffic"\n' >"$dir/chairhub.toml"
"$chairhub" replay "$log" --config "$dir/chairhub.toml" --mqtt --broker "127.0.0.1:$port" >/dev/null 2>"$dir/replay.err" ||
  { cat "$dir/replay.err" >&2; exit 1; }
sleep 1

# the log's length in seconds of sample time: the first column of its last line
seconds=$(grep -v '^#' "$log" | tail -n 1 | cut -d, -f1)
awk -v s="$seconds" '
  { kind = $1; sub(/.*\//, "", kind); if ($1 ~ /\/config$/) kind = "discovery"
    n[kind]++; b[kind] += $2; tn++; tb += $2 }
  END {
    printf "%-12s %10s %12s   (per chair-hour, from %.0f s of log)\n", "topic", "messages", "bytes", s
    for (k in n) printf "%-12s %10.0f %12.0f\n", k, n[k] * 3600 / s, b[k] * 3600 / s
    printf "%-12s %10.0f %12.0f\n", "all", tn * 3600 / s, tb * 3600 / s
  }' "$dir/messages"
