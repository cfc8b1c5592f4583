#!/usr/bin/env bash
# Cost of authentication and data scoping on a read (issue 3, goal: p95 overhead < 2 ms).
# Runs org.chempark.security.internal.AuthOverheadBench (the SecurityFilter's decision + DataScope against a
# real embedded PostgreSQL, in process) and writes bench/results/auth-overhead-<date>.md. See docs/benchmarks.md.
#
#   bench/auth-overhead.sh [SAMPLES] [MISS_SAMPLES]       (defaults 200000 and 2000)
#   MVN_REPO=/path/to/m2 bench/auth-overhead.sh           (a private local repository; offline)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MOD=bundles/org.chempark.security
REPO_ARG=(); [ -n "${MVN_REPO:-}" ] && REPO_ARG=("-Dmaven.repo.local=$MVN_REPO")
mvn -B -q -o "${REPO_ARG[@]}" -pl "$MOD" test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test >/dev/null
CP="$MOD/target/test-classes:$MOD/target/classes:$(cat "$MOD/target/bench.classpath")"
OUT="bench/results/auth-overhead-$(date -u +%Y-%m-%d).md"
mkdir -p bench/results
{
  echo "# Authentication + scoping overhead, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), shared), $(java -version 2>&1 | head -1)."
  echo "Load average at start: $(cut -d' ' -f1-3 /proc/loadavg). Command: \`bench/auth-overhead.sh ${1:-200000} ${2:-2000}\`."
  echo
  java -Xmx256m -cp "$CP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn org.chempark.security.internal.AuthOverheadBench "${1:-200000}" "${2:-2000}" \
    2>/dev/null
} | tee "$OUT"
echo "written: $OUT" >&2
