#!/usr/bin/env bash
# ChemPark benchmark: build time, cold start, idle memory, REST read and write latency.
# Writes bench/results/<date>.md. See docs/benchmarks.md for the method.
#
#   bench/run.sh [--no-build] [--duration SECONDS] [--clients N] [--starts N]
#
# The platform under test runs from its own copy (default /tmp/chempark-bench) on its own
# ports (HTTP 18181, SSH 18101, RMI 11099/14444), so a developer's instance on 8181 is untouched.
# All load goes to 127.0.0.1 only; every load phase is bounded in time and request count.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BUILD=1
DURATION=30
CLIENTS=50
STARTS=3
IDLE=30
WARMUP=15
BENCH_DIR="${CHEMPARK_BENCH_DIR:-/tmp/chempark-bench}"
HTTP_PORT="${CHEMPARK_BENCH_HTTP_PORT:-18181}"
HTTPS_PORT="${CHEMPARK_BENCH_HTTPS_PORT:-18443}"   # bin/setenv enables HTTPS on the first start
SSH_PORT="${CHEMPARK_BENCH_SSH_PORT:-18101}"
RMI_REG_PORT="${CHEMPARK_BENCH_RMI_REGISTRY_PORT:-11099}"
RMI_SRV_PORT="${CHEMPARK_BENCH_RMI_SERVER_PORT:-14444}"

while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --duration) DURATION="$2"; shift ;;
    --clients)  CLIENTS="$2"; shift ;;
    --starts)   STARTS="$2"; shift ;;
    --idle)     IDLE="$2"; shift ;;
    -h|--help)  sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

case "$BENCH_DIR" in /tmp/?*|"$ROOT"/bench/results/tmp/?*) ;; *) echo "CHEMPARK_BENCH_DIR must be under /tmp or bench/results/tmp (it is deleted)" >&2; exit 2 ;; esac

TMP="$ROOT/bench/results/tmp"            # logs (git-ignored)
mkdir -p "$TMP" "$ROOT/bench/results"
BASE="http://127.0.0.1:$HTTP_PORT"
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

if [ -z "${JAVA_HOME:-}" ]; then
  j="$(readlink -f "$(command -v java)")"; export JAVA_HOME="${j%/bin/java}"
fi

now_ms() { date +%s%3N; }

