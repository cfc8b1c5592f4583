#!/usr/bin/env bash
# MQTT ingest benchmark (issue 4): the same QoS-1 load generator, in one run, against
#  (a) a bare Artemis broker of the platform's version (the ceiling), and
#  (b) the MQTT bridge pipeline (broker with device auth + ACL, IngestLoop, readings COPYed
#      into PostgreSQL and committed before the broker message is acknowledged),
# each with 1 reading/message and 50 readings/message. Writes bench/results/mqtt-ingest-<date>.md.
#
#   bench/mqtt-ingest.sh [--duration SECONDS (default 300)] [--warmup SECONDS (default 15)]
#                        [--connections N (default 8)] [--window N (default 500)]
#
# Everything runs on 127.0.0.1 with its own ports (MQTT 11883/11884, PostgreSQL 15483) and
# its own data under /tmp/mqtt-bench (deleted at start). Needs a built bundle:
# mvn -o install -pl bundles/org.chempark.bridge.mqtt -am -DskipTests
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DURATION=300; WARMUP=15; CONNS=8; WINDOW=500
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION="$2"; shift ;;
    --warmup) WARMUP="$2"; shift ;;
    --connections) CONNS="$2"; shift ;;
    --window) WINDOW="$2"; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
M2="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
MVN=(mvn -q -o -B)
[ -n "${MAVEN_REPO_LOCAL:-}" ] && MVN+=("-Dmaven.repo.local=$MAVEN_REPO_LOCAL")
W=/tmp/mqtt-bench
rm -rf "$W"; mkdir -p "$W"
BARE_PORT=11883; PIPE_PORT=11884; PG_PORT=15483
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

"${MVN[@]}" -f bundles/org.chempark.bridge.mqtt/pom.xml dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$W/cp.txt" >/dev/null
PGJAR=$(ls "$M2"/org/postgresql/postgresql/42.7.3/postgresql-42.7.3.jar)
CP="$(cat "$W/cp.txt"):$ROOT/bundles/org.chempark.bridge.mqtt/target/classes:$PGJAR"
JAVA_OPTS=(-Xmx1g -XX:+UseParallelGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn)

PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -f "$W/pg/postmaster.pid" ]; then runuser -u postgres -- "$PGBIN/pg_ctl" -D "$W/pg" -m fast stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT INT TERM

# PostgreSQL with its durable defaults (fsync on, synchronous_commit on)
mkdir -p "$W/pg" && chown postgres "$W/pg" "$W"
runuser -u postgres -- "$PGBIN/initdb" -A trust -U bench -D "$W/pg" >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$W/pg" -o "-p $PG_PORT -k $W -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c max_wal_size=4GB" -l "$W/pg.log" start >/dev/null
JDBC="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres?user=bench"

wait_ready() { for _ in $(seq 1 300); do grep -q READY "$1" 2>/dev/null && return 0; sleep 0.2; done; echo "not ready: $1" >&2; cat "$1" >&2; exit 1; }

run_load() { # url readings label credentials
  local args=(--url "$1" --connections "$CONNS" --window "$WINDOW" --readings "$2" --duration "$DURATION" --warmup "$WARMUP")
  [ -n "${4:-}" ] && args+=(--credentials "$4")
  java "${JAVA_OPTS[@]}" -cp "$CP" bench/mqtt/MqttLoadGen.java "${args[@]}" > "$W/load-$3.log" 2>&1
  grep RESULT "$W/load-$3.log" | sed 's/^RESULT //'
}
val() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
median_durable() { # log: median of per-second durable counts over DURATION seconds, from WARMUP s after the first stored reading
  awk -v w="$WARMUP" -v d="$DURATION" '/^durable /{ if (!started && $2 > 0) started=1; if (started) { n++; if (n>w && n<=w+d) print $2 } }' "$1" \
    | sort -n | awk '{a[NR]=$1} END{print (NR? a[int(NR/2)+1] : 0)}'
}

declare -A R
for RPM in 1 50; do
  echo "== bare Artemis, $RPM reading(s)/message"
  rm -rf "$W/bare"; java "${JAVA_OPTS[@]}" -cp "$CP" bench/mqtt/BareBroker.java $BARE_PORT "$W/bare" > "$W/bare-$RPM.log" 2>&1 & PIDS+=($!)
  wait_ready "$W/bare-$RPM.log"
  R[bare$RPM]=$(run_load tcp://127.0.0.1:$BARE_PORT $RPM bare-$RPM); echo "${R[bare$RPM]}"
  kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true; unset 'PIDS[-1]'

  echo "== bridge pipeline to PostgreSQL, $RPM reading(s)/message"
  rm -rf "$W/pipe"
  java "${JAVA_OPTS[@]}" -cp "$CP" bench/mqtt/PipelineBench.java $PIPE_PORT "$W/pipe" "$JDBC" "$CONNS" "$W/creds.txt" 0 > "$W/pipe-$RPM.log" 2>&1 & PIDS+=($!)
  wait_ready "$W/pipe-$RPM.log"
  R[pipe$RPM]=$(run_load tcp://127.0.0.1:$PIPE_PORT $RPM pipe-$RPM "$W/creds.txt"); echo "${R[pipe$RPM]}"
  # let the ingest drain what was acknowledged (at most 60 s), then stop the pipeline
  for _ in $(seq 1 60); do tail -1 "$W/pipe-$RPM.log" | grep -q 'backlog_msgs 0$' && break; sleep 1; done
  echo "backlog at stop: $(tail -1 "$W/pipe-$RPM.log")"
  kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true; unset 'PIDS[-1]'
  R[durable$RPM]=$(median_durable "$W/pipe-$RPM.log")
  echo "durable median readings/s: ${R[durable$RPM]}"
done

OUT="bench/results/mqtt-ingest-$(date -u +%Y-%m-%d-%H%M).md"
{
  echo "# MQTT ingest $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Host: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GB; $(java -version 2>&1 | head -1); load: $CONNS connections, window $WINDOW, QoS 1, ${DURATION}s measured after ${WARMUP}s warm-up; medians of per-second rates."
  echo
  echo "| readings/message | bare Artemis PUBACK readings/s | bridge PUBACK readings/s | bridge durable in PostgreSQL readings/s | ratio durable/bare |"
  echo "|---|---|---|---|---|"
  for RPM in 1 50; do
    b=$(val "${R[bare$RPM]}" median_readings_per_s); p=$(val "${R[pipe$RPM]}" median_readings_per_s); d=${R[durable$RPM]}
    echo "| $RPM | $b | $p | $d | $(awk -v d="$d" -v b="$b" 'BEGIN{printf (b>0? "%.2f" : "n/a"), d/b}') |"
  done
  echo
  echo "Raw: bare1 ${R[bare1]}; pipe1 ${R[pipe1]}; bare50 ${R[bare50]}; pipe50 ${R[pipe50]}"
} > "$OUT"
cat "$OUT"
