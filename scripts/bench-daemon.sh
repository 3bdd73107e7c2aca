#!/usr/bin/env bash
# chairhubd at the sensors' top rates on simulated devices (bench/daemon-80sps.toml: four HX711
# at 80 SPS read by the real bit-bang driver, four ADS1115 inputs at 860 SPS) with a real broker
# on loopback, against its floor measured in the same run: bench_daemon_floor
# (bench/daemon_floor.cpp) does only the physical work on the same simulated devices (the
# clock pulses, the data-ready waits, the I2C conversions, the hand-offs to a second thread).
# Runs the two in turn, PAIRS times, and prints each pair's ratio of CPU time with the limit,
# the reader thread's wake-ups a second against the floor's, resident memory, and the latency
# from the deciding sample to the event at an MQTT subscriber.
#   scripts/bench-daemon.sh [SECONDS] [PAIRS]   (default 60 s, 2 pairs)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
pairs=${2:-2}
bash scripts/install-deps.sh >/dev/null
cmake --preset bench >/dev/null
cmake --build --preset bench --target chairhubd bench_daemon_floor >/dev/null

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
mkdir -p "$work/state"
mosquitto_sub -p "$port" -t chairhub/bench/event -F '%U %p' > "$work/events.txt" & pids+=($!)

ticks=$(getconf CLK_TCK)
# The floor: "CPU-seconds seconds wake-ups" (after its own warm-up).
floor() { build-bench/bench/bench_daemon_floor "$work/chairhub.toml" "$seconds"; }
# chairhubd for the same time after a warm-up (sensors open, broker connected): the same three
# figures, the wake-ups being those of its sensor reader thread; leaves its memory in $work/memory.
daemon() {
  build-bench/src/chairhubd --config "$work/chairhub.toml" 2>> "$work/daemon.log" & local pid=$!
  sleep 5
  local reader
  reader=$(grep -l '^sensor reader$' /proc/$pid/task/*/comm | head -n 1 | xargs dirname)
  local cpu0 wake0 cpu1 wake1
  cpu0=$(awk '{ print $14 + $15 }' "/proc/$pid/stat"); wake0=$(awk '/^voluntary_ctxt_switches/ { print $2 }' "$reader/status")
  sleep "$seconds"
  cpu1=$(awk '{ print $14 + $15 }' "/proc/$pid/stat"); wake1=$(awk '/^voluntary_ctxt_switches/ { print $2 }' "$reader/status")
  awk '/VmRSS|VmHWM/ { printf "%s %s ", $1, $2 }' "/proc/$pid/status" > "$work/memory"
  kill -TERM "$pid"; wait "$pid" || true
  awk -v c=$((cpu1 - cpu0)) -v hz="$ticks" -v s="$seconds" -v w=$((wake1 - wake0)) 'BEGIN { printf "%.3f %s %d\n", c / hz, s, w }'
}

echo "== chairhubd against its floor, ${seconds} s each, ${pairs} pairs"
for pair in $(seq "$pairs"); do
  read -r f_cpu f_s f_wake < <(floor)
  read -r d_cpu d_s d_wake < <(daemon)
  awk -v p="$pair" -v fc="$f_cpu" -v fs="$f_s" -v fw="$f_wake" -v dc="$d_cpu" -v ds="$d_s" -v dw="$d_wake" 'BEGIN {
    r = (dc / ds) / (fc / fs)
    printf "pair %d: chairhubd %.1f %% of a core, floor %.1f %%: ratio %.2f (limit 1.5)%s\n", p, dc / ds * 100, fc / fs * 100, r, (r > 1.5 ? "  OVER THE LIMIT" : "")
    printf "        reader wake-ups a second: chairhubd %.0f, floor %.0f\n", dw / ds, fw / fs
  }'
done
echo "memory (kB): $(cat "$work/memory")"
# Latency: the subscriber's arrival time minus the event's "ts" (stamped when the deciding
# sample had been analysed; "ts" has millisecond resolution).
while read -r arrived payload; do
  ts=$(sed -n 's/.*"ts":"\([^"]*\)".*/\1/p' <<< "$payload")
  [ -n "$ts" ] && echo "$arrived $(date -u -d "$ts" +%s.%N)"
done < "$work/events.txt" | awk '{ d = ($1 - $2) * 1000; n++; s += d; if (d > m) m = d } END {
  if (n) printf "latency to the MQTT subscriber: mean %.1f ms, max %.1f ms over %d events\n", s / n, m, n
  else print "latency: no events arrived"
}'
