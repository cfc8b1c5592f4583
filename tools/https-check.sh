#!/usr/bin/env bash
# End-to-end check of the first-start HTTPS setup, the way a park installs the tar.gz:
# unpacks the distribution into a scratch folder, starts bin/karaf (whose bin/setenv generates the
# keystore), and checks that https answers with exactly the generated certificate, sends HSTS, and
# that the keystore and its password file are owner-only. Exit status 0 = all checks passed.
#
#   tools/https-check.sh [distribution.tar.gz]
#   env: CHECK_DIR (default /tmp/chempark-https-check), CHECK_HTTP_PORT (8981), CHECK_SSH_PORT (8982),
#        CHECK_RMI_REGISTRY_PORT (8983), CHECK_RMI_SERVER_PORT (8984), CHECK_HTTPS_PORT (8985)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TB="${1:-$(ls -t "$ROOT"/karaf-assembly/target/chempark-distribution-*.tar.gz 2>/dev/null | head -1)}"
[ -f "$TB" ] || { echo "no distribution tar.gz (build karaf-assembly first)" >&2; exit 2; }
DIR="${CHECK_DIR:-/tmp/chempark-https-check}"
case "$DIR" in /tmp/?*) ;; *) echo "CHECK_DIR must be under /tmp (it is deleted)" >&2; exit 2 ;; esac
HTTP="${CHECK_HTTP_PORT:-8981}"; SSH="${CHECK_SSH_PORT:-8982}"; REG="${CHECK_RMI_REGISTRY_PORT:-8983}"
SRV="${CHECK_RMI_SERVER_PORT:-8984}"; HTTPS="${CHECK_HTTPS_PORT:-8985}"
FAILED=0
ok()   { printf 'PASS %s\n' "$*"; }
fail() { printf 'FAIL %s\n' "$*"; FAILED=1; }
set_prop() { sed -i -E "s|^[[:space:]]*$2[[:space:]]*=.*$|$2 = $3|" "$1"; grep -qE "^$2 = " "$1" || printf '%s = %s\n' "$2" "$3" >> "$1"; }

rm -rf "$DIR"; mkdir -p "$DIR"
tar xzf "$TB" -C "$DIR" --strip-components=1
set_prop "$DIR/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$HTTP"
set_prop "$DIR/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port.secure "$HTTPS"
set_prop "$DIR/etc/org.apache.karaf.shell.cfg" sshPort "$SSH"
set_prop "$DIR/etc/org.apache.karaf.management.cfg" rmiRegistryPort "$REG"
set_prop "$DIR/etc/org.apache.karaf.management.cfg" rmiServerPort "$SRV"
[ ! -e "$DIR/etc/chempark-https.p12" ] && ok "no keystore in the tar.gz (each installation gets its own)" || fail "a keystore ships in the tar.gz"

( cd "$DIR" && exec setsid nohup bin/karaf server > "$DIR/karaf.out" 2>&1 < /dev/null ) &
PID=$!
cleanup() {
  ( cd "$DIR" && bin/stop >/dev/null 2>&1 ) || true
  for _ in $(seq 1 30); do kill -0 "$PID" 2>/dev/null || break; sleep 1; done
  kill "$PID" 2>/dev/null || true
  sleep 2
  # the embedded PostgreSQL started by this Karaf, found by its data directory under $DIR
  for p in $(pgrep -f "$DIR/" 2>/dev/null || true); do kill "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

up=0
for _ in $(seq 1 240); do
  if curl -ksf --max-time 3 "https://127.0.0.1:$HTTPS/api/v1/health" >/dev/null 2>&1; then up=1; break; fi
  kill -0 "$PID" 2>/dev/null || break
  sleep 1
done
[ "$up" = 1 ] && ok "https://127.0.0.1:$HTTPS answers" || { fail "https did not answer; last lines of karaf.out:"; tail -20 "$DIR/karaf.out"; exit 1; }
# /health answers before the security module is up; wait until the API is secured (401, not 503)
for _ in $(seq 1 240); do
  [ "$(curl -ks -o /dev/null -w '%{http_code}' --max-time 3 "https://127.0.0.1:$HTTPS/api/v1/auth/me")" = 401 ] && break
  sleep 1
done

KS="$DIR/etc/chempark-https.p12"; PW="$DIR/etc/chempark-https.password"
[ "$(stat -c %a "$KS")" = 600 ] && ok "keystore mode 600" || fail "keystore mode $(stat -c %a "$KS")"
[ "$(stat -c %a "$PW")" = 600 ] && ok "password file mode 600" || fail "password file mode $(stat -c %a "$PW")"
grep -qE '^org\.osgi\.service\.http\.secure\.enabled = true' "$DIR/etc/org.ops4j.pax.web.cfg" && ok "HTTPS connector enabled in etc/org.ops4j.pax.web.cfg" \
  || fail "secure.enabled not true"
keytool -exportcert -rfc -alias chempark -keystore "$KS" -storetype PKCS12 -storepass:file "$PW" > "$DIR/cert.pem" 2>/dev/null
want="$(openssl x509 -in "$DIR/cert.pem" -noout -fingerprint -sha256)"
got="$(openssl s_client -connect "127.0.0.1:$HTTPS" -servername localhost < /dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha256)"
[ -n "$want" ] && [ "$want" = "$got" ] && ok "served certificate = generated one ($want)" || fail "served '$got', generated '$want'"
code="$(curl -s -o /dev/null -w '%{http_code}' --cacert "$DIR/cert.pem" "https://localhost:$HTTPS/api/v1/health")"
[ "$code" = 200 ] && ok "curl verifies https://localhost with the generated certificate as the only CA (200)" || fail "verified request answered $code"
hsts="$(curl -s -D - -o /dev/null --cacert "$DIR/cert.pem" "https://localhost:$HTTPS/api/v1/health" | tr -d '\r' | grep -i '^strict-transport-security:' || true)"
[ -n "$hsts" ] && ok "HSTS over https: $hsts" || fail "no Strict-Transport-Security header over https"
plain="$(curl -s -D - -o /dev/null "http://127.0.0.1:$HTTP/api/v1/health" | tr -d '\r' | grep -i '^strict-transport-security:' || true)"
[ -z "$plain" ] && ok "no HSTS over plain http (browsers ignore it there)" || fail "HSTS sent over http"
# a second start keeps the keystore
before="$(sha256sum "$KS")"
( . "$DIR/bin/chempark-https"; chempark_https_init "$DIR/etc" )
[ "$before" = "$(sha256sum "$KS")" ] && ok "the keystore is kept on later starts" || fail "the keystore was regenerated"
exit "$FAILED"
