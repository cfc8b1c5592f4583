#!/usr/bin/env bash
# kill -9 of the whole platform (issue 4, R-F2.2): "a reading acknowledged to a publisher (MQTT
# PUBACK) is never lost, including on kill -9 of the platform".
#
# Starts the built distribution in its own folder and ports (bench/lib/instance.sh), creates an
# MQTT device, publishes N QoS-1 readings of one demo point (reading i at base + i ms) through the
# platform's embedded broker, records every PUBACK, and after K PUBACKs kills the Karaf JVM and its
# embedded PostgreSQL with SIGKILL at once. Then it starts the platform again on the same data,
# waits until the broker's ingest queue and the telemetry pipeline are drained, and checks in
# PostgreSQL (telemetry.reading) that every PUBACKed reading is there.
#
#   itests/kill9/platform.sh [N (default 30000)] [kill after K PUBACKs (default N/3)]
#
# Uses /tmp/chempark-kill9 and ports 18960-18965. Needs the distribution built, psql, jq, curl.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
N="${1:-30000}"; K="${2:-$((N / 3))}"
. bench/lib/instance.sh
command -v psql >/dev/null || { echo "kill9-platform: SKIPPED - psql not installed (Debian: apt-get install postgresql-client)"; exit 0; }
log() { printf '[kill9-platform %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
trap instance_stop EXIT INT TERM

log "starting the platform"
instance_start /tmp/chempark-kill9 18960 off
instance_login
W="$I_DIR/k9"; mkdir -p "$W"
CP="$(instance_tool_cp)"
instance_api POST /mqtt/devices '{"deviceId":"k9-gw","enterpriseId":1,"description":"kill -9 test"}' >/dev/null
SECRET="$(instance_api POST /mqtt/devices/k9-gw/secret | jq -r .secret)"
# a pressure point of enterprise 1, published at the middle of its normal band (no alarms)
read -r POINT POINT_ID VALUE < <(instance_api GET /telemetry/latest | jq -r \
  '[.[] | select(.enterpriseId == 1 and .type == "PRESSURE" and .l != null and .h != null)][0] | "\(.pointCode) \(.pointId) \((.l + .h) / 2)"')
BASE=$(( $(date +%s%3N) - 120000 ))
log "publishing $N readings of $POINT (id $POINT_ID) to the platform's broker on port $MQTT_PORT; kill -9 after $K PUBACKs"

java -cp "$CP" itests/kill9/K9Publisher.java "tcp://127.0.0.1:$MQTT_PORT" k9-gw "$SECRET" "$N" 200 "$W/acks.txt" \
  "$POINT" "$BASE" "$VALUE" > "$W/pub.log" 2>&1 &
PUB=$!
for _ in $(seq 1 1200); do [ -f "$W/acks.txt" ] && [ "$(wc -l < "$W/acks.txt")" -ge "$K" ] && break; sleep 0.1; done
JVM="$(instance_pid)"; PG="$(instance_pg_pid)"
kill -9 "$JVM" ${PG:+"$PG"}
log "killed the platform JVM ($JVM) and its PostgreSQL ($PG) with SIGKILL"
wait "$PUB" 2>/dev/null || true
ACKED=$(sort -un "$W/acks.txt" | wc -l)
log "$ACKED readings were acknowledged (PUBACK) before the kill"

log "starting the platform again on the same data"
instance_restart
instance_relogin
# drained: nothing waits in the broker's ingest queue nor in the telemetry pipeline, twice in a row
calm=0
for _ in $(seq 1 300); do
  backlog=$(instance_api GET /mqtt/status | jq -r '.backlog // 1')
  queued=$(instance_api GET /telemetry/status | jq -r '.queued // 1')
  if [ "$backlog" = 0 ] && [ "$queued" = 0 ]; then calm=$((calm + 1)); [ "$calm" -ge 3 ] && break; else calm=0; fi
  sleep 1
done
DBPORT="$(sed -n 's/^embedded\.port *= *//p' "$I_DIR/chempark/etc/org.chempark.db.cfg")"
PSQL=(psql -h 127.0.0.1 -p "$DBPORT" -U postgres -d chempark -qtA)
"${PSQL[@]}" -c "SELECT (extract(epoch FROM ts) * 1000)::bigint - $BASE FROM telemetry.reading
                 WHERE point_id = $POINT_ID AND ts >= to_timestamp($BASE / 1000.0) AND ts < to_timestamp(($BASE + $N) / 1000.0)" \
  > "$W/stored.txt"
sort -un "$W/acks.txt" > "$W/acked.sorted"
sort -un "$W/stored.txt" > "$W/stored.sorted"
MISSING=$(comm -23 "$W/acked.sorted" "$W/stored.sorted" | wc -l)
STORED=$(wc -l < "$W/stored.sorted")
DUPS=$(( $(wc -l < "$W/stored.txt") - STORED ))
log "after restart: $STORED distinct readings stored ($((STORED - ACKED)) more than acknowledged: accepted but not yet PUBACKed), $DUPS stored twice (at-least-once), $MISSING PUBACKed readings missing"
if [ "$MISSING" = 0 ] && [ "$ACKED" -ge "$K" ]; then
  echo "kill9-platform: PASS (every one of $ACKED PUBACKed readings is in PostgreSQL after kill -9 of the platform)"
  echo "1/1 steps passed (platform kill -9)"
  instance_stop; rm -rf "$I_DIR"
else
  comm -23 "$W/acked.sorted" "$W/stored.sorted" | head -5 | sed 's/^/missing reading /'
  tail -20 "$W/pub.log"
  echo "kill9-platform: FAIL"; echo "0/1 steps passed (platform kill -9)"; exit 1
fi
