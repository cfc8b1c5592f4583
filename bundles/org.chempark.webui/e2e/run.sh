#!/usr/bin/env bash
# End-to-end test of the web UI in headless Chromium against a running ChemPark distribution.
#   bundles/org.chempark.webui/e2e/run.sh [BASE_URL]        (default http://localhost:8181)
# Env: SCREENSHOTS=dir  also writes 1920x1080 screenshots of the key pages there.
#      CHROMIUM=/path   browser binary (default /usr/bin/chromium)
set -euo pipefail
BASE_URL="${1:-${BASE_URL:-http://localhost:8181}}"
HERE="$(cd "$(dirname "$0")" && pwd)"
UI="$HERE/../ui"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

# Debian's Chromium and a CJK font (the CI runs as root); never a downloaded browser.
if [ ! -x "$CHROMIUM" ] || ! fc-list 2>/dev/null | grep -qi 'wenquanyi\|wqy'; then
  "$HERE/install-browser.sh"
fi

# playwright-core comes from the UI's lockfile.
if [ ! -d "$UI/node_modules/playwright-core" ]; then
  (cd "$UI" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

# Wait (up to 60 s) until the platform answers and the UI is served.
for i in $(seq 1 60); do
  if curl -fsS -o /dev/null "$BASE_URL/api/v1/health" && curl -fsS -o /dev/null "$BASE_URL/"; then break; fi
  if [ "$i" = 60 ]; then echo "e2e: $BASE_URL does not answer /api/v1/health and / " >&2; exit 1; fi
  sleep 1
done

cd "$UI"
exec timeout 150 node "$HERE/webui.e2e.mjs" "$BASE_URL"
