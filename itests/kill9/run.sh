#!/usr/bin/env bash
# kill -9 test of the MQTT no-loss promise (issue 4): "a reading acknowledged to a publisher
# (PUBACK) is never lost, including on kill -9".
#
# Runs the MQTT bridge's broker + IngestLoop (bench/mqtt/PipelineBench.java: the bundle's own
# BrokerRuntime and IngestLoop, readings COPYed into a real PostgreSQL and committed before the
# broker message is acknowledged) in its own JVM, publishes N QoS-1 messages recording every
# PUBACK, kill -9s that JVM mid-stream, restarts it on the same journal, waits until the broker
# queue is drained and checks in PostgreSQL that every PUBACKed reading is there.
#
#   itests/kill9/run.sh [N (default 20000)] [kill after K PUBACKs (default N/3)]
#
# Needs the bundle built (mvn -o install -pl bundles/org.chempark.bridge.mqtt -am -DskipTests).
# Uses /tmp/mqtt-kill9, MQTT port 11885, PostgreSQL port 15484.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
N="${1:-20000}"; K="${2:-$((N / 3))}"
M2="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
MVN=(mvn -q -o -B)
[ -n "${MAVEN_REPO_LOCAL:-}" ] && MVN+=("-Dmaven.repo.local=$MAVEN_REPO_LOCAL")
W=/tmp/mqtt-kill9; PORT=11885; PG_PORT=15484
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$PGBIN" ]; then
  echo "kill9: SKIPPED - no PostgreSQL server binaries in /usr/lib/postgresql (Debian: apt-get install postgresql)"; exit 0
fi
rm -rf "$W"; mkdir -p "$W"
"${MVN[@]}" -f bundles/org.chempark.bridge.mqtt/pom.xml dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$W/cp.txt" >/dev/null
CP="$(cat "$W/cp.txt"):$ROOT/bundles/org.chempark.bridge.mqtt/target/classes:$M2/org/postgresql/postgresql/42.7.3/postgresql-42.7.3.jar"

PIPE=""
cleanup() {
  [ -n "$PIPE" ] && kill "$PIPE" 2>/dev/null || true
  [ -f "$W/pg/postmaster.pid" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$W/pg" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT INT TERM
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
mkdir -p "$W/pg"; [ "$(id -u)" = 0 ] && chown postgres "$W" "$W/pg"
as_pg "$PGBIN/initdb" -A trust -U bench -D "$W/pg" >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$W/pg" -o "-p $PG_PORT -k $W -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on" -l "$W/pg.log" start >/dev/null
JDBC="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres?user=bench"
PSQL=("$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U bench -d postgres -qtA)

start_pipe() { # $1 log, $2 keep
  java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dkeep="$2" -cp "$CP" bench/mqtt/PipelineBench.java $PORT "$W/broker" "$JDBC" 1 "$W/creds.txt" 0 > "$1" 2>&1 &
  PIPE=$!
  for _ in $(seq 1 300); do grep -q READY "$1" && return 0; sleep 0.2; done
  cat "$1"; echo "pipeline did not start" >&2; exit 1
}

start_pipe "$W/pipe-1.log" false
SECRET=$(sed -n 's/^d-0=//p' "$W/creds.txt")
java -cp "$CP" itests/kill9/K9Publisher.java tcp://127.0.0.1:$PORT d-0 "$SECRET" "$N" 200 "$W/acks.txt" > "$W/pub.log" 2>&1 &
PUB=$!
for _ in $(seq 1 600); do [ -f "$W/acks.txt" ] && [ "$(wc -l < "$W/acks.txt")" -ge "$K" ] && break; sleep 0.1; done
kill -9 "$PIPE"; wait "$PIPE" 2>/dev/null || true; PIPE=""
wait "$PUB" 2>/dev/null || true
ACKED=$(sort -un "$W/acks.txt" | wc -l)
BEFORE=$("${PSQL[@]}" -c "SELECT count(*) FROM bench_reading")
echo "kill -9 after $ACKED PUBACKs ($BEFORE readings were in PostgreSQL at that moment)"

start_pipe "$W/pipe-2.log" true
for _ in $(seq 1 600); do grep -q 'backlog_msgs 0$' "$W/pipe-2.log" && break; sleep 0.2; done
sleep 2
sort -un "$W/acks.txt" | sed 's/^/K9-/' > "$W/acked-points.txt"
"${PSQL[@]}" -c "CREATE TEMP TABLE acked(point text)" -c "\\copy acked FROM '$W/acked-points.txt'" \
  -c "SELECT count(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM bench_reading r WHERE r.point = a.point)" > "$W/missing.txt"
MISSING=$(tail -1 "$W/missing.txt")
STORED=$("${PSQL[@]}" -c "SELECT count(DISTINCT point) FROM bench_reading")
DUPS=$("${PSQL[@]}" -c "SELECT count(*) - count(DISTINCT point) FROM bench_reading")
echo "after restart: $STORED distinct readings stored, $DUPS delivered twice (at-least-once), $MISSING PUBACKed readings missing"
if [ "$MISSING" = "0" ] && [ "$ACKED" -ge "$K" ]; then
  echo "kill9: PASS (every one of $ACKED PUBACKed readings is in PostgreSQL)"
  echo "1/1 steps passed (MQTT kill -9)"
else
  echo "kill9: FAIL"; echo "0/1 steps passed (MQTT kill -9)"; exit 1
fi
