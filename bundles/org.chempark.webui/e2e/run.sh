#!/usr/bin/env bash
# End-to-end test of the web UI in headless Chromium against a running ChemPark distribution.
#   bundles/org.chempark.webui/e2e/run.sh [BASE_URL]        (default http://localhost:8181)
# Env: E2E_USER=name            the account to log in with (default admin)
#      E2E_PASSWORD=secret       its password, or
#      E2E_PASSWORD_FILE=path    a file holding it (read when E2E_PASSWORD is not set).
#        If the login answers mustChangePassword (the first login of admin with the initial
#        password), the test changes the password THROUGH THE UI to a generated strong one and
#        writes it to E2E_PASSWORD_FILE (mode 0600, replacing the old content), so later runs
#        log in with it. Without E2E_PASSWORD_FILE it goes to e2e/out/password-<host>-<port>
#        (git-ignored) and the path is printed — the password is never printed.
#        First run against a fresh distribution:
#          cp "$KARAF/data/security/initial-admin-password" ~/.chempark-e2e-password
#          E2E_PASSWORD_FILE=~/.chempark-e2e-password run.sh http://localhost:8181
#        (not the initial-admin-password file itself: the platform deletes it after the change).
#      SCREENSHOTS=dir           also writes 1920x1080 screenshots of the key pages there.
#      CHROMIUM=/path            browser binary (default /usr/bin/chromium)
#      E2E_CONSOLE_AUTH=user:pw  also installs/uninstalls chempark-example via the web console.
# The whole run stays under 2 minutes (the test itself is stopped after 150 s).
set -euo pipefail
BASE_URL="${1:-${BASE_URL:-http://localhost:8181}}"
HERE="$(cd "$(dirname "$0")" && pwd)"
UI="$HERE/../ui"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

export E2E_USER="${E2E_USER:-admin}"
if [ -z "${E2E_PASSWORD:-}" ] && { [ -z "${E2E_PASSWORD_FILE:-}" ] || [ ! -s "${E2E_PASSWORD_FILE}" ]; }; then
  echo "e2e: set E2E_PASSWORD, or E2E_PASSWORD_FILE to a file holding the password of $E2E_USER" >&2
  echo "     (first run: a copy of \$KARAF/data/security/initial-admin-password; see the header of $0)" >&2
  exit 2
fi

# Debian's Chromium and a CJK font (the CI runs as root); never a downloaded browser.
if [ ! -x "$CHROMIUM" ] || ! fc-list 2>/dev/null | grep -qi 'wenquanyi\|wqy'; then
  "$HERE/install-browser.sh"
fi

# playwright-core comes from the UI's lockfile.
if [ ! -d "$UI/node_modules/playwright-core" ]; then
  (cd "$UI" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

# Wait (up to 30 s) until the platform answers and the UI is served.
for i in $(seq 1 30); do
  if curl -fsS -o /dev/null "$BASE_URL/api/v1/health" && curl -fsS -o /dev/null "$BASE_URL/"; then break; fi
  if [ "$i" = 30 ]; then echo "e2e: $BASE_URL does not answer /api/v1/health and / " >&2; exit 1; fi
  sleep 1
done

# SCREENSHOTS relative to where run.sh was started, not to ui/ (where node runs).
if [ -n "${SCREENSHOTS:-}" ]; then mkdir -p "$SCREENSHOTS"; export SCREENSHOTS="$(cd "$SCREENSHOTS" && pwd)"; fi

cd "$UI"
exec timeout 150 node "$HERE/webui.e2e.mjs" "$BASE_URL"