set_prop() { # file key value
  if grep -qE "^[[:space:]]*$2[[:space:]]*=" "$1"; then
    sed -i -E "s|^[[:space:]]*$2[[:space:]]*=.*$|$2 = $3|" "$1"
  else
    printf '%s = %s\n' "$2" "$3" >> "$1"
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---------------------------------------------------------------------------------------
# the instance under test

jvm_pid() {
  local pid
  pid="$( { tr -dc 0-9 < "$BENCH_DIR/karaf.pid"; } 2>/dev/null || true)"
  [ -n "$pid" ] && tr '\0' '\n' 2>/dev/null < "/proc/$pid/cmdline" | grep -Fxq -- "-Dkaraf.base=$BENCH_DIR" && echo "$pid"
  return 0
}

pg_pid() {
  local f="$BENCH_DIR/data/postgresql/postmaster.pid" pid
  [ -f "$f" ] || return 0
  pid="$(head -n 1 "$f" | tr -dc '0-9')"
  [ -n "$pid" ] && tr '\0' '\n' 2>/dev/null < "/proc/$pid/cmdline" | grep -Fxq -- "$BENCH_DIR/data/postgresql" && echo "$pid"
  return 0
}

wait_gone() { local i=0; while kill -0 "$1" 2>/dev/null; do [ $i -ge $(( $2 * 10 )) ] && return 1; sleep 0.1; i=$((i+1)); done; }

stop_instance() {
  [ -d "$BENCH_DIR" ] || return 0
  local pid pg
  pid="$(jvm_pid)"; pg="$(pg_pid)"
  if [ -n "$pid" ]; then
    ( cd "$BENCH_DIR" && bin/stop >/dev/null 2>&1 ) || true
    wait_gone "$pid" 60 || { kill -TERM "$pid" 2>/dev/null || true; wait_gone "$pid" 20 || kill -KILL "$pid" 2>/dev/null || true; }
  fi
  [ -n "$pg" ] || pg="$(pg_pid)"
  if [ -n "$pg" ]; then
    wait_gone "$pg" 10 || { kill -INT "$pg" 2>/dev/null || true; wait_gone "$pg" 30 || kill -KILL "$pg" 2>/dev/null || true; }
  fi
  return 0
}
trap 'stop_instance' EXIT

fresh_copy() {
  stop_instance
  rm -rf "$BENCH_DIR"; mkdir -p "$BENCH_DIR"
  tar xzf "$TARBALL" -C "$BENCH_DIR" --strip-components=1
  set_prop "$BENCH_DIR/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$HTTP_PORT"
  set_prop "$BENCH_DIR/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port.secure "$HTTPS_PORT"
  set_prop "$BENCH_DIR/etc/org.apache.karaf.shell.cfg" sshPort "$SSH_PORT"
  set_prop "$BENCH_DIR/etc/org.apache.karaf.management.cfg" rmiRegistryPort "$RMI_REG_PORT"
  set_prop "$BENCH_DIR/etc/org.apache.karaf.management.cfg" rmiServerPort "$RMI_SRV_PORT"
}

start_instance() {
  (
    for fd in $(ls "/proc/$BASHPID/fd"); do [ "$fd" -gt 2 ] && eval "exec $fd>&-" 2>/dev/null || true; done
    cd "$BENCH_DIR"; exec setsid nohup bin/karaf server
  ) > "$TMP/karaf.out" 2>&1 < /dev/null &
  disown 2>/dev/null || true
}

ready() { # health UP and components contain core.database
  local j; j="$(curl -fsS --max-time 2 "$BASE/api/v1/health" 2>/dev/null || true)"
  [ -n "$j" ] || return 2
  printf '%s' "$j" | grep -o '"status":"[A-Z_]*"' | head -n 1 | grep -q '"UP"' && printf '%s' "$j" | grep -q '"core\.database":{'
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print ""; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

rss_kb()  { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
pss_kb()  { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
mb()      { awk -v k="$1" 'BEGIN {printf "%.0f", k/1024}'; }

result_value() { # "RESULT k=v ..." key
  printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p" | head -n 1
}

# ---------------------------------------------------------------------------------------

DATE="$(date +%F)"
LOADAVG="$(cut -d' ' -f1-3 /proc/loadavg)"
OUT="$ROOT/bench/results/$DATE.md"
n=2; while [ -e "$OUT" ]; do OUT="$ROOT/bench/results/$DATE-$n.md"; n=$((n+1)); done

for p in "$HTTP_PORT" "$SSH_PORT" "$RMI_REG_PORT" "$RMI_SRV_PORT"; do
  if port_in_use "$p" && [ -z "$(jvm_pid)" ]; then
    echo "bench/run.sh: port $p is in use by something else; set CHEMPARK_BENCH_*_PORT" >&2; exit 1
  fi
done

# 1. build --------------------------------------------------------------------------------
BUILD_S="skipped (--no-build)"
BUILD_NOTE=""
if [ "$BUILD" = 1 ]; then
  log "build: mvn -B -o install -DskipTests (log: bench/results/tmp/build.log)"
  t0="$(now_ms)"
  if mvn -B -o install -DskipTests > "$TMP/build.log" 2>&1; then
    BUILD_S="$(awk -v d=$(( $(now_ms) - t0 )) 'BEGIN {printf "%.1f", d/1000}')"
  else
    mv "$TMP/build.log" "$TMP/build-offline.log"
    log "offline build failed; retrying online (see build-offline.log and build.log)"
    BUILD_NOTE=" (offline build failed, this is the online retry)"
    t0="$(now_ms)"
    mvn -B install -DskipTests > "$TMP/build.log" 2>&1 || { tail -n 40 "$TMP/build.log"; echo "build failed" >&2; exit 1; }
    BUILD_S="$(awk -v d=$(( $(now_ms) - t0 )) 'BEGIN {printf "%.1f", d/1000}')"
  fi
  log "build: ${BUILD_S}s"
fi
TARBALL="$(ls -t "$ROOT"/karaf-assembly/target/chempark-distribution-*.tar.gz 2>/dev/null | head -n 1 || true)"
[ -n "$TARBALL" ] || { echo "no distribution tarball; run without --no-build" >&2; exit 1; }

# 2. cold starts ---------------------------------------------------------------------------
STARTS_MS=()
HTTP_MS=()
for i in $(seq 1 "$STARTS"); do
  fresh_copy
  log "cold start $i/$STARTS (fresh copy and data in $BENCH_DIR)"
  t0="$(now_ms)"
  start_instance
  first_http=""
  while :; do
    rc=0; ready || rc=$?
    [ "$rc" -eq 0 ] && break
    [ "$rc" -ne 2 ] && [ -z "$first_http" ] && first_http=$(( $(now_ms) - t0 ))
    if [ $(( $(now_ms) - t0 )) -gt 180000 ]; then
      echo "not ready after 180 s; last log lines:" >&2
      tail -n 40 "$BENCH_DIR/data/log/karaf.log" >&2 || true
      exit 1
    fi
    sleep 0.1
  done
  ms=$(( $(now_ms) - t0 ))
  [ -n "$first_http" ] || first_http=$ms
  STARTS_MS+=("$ms"); HTTP_MS+=("$first_http")
  log "  ready in ${ms} ms (HTTP answered after ${first_http} ms)"
  [ "$i" -lt "$STARTS" ] && stop_instance
done
START_MEDIAN="$(printf '%s\n' "${STARTS_MS[@]}" | median)"
HTTP_MEDIAN="$(printf '%s\n' "${HTTP_MS[@]}" | median)"

# 3. idle memory ---------------------------------------------------------------------------
log "idle ${IDLE}s, then memory"
sleep "$IDLE"
JVM="$(jvm_pid)"
PG="$(pg_pid)"
JVM_RSS="$(rss_kb "$JVM")"
PG_PIDS="$(printf '%s\n' "$PG" $(pgrep -P "$PG" 2>/dev/null || true) | grep . || true)"
PG_COUNT="$(printf '%s\n' "$PG_PIDS" | grep -c . || true)"
PG_RSS_SUM=0; PG_PSS_SUM=0
for p in $PG_PIDS; do
  PG_RSS_SUM=$(( PG_RSS_SUM + $(rss_kb "$p") )); PG_PSS_SUM=$(( PG_PSS_SUM + $(pss_kb "$p") ))
done
PG_MAIN_RSS="$(rss_kb "$PG")"
JVM_PSS="$(pss_kb "$JVM")"
log "  JVM RSS $(mb "$JVM_RSS") MB; postgres: $PG_COUNT processes, PSS $(mb "$PG_PSS_SUM") MB (RSS sum $(mb "$PG_RSS_SUM") MB)"

# 4. load ------------------------------------------------------------------------------------
# Since the security module, /api/v1 needs a bearer token (health is public). Log in as the
# platform's first user admin, change its one-time password as the platform demands, log in again.
AUTH=()
AUTH_NOTE="requests without authentication (the platform did not ask for any)"
json_field() { grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | cut -d'"' -f4; }
# modules register their resources a moment after health is UP: wait for a definite answer
for _ in $(seq 1 60); do
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/api/v1/modules/core" || true)"
  case "$code" in 200|401|403) break ;; esac
  sleep 0.5
done
if [ "$code" = 401 ] || [ "$code" = 403 ]; then
  PWF="$BENCH_DIR/data/security/initial-admin-password"
  [ -f "$PWF" ] || { echo "the API wants a token but $PWF is missing" >&2; exit 1; }
  P0="$(tr -d '[:space:]' < "$PWF")"
  T0="$(curl -s -X POST -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$P0\"}" "$BASE/api/v1/auth/login" | json_field accessToken)"
  [ -n "$T0" ] || { echo "login as admin failed" >&2; exit 1; }
  P1="Bench-$(LC_ALL=C tr -dc 'A-Za-z0-9' < /dev/urandom | head -c 16 || true)-9x"
  curl -s -o /dev/null -X POST -H "Authorization: Bearer $T0" -H 'Content-Type: application/json' \
       -d "{\"currentPassword\":\"$P0\",\"newPassword\":\"$P1\"}" "$BASE/api/v1/auth/password"
  TOKEN="$(curl -s -X POST -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$P1\"}" "$BASE/api/v1/auth/login" | json_field accessToken)"
  [ -n "$TOKEN" ] || { echo "login with the changed password failed" >&2; exit 1; }
  AUTH=(-H "Authorization: Bearer $TOKEN")
  AUTH_NOTE="every request carries the bearer token of the platform user admin (role park-admin), so token checking and permission checks are included"
  log "logged in as admin (bearer token)"
fi
acurl() { curl "${AUTH[@]+"${AUTH[@]}"}" "$@"; }
loadgen() {
  local h=()
  [ -z "${TOKEN:-}" ] || h=(--header "Authorization: Bearer $TOKEN")
  java "$ROOT/bench/LoadGen.java" --clients "$CLIENTS" --duration "$DURATION" --warmup "$WARMUP" "${h[@]+"${h[@]}"}" "$@" 2>&1 | tee -a "$TMP/loadgen.log" | tail -n 2
}
: > "$TMP/loadgen.log"

log "read: GET /api/v1/modules/core, $CLIENTS clients, ${WARMUP}s warm-up + ${DURATION}s"
R_CORE="$(loadgen --url "$BASE/api/v1/modules/core" | grep '^RESULT' || true)"
log "  $R_CORE"

R_ENT=""; ENT_NOTE=""
ent_list="$(acurl -s --max-time 5 -w '\n%{http_code}' "$BASE/api/v1/asset/enterprises?size=1" || true)"
if [ "$(printf '%s' "$ent_list" | tail -n 1)" = 200 ]; then
  ENT_ID="$(printf '%s' "$ent_list" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2 || true)"
  if [ -n "$ENT_ID" ] && [ "$(acurl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/asset/enterprises/$ENT_ID")" = 200 ]; then
    log "read: GET /api/v1/asset/enterprises/$ENT_ID"
    R_ENT="$(loadgen --url "$BASE/api/v1/asset/enterprises/$ENT_ID" | grep '^RESULT' || true)"
    log "  $R_ENT"
    # the same read driven by wrk (C, epoll): it takes much less of the 2 shared cores than
    # the JVM load generator, so the server's own latency shows more clearly
    if ! command -v wrk >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null 2>&1 || true
    fi
    if command -v wrk >/dev/null 2>&1; then
      log "read (wrk): GET /api/v1/asset/enterprises/$ENT_ID, $CLIENTS connections, ${DURATION}s"
      R_WRK="$(wrk -t2 -c"$CLIENTS" -d"${DURATION}s" --timeout 5s "${AUTH[@]+"${AUTH[@]}"}" -s "$ROOT/bench/wrk-percentiles.lua" \
        "$BASE/api/v1/asset/enterprises/$ENT_ID" | grep '^WRK' | sed 's/^WRK/RESULT mode=get-wrk/' || true)"
      log "  $R_WRK"
    fi
  else
    ENT_NOTE="skipped: GET /api/v1/asset/enterprises answered but has no enterprise to read"
  fi
else
  ENT_NOTE="skipped: GET /api/v1/asset/enterprises answered $(printf '%s' "$ent_list" | tail -n 1) (not there: the asset feature is not installed?)"
fi

R_W=""; W_NOTE=""
if [ "$(acurl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/api/v1/asset/chemicals?size=1")" = 200 ]; then
  log "write: POST then DELETE /api/v1/asset/chemicals"
  BODY='{"cas":"{{cas}}","nameZh":"基准测试物质 {{n}}","nameEn":"Benchmark substance {{n}}","unNumber":"1170","hazardCategory":"W5.3","criticalQuantityT":500.0,"keySupervised":false}'
  R_W="$(loadgen --mode post-delete --url "$BASE/api/v1/asset/chemicals" --body "$BODY" | grep '^RESULT' || true)"
  log "  $R_W"
else
  W_NOTE="skipped: /api/v1/asset/chemicals is not there (the asset feature is not installed)"
fi
JVM_RSS_AFTER="$(rss_kb "$JVM")"

stop_instance

# 5. report ------------------------------------------------------------------------------------
verdict() { awk -v v="$1" -v g="$2" 'BEGIN { if (v == "") print "n/a"; else if (v+0 < g+0) print "met"; else print "NOT met" }'; }
ratio()   { awk -v v="$1" -v g="$2" 'BEGIN { if (v == "" || g == 0) print "n/a"; else printf "%.2f", v/g }'; }

START_S="$(awk -v m="$START_MEDIAN" 'BEGIN {printf "%.1f", m/1000}')"
JVM_MB="$(mb "$JVM_RSS")"
IDLE_TOTAL_MB="$(mb $(( JVM_RSS + PG_PSS_SUM )))"
CORE_P95="$(result_value "$R_CORE" p95_ms)"
ENT_P95="$(result_value "$R_ENT" p95_ms)"
WRK_P95="$(result_value "${R_WRK:-}" p95_ms)"
MAIN_P95="${ENT_P95:-$CORE_P95}"
MAIN_WHAT="GET /api/v1/asset/enterprises/{id}"; [ -n "$ENT_P95" ] || MAIN_WHAT="GET /api/v1/modules/core"

readrow() { # label result
  if [ -z "$2" ]; then return 0; fi
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$(result_value "$2" rps)" "$(result_value "$2" p50_ms)" \
    "$(result_value "$2" p95_ms)" "$(result_value "$2" p99_ms)" "$(result_value "$2" requests)" "$(result_value "$2" errors)"
}

COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo '?')"
DIRTY="$(git status --porcelain 2>/dev/null | grep -qv '^??' && echo ' + uncommitted changes' || true)"
CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"

