#!/usr/bin/env bash
# End-to-end MQTT ingest through the running platform (issue 4): the same QoS-1 load generator, in
# one run, against
#  (a) a bare Artemis broker of the platform's version (the ceiling), and
#  (b) the platform (./chempark run from the built distribution): its embedded broker with device
#      credentials and topic ACL → MQTT bridge → telemetry ReadingSink → COPY into PostgreSQL
#      (committed before the broker message is acknowledged) → latest values → limit evaluation,
# each with 1 reading/message and 50 readings/message, on the demo park's points with in-band values.
# Durable throughput is the platform's own count of readings committed to PostgreSQL
# (GET /api/v1/telemetry/status "accepted"), sampled every second. Writes
# bench/results/mqtt-platform-<date>.md; method in docs/benchmarks.md ("MQTT end to end").
#
#   bench/mqtt-platform.sh [--duration SECONDS (default 300)] [--warmup SECONDS (default 20)]
#                          [--connections N (default 8)] [--window N (default 500)] [--only 1|50]
#                          [--capacity SECONDS (default 60)] [--offer1 MSGS/S] [--offer50 MSGS/S]
#                          [--bare1 MSGS/S] [--bare50 MSGS/S]   (the bare broker's rate from an earlier run: not measured again)
#
# Per readings/message: (1) the bare broker as fast as the publishers go (the ceiling); (2) the
# platform as fast as the publishers go for --capacity seconds (what it commits while the broker
# takes everything offered; the backlog grows); (3) the platform at an offered rate for --duration
# seconds (sustained?): 1 reading/message at 60 % of the bare broker's rate, 50/message at
# 200,000 readings/s (4,000 messages/s), unless --offer1/--offer50 say otherwise. Sustained means:
# durable mean >= 98 % of the offered rate and the broker's backlog drained within 5 s of the end.
#
# Ports: bare broker 11886, platform HTTP 18970 (+1..+5, MQTT 18975); folder /tmp/chempark-mqtt-e2e.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DURATION=300; WARMUP=20; CONNS=8; WINDOW=500; ONLY=""; CAPACITY=60; OFFER1=""; OFFER50=""; BARE1=""; BARE50=""
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION="$2"; shift ;;
    --warmup) WARMUP="$2"; shift ;;
    --connections) CONNS="$2"; shift ;;
    --window) WINDOW="$2"; shift ;;
    --only) ONLY="$2"; shift ;;
    --capacity) CAPACITY="$2"; shift ;;
    --offer1) OFFER1="$2"; shift ;;
    --offer50) OFFER50="$2"; shift ;;
    --bare1) BARE1="$2"; shift ;;
    --bare50) BARE50="$2"; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
. bench/lib/instance.sh
log() { printf '[mqtt-platform %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
BARE_PORT=11886
JAVA_OPTS=(-Xmx1g -XX:+UseParallelGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; instance_stop; }
trap cleanup EXIT INT TERM

log "starting the platform (simulator off)"
instance_start /tmp/chempark-mqtt-e2e 18970 off
instance_login
W="$I_DIR/bench"; mkdir -p "$W"
CP="$(instance_tool_cp)"
: > "$W/creds.txt"
for c in $(seq 0 $((CONNS - 1))); do
  # park-level gateways (enterpriseId 0): they publish points of every enterprise, which a device of one enterprise may not
  instance_api POST /mqtt/devices "{\"deviceId\":\"d-$c\",\"enterpriseId\":0,\"description\":\"benchmark\"}" >/dev/null
  echo "d-$c=$(instance_api POST /mqtt/devices/d-$c/secret | jq -r .secret)" >> "$W/creds.txt"
done
# every demo point with a value in its normal band: the middle of [L, H], else clear of the one limit it has
instance_api GET /telemetry/latest | jq -r '.[] | ([.l, .ll] | map(select(. != null)) | max) as $lo
  | ([.h, .hh] | map(select(. != null)) | min) as $hi
  | "\(.pointCode) \(if $lo != null and $hi != null then ($lo + $hi) / 2 elif $hi != null then $hi - ($hi | fabs) * 0.5 - 1
      elif $lo != null then $lo + ($lo | fabs) + 1 else 1 end)"' > "$W/points.txt"
