#!/usr/bin/env bash
# Emergency decision support benchmark (issue 7): a plume contour on a 200 × 200 grid (goal < 50 ms)
# and the full response plan for the demo park (goal < 1 s). A Java driver
# (bundles/org.chempark.emergency/src/test/java/.../EmergencyBench.java) on the module's test class
# path, with a real embedded PostgreSQL. Writes bench/results/emergency-<date>.md. See docs/benchmarks.md.
#
#   bench/emergency.sh [ITERATIONS]        (default 200; half as many warm-up iterations before)
#
# MAVEN_REPO_LOCAL=/path sets -Dmaven.repo.local; the build is offline (-o).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
ITER="${1:-200}"
case "$ITER" in ''|*[!0-9]*) echo "bench/emergency.sh: ITERATIONS must be a number" >&2; exit 2 ;; esac
REPO=()
[ -n "${MAVEN_REPO_LOCAL:-}" ] && REPO=("-Dmaven.repo.local=$MAVEN_REPO_LOCAL")
mkdir -p bench/results
OUT="$ROOT/bench/results/emergency-$(date -u +%Y-%m-%d).md"
MODULE=bundles/org.chempark.emergency

mvn -B -q -o "${REPO[@]}" -pl "$MODULE" test-compile
{
  echo "# Emergency decision support benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Host: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg) at start."
  echo
} > "$OUT"
mvn -B -q -o "${REPO[@]}" -pl "$MODULE" org.codehaus.mojo:exec-maven-plugin:3.6.3:java \
  -Dexec.mainClass=org.chempark.emergency.internal.EmergencyBench -Dexec.classpathScope=test \
  -Dexec.args="$ITER $OUT.part" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn | grep -v '^\[INFO\]\|^\[main\] INFO\|^\[.*\] INFO' || true
[ -s "$OUT.part" ] || { echo "bench/emergency.sh: the driver wrote no results (see the output above)" >&2; exit 1; }
cat "$OUT.part" >> "$OUT"
rm -f "$OUT.part"
echo "Load average at end: $(cut -d' ' -f1-3 /proc/loadavg)." >> "$OUT"
cat "$OUT"
echo "written: ${OUT#$ROOT/}"
