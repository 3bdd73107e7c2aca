#!/usr/bin/env bash
# Measures chairhubd running at the sensors' top rates on simulated devices (bench/daemon-80sps.toml)
# with a real broker on loopback: CPU time per hour of running, resident memory, and the latency
# from the deciding sample to the event at an MQTT subscriber.
#   scripts/bench-daemon.sh [SECONDS]   (default 120)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-120}
bash scripts/install-deps.sh >/dev/null
cmake --preset bench >/dev/null
cmake --build --preset bench --target chairhubd >/dev/null

work=$(mktemp -d)
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

port=$(( 20000 + RANDOM % 20000 ))
printf 'listener %s 127.0.0.1\nallow_anonymous true\n' "$port" > "$work/mosquitto.conf"
mosquitto -c "$work/mosquitto.conf" >/dev/null 2>&1 & pids+=($!)
sleep 0.5
{
  printf '[service]\nsource = "devices"\nscenario = "%s"\nstate_dir = "%s/state"\n' "$PWD/bench/daemon-scenario.toml" "$work"
  printf '[mqtt]\nhost = "127.0.0.1"\nport = %s\nchair_id = "bench"\n' "$port"
  cat bench/daemon-80sps.toml
} > "$work/chairhub.toml"

mosquitto_sub -p "$port" -t chairhub/bench/event -F '%U %p' > "$work/events.txt" & pids+=($!)
build-bench/src/chairhubd --config "$work/chairhub.toml" 2> "$work/daemon.log" & daemon=$!; pids+=($daemon)

ticks=$(getconf CLK_TCK)
cpu() { awk '{ print $14 + $15 }' "/proc/$daemon/stat"; }
sleep 5  # warm up: sensors open, broker connected
cpu0=$(cpu); t0=$(date +%s.%N)
sleep "$seconds"
cpu1=$(cpu); t1=$(date +%s.%N)
rss=$(awk '/VmRSS/ { print $2 }' "/proc/$daemon/status")
hwm=$(awk '/VmHWM/ { print $2 }' "/proc/$daemon/status")
kill -TERM "$daemon"; wait "$daemon" || true

awk -v c0="$cpu0" -v c1="$cpu1" -v t0="$t0" -v t1="$t1" -v hz="$ticks" 'BEGIN {
  cpu = (c1 - c0) / hz; wall = t1 - t0
  printf "CPU: %.1f s over %.0f s of running = %.0f s per hour (%.1f %% of one core)\n", cpu, wall, cpu / wall * 3600, cpu / wall * 100
}'
echo "memory: resident ${rss} KiB, peak ${hwm} KiB"
# Latency: the subscriber's arrival time minus the event's "ts" (stamped when the deciding
# sample had been analysed; "ts" has millisecond resolution).
while read -r arrived payload; do
  ts=$(sed -n 's/.*"ts":"\([^"]*\)".*/\1/p' <<< "$payload")
  [ -n "$ts" ] && echo "$arrived $(date -u -d "$ts" +%s.%N)"
done < "$work/events.txt" | awk '{ d = ($1 - $2) * 1000; n++; s += d; if (d > m) m = d } END {
  if (n) printf "latency to the MQTT subscriber: mean %.1f ms, max %.1f ms over %d events\n", s / n, m, n
  else print "latency: no events arrived"
}'
