#!/usr/bin/env bash
# Modbus benchmark (issue 4): 100 j2mod TCP slaves x 120 registers, polled every second by the
# ChemPark Modbus bridge (DevicePoller on its PollScheduler). Slaves and bridge run in two JVMs
# on this machine; the bridge hands readings to a counting ReadingSink (the ingest pipeline is
# measured elsewhere). Writes bench/results/modbus-<date>.md. See docs/benchmarks.md.
#
#   bench/modbus-100x120.sh [--count 100] [--registers 120] [--interval 1000] [--threads 4]
#                           [--warmup 10] [--duration 60] [--runs 3] [--base-port 16000]
# Environment: MAVEN_REPO (default ~/.m2/repository) to find j2mod, jSerialComm, slf4j.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
COUNT=100 REGS=120 INTERVAL=1000 THREADS=4 WARMUP=10 DURATION=60 RUNS=3 BASE=16000
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT="$2"; shift 2 ;; --registers) REGS="$2"; shift 2 ;; --interval) INTERVAL="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;; --warmup) WARMUP="$2"; shift 2 ;; --duration) DURATION="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;; --base-port) BASE="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
REPO="${MAVEN_REPO:-$HOME/.m2/repository}"
V="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)"
jar() { local f="$REPO/$1"; [ -f "$f" ] || { echo "missing $f (build first: mvn install -pl bundles/org.chempark.bridge.modbus -am; MAVEN_REPO=...)" >&2; exit 1; }; printf '%s' "$f"; }
CP="$(jar com/ghgande/j2mod/3.3.0/j2mod-3.3.0.jar):$(jar com/fazecast/jSerialComm/2.11.4/jSerialComm-2.11.4.jar)"
CP="$CP:$(jar org/slf4j/slf4j-api/1.7.36/slf4j-api-1.7.36.jar):$(jar org/slf4j/slf4j-simple/1.7.36/slf4j-simple-1.7.36.jar)"
CP="$CP:$(jar org/chempark/org.chempark.sdk/$V/org.chempark.sdk-$V.jar):$(jar org/chempark/org.chempark.bridge.modbus/$V/org.chempark.bridge.modbus-$V.jar)"
JOPTS=(-Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn)

TMP="$(mktemp -d)"; SLAVES_PID=""
cleanup() { [ -n "$SLAVES_PID" ] && kill "$SLAVES_PID" 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT INT TERM

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

LOAD0="$(cut -d' ' -f1-3 /proc/loadavg)"
java "${JOPTS[@]}" -cp "$CP" "$ROOT/bench/ModbusBench.java" slaves --count "$COUNT" --registers "$REGS" --base-port "$BASE" > "$TMP/slaves.out" 2>&1 &
SLAVES_PID=$!
for _ in $(seq 1 120); do grep -q READY "$TMP/slaves.out" 2>/dev/null && break; sleep 0.5; done
grep -q READY "$TMP/slaves.out" || { cat "$TMP/slaves.out"; echo "slaves did not start" >&2; exit 1; }
echo "$(cat "$TMP/slaves.out")"

HZ="$(getconf CLK_TCK)"
: > "$TMP/results"
for run in $(seq 1 "$RUNS"); do
  t0="$(cpu_ticks "$SLAVES_PID")"; w0="$(date +%s.%N)"
  line="$(java "${JOPTS[@]}" -cp "$CP" "$ROOT/bench/ModbusBench.java" master --count "$COUNT" --registers "$REGS" --base-port "$BASE" \
          --interval "$INTERVAL" --threads "$THREADS" --warmup "$WARMUP" --duration "$DURATION" | grep '^RESULT')"
  t1="$(cpu_ticks "$SLAVES_PID")"; w1="$(date +%s.%N)"
  slaves_pct="$(awk -v a="$t0" -v b="$t1" -v hz="$HZ" -v w0="$w0" -v w1="$w1" 'BEGIN{printf "%.1f", (b-a)/hz/(w1-w0)*100}')"
  echo "run $run: $line cpu_slaves_pct_of_one_core=$slaves_pct"
  echo "$line cpu_slaves_pct_of_one_core=$slaves_pct" >> "$TMP/results"
done

median() { # key
  sed -n "s/.* $1=\([0-9.]*\).*/\1/p" "$TMP/results" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'
}
OUT="$ROOT/bench/results/modbus-$(date -u +%Y-%m-%d).md"
{
  echo "# Modbus ${COUNT} slaves x ${REGS} registers, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "bench/modbus-100x120.sh --count $COUNT --registers $REGS --interval $INTERVAL --threads $THREADS --warmup $WARMUP --duration $DURATION --runs $RUNS"
  echo
  echo "| measure | median of $RUNS runs |"
  echo "|---|---|"
  echo "| polls per device per second (target $(awk -v i="$INTERVAL" 'BEGIN{printf "%.3f", 1000/i}')) | $(median poll_rate_per_device_hz) |"
  echo "| fewest polls of one device in ${DURATION} s | $(median min_device_polls) |"
  echo "| failed polls | $(median failed) |"
  echo "| readings per second | $(median readings_per_s) |"
  echo "| poll cycle of one device (connect kept, 1 request of $REGS registers, decode, submit), median | $(median cycle_ms_median) ms |"
  echo "| same, p99 | $(median cycle_ms_p99) ms |"
  echo "| same, max | $(median cycle_ms_max) ms |"
  echo "| CPU of the bridge JVM | $(median cpu_master_pct_of_one_core) % of one core |"
  echo "| CPU of the slaves JVM | $(median cpu_slaves_pct_of_one_core) % of one core |"
  echo
  echo "Raw result lines:"
  echo
  sed 's/^/    /' "$TMP/results"
  echo
  echo "$(nproc) cores; $(java -version 2>&1 | head -n 1); load average (1/5/15 min) at start: $LOAD0; at end: $(cut -d' ' -f1-3 /proc/loadavg)."
} > "$OUT"
cat "$OUT"