log "$(wc -l < "$W/points.txt") points, $CONNS devices"

wait_ready() { for _ in $(seq 1 300); do grep -q READY "$1" 2>/dev/null && return 0; sleep 0.2; done; echo "not ready: $1" >&2; cat "$1" >&2; exit 1; }
val() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
run_load() { # url readings label [credentials [more load generator arguments]]
  local args=(--url "$1" --connections "$CONNS" --window "$WINDOW" --readings "$2" --duration "$DURATION" --warmup "$WARMUP" --points "$W/points.txt")
  [ -n "${4:-}" ] && args+=(--credentials "$4")
  [ $# -gt 4 ] && args+=("${@:5}")
  java "${JAVA_OPTS[@]}" -cp "$CP" bench/mqtt/MqttLoadGen.java "${args[@]}" > "$W/load-$3.log" 2>&1
  grep RESULT "$W/load-$3.log" | sed 's/^RESULT //'
}
# one line a second: epoch seconds, readings committed so far, broker backlog, pipeline queue
# (the access token lives 15 minutes: log in again when the answer is not a status)
sample() { local st mq; while :; do
  st="$(instance_api GET /telemetry/status | jq -r '"\(.accepted) \(.queued)"' 2>/dev/null)"
  mq="$(instance_api GET /mqtt/status | jq -r '.backlog' 2>/dev/null)"
  case "$st $mq" in *null*|" "*) instance_relogin >/dev/null; continue ;; esac
  printf '%s %s %s\n' "$(date +%s)" "$st" "$mq"; sleep 1; done; }
# samples file: readings committed per second over the measured window (warm-up .. warm-up + duration
# after the first sample), from the platform's own counter; a mean, because the counter moves in
# whole batches (up to 20,000 readings) and per-second differences would be lumpy
median_durable() {
  awk -v w="$WARMUP" -v d="$DURATION" 'NR == 1 { t0 = $1 } { if (!ta && $1 >= t0 + w) { a = $2; ta = $1 } if ($1 <= t0 + w + d) { b = $2; tb = $1 } }
    END { printf "%d", (tb > ta) ? (b - a) / (tb - ta) : 0 }' "$1"
}