{
  echo "# Benchmark $(date '+%F %H:%M %Z')"
  echo
  echo "Commit \`$COMMIT\`$DIRTY. Machine: $(nproc) cores ($CPU), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr)."
  echo "$(java -version 2>&1 | head -n 1); $(mvn -v 2>/dev/null | head -n 1 | sed -e 's/\x1b\[[0-9;]*m//g' -e 's/ (.*//')."
  echo "Load generator bench/LoadGen.java on the same machine (it shares the 2 cores with the server). Load average (1/5/15 min) when the run began: $LOADAVG; when it ended: $(cut -d' ' -f1-3 /proc/loadavg)."
  awk -v l="${LOADAVG%% *}" -v n="$(nproc)" 'BEGIN { if (l+0 > n+0) print "**The machine was busy with other work (load average above the core count): treat the timings as upper bounds.**" }' 
  echo "Method: docs/benchmarks.md. Command: \`bench/run.sh$( [ "$BUILD" = 1 ] || echo ' --no-build') --clients $CLIENTS --duration $DURATION --starts $STARTS\`."
  echo
  echo "## Goals"
  echo
  echo "| goal | measured | ratio to goal | |"
  echo "|---|---|---|---|"
  echo "| cold start to ready < 20 s | ${START_S} s (median of $STARTS) | $(ratio "$START_MEDIAN" 20000) | $(verdict "$START_MEDIAN" 20000) |"
  echo "| idle RSS < 700 MB | JVM ${JVM_MB} MB; JVM + embedded PostgreSQL (PSS) ${IDLE_TOTAL_MB} MB | $(ratio "$JVM_MB" 700) (JVM), $(ratio "$IDLE_TOTAL_MB" 700) (both) | $(verdict "$JVM_MB" 700) (JVM), $(verdict "$IDLE_TOTAL_MB" 700) (both) |"
  echo "| p95 < 50 ms single-record read, $CLIENTS clients (JVM load generator) | ${MAIN_P95} ms ($MAIN_WHAT) | $(ratio "$MAIN_P95" 50) | $(verdict "$MAIN_P95" 50) |"
  if [ -n "$WRK_P95" ]; then
    echo "| p95 < 50 ms single-record read, $CLIENTS connections (wrk) | ${WRK_P95} ms ($MAIN_WHAT) | $(ratio "$WRK_P95" 50) | $(verdict "$WRK_P95" 50) |"
  fi
  echo
  echo "## Build"
  echo
  echo "\`mvn -B -o install -DskipTests\` over the whole reactor (no clean, local repository warm): ${BUILD_S}$( [ "$BUILD" = 1 ] && echo ' s')${BUILD_NOTE}."
  echo
  echo "## Cold start (process start → /api/v1/health UP with core.database)"
  echo
  echo "Each start from a freshly unpacked distribution with an empty data folder (so the embedded PostgreSQL runs initdb each time)."
  echo
  echo "| start | ready (ms) | HTTP first answered (ms) |"
  echo "|---|---|---|"
  for i in "${!STARTS_MS[@]}"; do echo "| $((i+1)) | ${STARTS_MS[$i]} | ${HTTP_MS[$i]} |"; done
  echo "| **median** | **${START_MEDIAN}** | ${HTTP_MEDIAN} |"
  echo
  echo "## Memory, idle ${IDLE} s after ready"
  echo
  echo "| process | RSS (MB) | PSS (MB) |"
  echo "|---|---|---|"
  echo "| Karaf JVM | ${JVM_MB} | $(mb "$JVM_PSS") |"
  echo "| embedded PostgreSQL, $PG_COUNT processes | $(mb "$PG_RSS_SUM") (sum; postmaster alone $(mb "$PG_MAIN_RSS")) | $(mb "$PG_PSS_SUM") |"
  echo
  echo "RSS of the PostgreSQL processes double-counts their shared memory; PSS does not. JVM RSS after the load phases: $(mb "$JVM_RSS_AFTER") MB."
  echo
  echo "## REST, $CLIENTS concurrent clients, ${WARMUP} s warm-up then ${DURATION} s measured (closed loop, HTTP/1.1 keep-alive)"
  echo
  echo "| request | req/s | p50 ms | p95 ms | p99 ms | requests | errors |"
  echo "|---|---|---|---|---|---|---|"
  readrow "GET /api/v1/modules/core" "$R_CORE"
  readrow "GET /api/v1/asset/enterprises/${ENT_ID:-}" "$R_ENT"
  readrow "GET /api/v1/asset/enterprises/${ENT_ID:-} (wrk)" "${R_WRK:-}"
  if [ -n "$R_W" ]; then
    echo "| POST /api/v1/asset/chemicals | $(result_value "$R_W" post_rps) | $(result_value "$R_W" post_p50_ms) | $(result_value "$R_W" post_p95_ms) | $(result_value "$R_W" post_p99_ms) | $(result_value "$R_W" post_requests) | $(result_value "$R_W" errors) (POST+DELETE) |"
    echo "| DELETE /api/v1/asset/chemicals/{id} | $(result_value "$R_W" delete_rps) | $(result_value "$R_W" delete_p50_ms) | $(result_value "$R_W" delete_p95_ms) | $(result_value "$R_W" delete_p99_ms) | $(result_value "$R_W" delete_requests) | |"
  fi
  echo
  echo "- $AUTH_NOTE."
  [ -z "$ENT_NOTE" ] || echo "- enterprise read: $ENT_NOTE"
  [ -z "$W_NOTE" ] || echo "- write: $W_NOTE"
  [ -z "$R_W" ] || echo "- write: each client POSTs a new chemical (unique CAS number), then DELETEs it; write pairs/s: $(result_value "$R_W" pairs_per_s)."
} > "$OUT"

log "results: ${OUT#$ROOT/}"
cat "$OUT"
