# Sourced by benchmarks and system tests that need a running platform of their own.
#
#   . bench/lib/instance.sh
#   instance_start DIR HTTP_PORT [simulator on|off]   # ./chempark run in DIR (deleted first, must be under /tmp)
#   instance_login                                    # sets $T (admin token, password changed from the initial one)
#   instance_api GET /telemetry/status                # curl with the token against $B
#   instance_stop
#
# Ports: HTTP as given, SSH +1, RMI +2/+3, HTTPS +4, MQTT +5 (kept in $MQTT_PORT), simulated devices +6000…+6027. Needs curl and jq.
# Uses the built distribution; ./chempark rebuilds it first when sources changed.

instance_start() {
  I_DIR="$1"; I_HTTP="$2"; I_SIM="${3:-off}"
  case "$I_DIR" in /tmp/?*) ;; *) echo "instance folder must be under /tmp (it is deleted): $I_DIR" >&2; return 2 ;; esac
  command -v jq >/dev/null || { echo "jq is needed (apt-get install jq)" >&2; return 2; }
  MQTT_PORT=$((I_HTTP + 5))
  B="http://127.0.0.1:$I_HTTP/api/v1"
  rm -rf "$I_DIR"; mkdir -p "$I_DIR"
  instance_env ./chempark run > "$I_DIR/run.log" 2>&1 || { cat "$I_DIR/run.log" >&2; return 1; }
}

instance_restart() { instance_env ./chempark run >> "$I_DIR/run.log" 2>&1 || { tail -40 "$I_DIR/run.log" >&2; return 1; }; }

instance_stop() { [ -n "${I_DIR:-}" ] && instance_env ./chempark stop >/dev/null 2>&1 || true; }

instance_env() {
  CHEMPARK_RUN_DIR="$I_DIR" CHEMPARK_HTTP_PORT="$I_HTTP" CHEMPARK_SSH_PORT=$((I_HTTP + 1)) \
    CHEMPARK_RMI_REGISTRY_PORT=$((I_HTTP + 2)) CHEMPARK_RMI_SERVER_PORT=$((I_HTTP + 3)) \
    CHEMPARK_HTTPS_PORT=$((I_HTTP + 4)) CHEMPARK_MQTT_PORT="$MQTT_PORT" CHEMPARK_SIMULATOR_PORT=$((I_HTTP + 6000)) \
    CHEMPARK_SIMULATOR="${I_SIM:-off}" CHEMPARK_START_TIMEOUT="${CHEMPARK_START_TIMEOUT:-600}" "$@"
}

# pid of the platform JVM
instance_pid() { pgrep -f -- "-Dkaraf.base=$I_DIR/chempark( |$)" | head -1; }

# pid of its embedded postmaster
instance_pg_pid() { head -1 "$I_DIR/chempark/data/postgresql/postmaster.pid" 2>/dev/null | tr -dc '0-9'; }

instance_login() {
  local pwfile="$I_DIR/chempark/data/security/initial-admin-password" newpw
  for _ in $(seq 1 120); do [ -s "$pwfile" ] && curl -sf "$B/health" >/dev/null && break; sleep 1; done
  newpw="Bench-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')-9a"
  T=""
  for _ in $(seq 1 60); do T="$(instance_token admin "$(cat "$pwfile")")"; [ -n "$T" ] && [ "$T" != null ] && break; sleep 2; done
  curl -sf -X POST -H "Authorization: Bearer $T" -H 'Content-Type: application/json' \
    -d "{\"currentPassword\":\"$(cat "$pwfile")\",\"newPassword\":\"$newpw\"}" "$B/auth/password" >/dev/null
  T="$(instance_token admin "$newpw")"
  printf '%s' "$newpw" > "$I_DIR/admin-password"
}

# re-login after a restart (the password set by instance_login)
instance_relogin() {
  T=""
  for _ in $(seq 1 120); do T="$(instance_token admin "$(cat "$I_DIR/admin-password")")"; [ -n "$T" ] && [ "$T" != null ] && return 0; sleep 1; done
  return 1
}

instance_token() {
  curl -s -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" "$B/auth/login" | jq -r .accessToken
}

instance_api() { # METHOD PATH [JSON body]
  if [ $# -ge 3 ]; then
    curl -s -X "$1" -H "Authorization: Bearer $T" -H 'Content-Type: application/json' -d "$3" "$B$2"
  else
    curl -s -X "$1" -H "Authorization: Bearer $T" "$B$2"
  fi
}

# classpath with Paho and the PostgreSQL driver for the Java single-file tools in bench/ and itests/
instance_tool_cp() {
  local m2="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
  local mvn=(mvn -q -o -B)
  [ -n "${MAVEN_REPO_LOCAL:-}" ] && mvn+=("-Dmaven.repo.local=$MAVEN_REPO_LOCAL")
  "${mvn[@]}" -f bundles/org.chempark.bridge.mqtt/pom.xml dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$I_DIR/cp.txt" >/dev/null
  printf '%s:%s' "$(cat "$I_DIR/cp.txt")" "$(ls "$m2"/org/postgresql/postgresql/42.7.3/postgresql-42.7.3.jar)"
}

# JDBC URL of the instance's embedded PostgreSQL
instance_jdbc() {
  local port; port="$(sed -n 's/^embedded\.port *= *//p' "$I_DIR/chempark/etc/org.chempark.db.cfg")"
  printf 'jdbc:postgresql://127.0.0.1:%s/chempark?user=postgres' "$port"
}