declare -A R
# platform run: label readings/msg offered-msgs/s(0 = as fast as the window allows) duration
platform_run() {
  local label=$1 rpm=$2 offer=$3 dur=$4 extra=()
  [ "$offer" != 0 ] && extra=(--rate "$offer")
  sample > "$W/samples-$label.txt" & SAMPLER=$!; PIDS+=($SAMPLER)
  R[plat$label]=$(DURATION=$dur run_load "tcp://127.0.0.1:$MQTT_PORT" "$rpm" "plat-$label" "$W/creds.txt" "${extra[@]}"); log "${R[plat$label]}"
  local t0; t0=$(date +%s)   # drain what was acknowledged (at most 300 s)
  for _ in $(seq 1 300); do [ "$(tail -1 "$W/samples-$label.txt" | awk '{print $3 + $4}')" = 0 ] && break; sleep 1; done
  R[drain$label]=$(( $(date +%s) - t0 ))
  kill "$SAMPLER"; wait "$SAMPLER" 2>/dev/null || true; unset 'PIDS[-1]'
  R[durable$label]=$(DURATION=$dur median_durable "$W/samples-$label.txt")
  R[maxbacklog$label]=$(awk 'BEGIN{m=0} $4 > m {m=$4} END{print m}' "$W/samples-$label.txt")
  log "durable readings/s (mean over the measured window): ${R[durable$label]}; broker backlog max ${R[maxbacklog$label]} messages; drained ${R[drain$label]} s after the load stopped"
}
for RPM in 1 50; do
  [ -n "$ONLY" ] && [ "$ONLY" != "$RPM" ] && continue
  given=$([ "$RPM" = 1 ] && echo "$BARE1" || echo "$BARE50")
  if [ -n "$given" ]; then
    R[bare$RPM]="median_msgs_per_s=$given median_readings_per_s=$(( given * RPM )) (from an earlier run, not measured now)"
  else
    log "bare Artemis, $RPM reading(s)/message, ${DURATION}s"
    rm -rf "$W/bare"; java "${JAVA_OPTS[@]}" -cp "$CP" bench/mqtt/BareBroker.java $BARE_PORT "$W/bare" > "$W/bare-$RPM.log" 2>&1 & PIDS+=($!)
    wait_ready "$W/bare-$RPM.log"
    R[bare$RPM]=$(run_load tcp://127.0.0.1:$BARE_PORT "$RPM" "bare-$RPM"); log "${R[bare$RPM]}"
    kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true; unset 'PIDS[-1]'
    rm -rf "$W/bare"
  fi
  # the offered load: 1 reading/message at 60 % of the bare broker's rate, 50/message at 200,000 readings/s
  if [ "$RPM" = 1 ]; then
    OFFER=${OFFER1:-$(( $(val "${R[bare1]}" median_msgs_per_s) * 60 / 100 ))}
  else
    OFFER=${OFFER50:-$(( 200000 / 50 ))}
  fi
  R[offer$RPM]=$OFFER
  log "platform, $RPM reading(s)/message, as fast as the publishers go, ${CAPACITY}s (capacity)"
  platform_run "max$RPM" "$RPM" 0 "$CAPACITY"
  log "platform, $RPM reading(s)/message, offered $OFFER messages/s, ${DURATION}s (sustained)"
  platform_run "$RPM" "$RPM" "$OFFER" "$DURATION"
done
instance_relogin >/dev/null   # the access token lives 15 minutes; the runs took longer
ALARMS=$(instance_api GET /telemetry/status | jq -r '.activeAlarms')
STATUS=$(instance_api GET /telemetry/status | jq -c 'del(.deadLettersByReason)')
LOADAVG=$(cut -d' ' -f1-3 /proc/loadavg)

OUT="bench/results/mqtt-platform-$(date -u +%Y-%m-%d-%H%M).md"
{
  echo "# MQTT end to end through the platform $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Host: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GB; $(java -version 2>&1 | head -1); load average at the end $LOADAVG."
  echo "Load: $CONNS devices (connections), window $WINDOW, QoS 1, ${DURATION}s measured after ${WARMUP}s warm-up, medians of per-second rates;"
  echo "$(wc -l < "$W/points.txt") demo points with in-band values. Platform: built distribution, simulator off, embedded PostgreSQL 16 (fsync, synchronous_commit on)."
  echo
  echo "| readings/message | run | offered readings/s | PUBACK readings/s (median) | durable in PostgreSQL, limits evaluated, readings/s (mean) | durable / bare | max broker backlog (msgs) | drain after the end | sustained |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for RPM in 1 50; do
    [ -n "$ONLY" ] && [ "$ONLY" != "$RPM" ] && continue
    b=$(val "${R[bare$RPM]}" median_readings_per_s)
    echo "| $RPM | bare Artemis, ${DURATION}s | as fast as possible | $b | (not stored) | 1 | | | |"
    for L in "max$RPM" "$RPM"; do
      p=$(val "${R[plat$L]}" median_readings_per_s); d=${R[durable$L]}
      if [ "$L" = "$RPM" ]; then
        o=$(( R[offer$RPM] * RPM )); run="platform, offered, ${DURATION}s"
        ok=$(awk -v d="$d" -v o="$o" -v dr="${R[drain$L]}" 'BEGIN{print (d >= 0.98 * o && dr <= 5) ? "yes" : "no"}')
      else
        o="as fast as possible"; run="platform, ${CAPACITY}s"; ok="(backlog grows)"
      fi
      echo "| $RPM | $run | $o | $p | $d | $(awk -v d="$d" -v b="$b" 'BEGIN{printf (b>0? "%.2f" : "n/a"), d/b}') | ${R[maxbacklog$L]} | ${R[drain$L]} s | $ok |"
    done
  done
  echo
  echo "Active alarms at the end: $ALARMS (values are in band: expected 0). Telemetry status: \`$STATUS\`"
  echo
  for RPM in 1 50; do
    [ -n "$ONLY" ] && [ "$ONLY" != "$RPM" ] && continue
    echo "Raw $RPM/msg: bare \`${R[bare$RPM]}\`; platform capacity \`${R[platmax$RPM]}\`; platform offered \`${R[plat$RPM]}\`"
    echo
  done
} > "$OUT"
cat "$OUT"
