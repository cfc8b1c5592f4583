#!/usr/bin/env bash
# Telemetry ingest benchmark: readings/s the ReadingSink stores in PostgreSQL with limits evaluated,
# and publish→alarm latency to a WebSocket client at a steady 10,000 readings/s.
# Writes bench/results/telemetry-ingest-<date>.md. Method: docs/benchmarks.md, section "Telemetry ingest".
#
#   bench/telemetry-ingest.sh [--runs N] [--seconds S] [--probes N]
#
# Uses the built distribution (karaf-assembly/target/*.tar.gz; build it first) in its own copy
# (/tmp/chempark-telemetry-bench) on its own ports (HTTP 18281, SSH 18282, RMI 18283/18284), with
# bench.enabled=true (the in-container load driver, POST /api/v1/telemetry/bench/*). Stopped at the end.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS=3; SECONDS_PER_RUN=20; PROBES=200
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift ;;
    --seconds) SECONDS_PER_RUN="$2"; shift ;;
    --probes) PROBES="$2"; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
export CHEMPARK_RUN_DIR="${CHEMPARK_TELEMETRY_BENCH_DIR:-/tmp/chempark-telemetry-bench}"
case "$CHEMPARK_RUN_DIR" in /tmp/?*) ;; *) echo "CHEMPARK_TELEMETRY_BENCH_DIR must be under /tmp (it is deleted)" >&2; exit 2 ;; esac
PORT=18281
B="http://127.0.0.1:$PORT/api/v1"
OUT="bench/results/telemetry-ingest-$(date -u +%Y-%m-%d).md"
log() { printf '[telemetry-bench %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
command -v jq >/dev/null || { echo "jq is needed" >&2; exit 2; }
ls karaf-assembly/target/chempark-distribution-*.tar.gz >/dev/null 2>&1 || { echo "build the distribution first (./chempark build)" >&2; exit 2; }
# never let ./chempark rebuild here: the tarball is what is measured
touch karaf-assembly/target/chempark-distribution-*.tar.gz

cleanup() { ./chempark stop >/dev/null 2>&1 || true; }
trap cleanup EXIT INT TERM
rm -rf "$CHEMPARK_RUN_DIR"
log "starting the platform in $CHEMPARK_RUN_DIR"
CHEMPARK_HTTP_PORT=$PORT CHEMPARK_SSH_PORT=$((PORT+1)) CHEMPARK_RMI_REGISTRY_PORT=$((PORT+2)) CHEMPARK_RMI_SERVER_PORT=$((PORT+3)) \
  ./chempark run >/dev/null
echo "bench.enabled = true" > "$CHEMPARK_RUN_DIR/chempark/etc/org.chempark.telemetry.cfg"
PWFILE="$CHEMPARK_RUN_DIR/chempark/data/security/initial-admin-password"
for _ in $(seq 1 120); do [ -s "$PWFILE" ] && curl -sf "$B/health" >/dev/null && break; sleep 1; done
NEWPW="Bench-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')-9a"
login() { curl -s -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$1\"}" "$B/auth/login" | jq -r .accessToken; }
T=""
for _ in $(seq 1 60); do T="$(login "$(cat "$PWFILE")")"; [ -n "$T" ] && [ "$T" != null ] && break; sleep 2; done
curl -sf -X POST -H "Authorization: Bearer $T" -H 'Content-Type: application/json' \
  -d "{\"currentPassword\":\"$(cat "$PWFILE")\",\"newPassword\":\"$NEWPW\"}" "$B/auth/password" >/dev/null
T="$(login "$NEWPW")"
# wait until the telemetry module runs with bench.enabled
for _ in $(seq 1 60); do
  c=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $T" -H 'Content-Type: application/json' \
      -d '{"seconds":1,"rate":1000,"batchSize":100}' "$B/telemetry/bench/ingest")
  [ "$c" = 200 ] && break; sleep 2
done
PROBE_POINT=$(curl -s -H "Authorization: Bearer $T" "$B/telemetry/latest" | jq -r '[.[] | select(.type=="COMBUSTIBLE_GAS" and .hh != null)][0].pointCode')
PROBE_HH=$(curl -s -H "Authorization: Bearer $T" "$B/telemetry/latest?points=$PROBE_POINT" | jq -r '.[0].hh')
PROBE_HIGH=$(echo "$PROBE_HH + 10" | bc); PROBE_LOW=$(echo "$PROBE_HH / 10" | bc -l | cut -c1-6)

log "throughput: $RUNS runs of ${SECONDS_PER_RUN}s, unpaced, 2 submitters, batches of 5000"
RATES=()
: > bench/results/tmp-telemetry-runs.jsonl
for i in $(seq 1 "$RUNS"); do
  r=$(curl -s -X POST -H "Authorization: Bearer $T" -H 'Content-Type: application/json' \
      -d "{\"seconds\":$SECONDS_PER_RUN,\"rate\":0,\"batchSize\":5000,\"concurrency\":2}" "$B/telemetry/bench/ingest")
  echo "$r" | jq -c 'del(.pipelineBefore,.pipelineAfter)' | tee -a bench/results/tmp-telemetry-runs.jsonl
  RATES+=("$(echo "$r" | jq -r .readingsPerSecond)")
done
MEDIAN=$(printf '%s\n' "${RATES[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
ROWS=$(curl -s -H "Authorization: Bearer $T" "$B/telemetry/status" | jq -r .accepted)

log "latency: $PROBES alarm probes on $PROBE_POINT while 10,000 readings/s flow"
LOADS=$((PROBES * 1 / 2 + 30))
curl -s -X POST -H "Authorization: Bearer $T" -H 'Content-Type: application/json' \
  -d "{\"seconds\":$LOADS,\"rate\":10000,\"batchSize\":500,\"concurrency\":1,\"exclude\":[\"$PROBE_POINT\"]}" "$B/telemetry/bench/ingest" \
  > bench/results/tmp-telemetry-background.json &
BG=$!
sleep 3
LAT=$(node --no-warnings --experimental-websocket bench/telemetry-latency.mjs "$B" "$T" "$PROBE_POINT" "$PROBE_HIGH" "$PROBE_LOW" "$PROBES" 100)
echo "$LAT"
wait $BG || true
BGR=$(jq -c 'del(.pipelineBefore,.pipelineAfter)' bench/results/tmp-telemetry-background.json)
echo "$BGR"
LOADAVG=$(cut -d' ' -f1-3 /proc/loadavg)

cat > "$OUT" <<MD
# Telemetry ingest benchmark $(date -u +%Y-%m-%dT%H:%MZ)

Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); load average at the end $LOADAVG
(other processes share the machine). Distribution $(ls karaf-assembly/target/chempark-distribution-*.tar.gz | xargs -n1 basename),
embedded PostgreSQL 16 with fsync and synchronous_commit on. Method: docs/benchmarks.md "Telemetry ingest".

## Throughput (readings stored per second, limits evaluated)

| run | readings/s | batch commit p50 ms | p99 ms |
|---|---|---|---|
$(jq -r '"| \(.seconds) s | \(.readingsPerSecond) | \(.batchCommitMsP50) | \(.batchCommitMsP99) |"' bench/results/tmp-telemetry-runs.jsonl)

**Median: $MEDIAN readings/s** (target ≥ 200,000, floor 50,000). Rows accepted in all: $ROWS.

## Publish → alarm on a WebSocket client at 10,000 readings/s

Background load: $BGR

Probes: $LAT

(raise = client arrival − reading timestamp of the reading above HH; clear = arrival − timestamp of the reading back below.)
MD
rm -f bench/results/tmp-telemetry-runs.jsonl bench/results/tmp-telemetry-background.json
log "written $OUT"
cat "$OUT"
