#!/usr/bin/env bash
# Web UI initial load (issue 6 target: < 2 s on localhost, first-page JS < 1 MB compressed), against a running platform.
#   bench/webui/run.sh [BASE_URL] [RUNS]     (default http://localhost:8181, 15 runs + 1 warm-up)
# Appends the Markdown table to bench/results/<date>-webui.md. Needs Debian chromium (the UI e2e installs it).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BASE="${1:-http://localhost:8181}"
RUNS="${2:-15}"
UI="$ROOT/bundles/org.chempark.webui/ui"
[ -d "$UI/node_modules/playwright-core" ] || (cd "$UI" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
[ -x /usr/bin/chromium ] || "$ROOT/bundles/org.chempark.webui/e2e/install-browser.sh"
OUT="$ROOT/bench/results/$(date -u +%F)-webui.md"
{
  echo "## Web UI initial load, $(date -u +%FT%TZ), $BASE"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; platform and browser on the same machine."
  echo
  node "$ROOT/bench/webui/load.mjs" "$BASE" "$RUNS"
  echo
} | tee -a "$OUT"
