#!/usr/bin/env bash
# Risk colour latency (R-F2.3: colours update within 1 s of the alarm that changes them).
# Boots the assembled distribution under Pax Exam (free ports, own embedded PostgreSQL), posts
# alarm events and polls the REST API until the new colour shows; writes
# bench/results/<date>-risk-latency.md. See docs/benchmarks.md ("Risk colour latency").
#
#   bench/risk-latency.sh [--no-build]      (60 rounds after 5 warm-up rounds)
#   MAVEN_REPO=/path/to/m2 bench/risk-latency.sh      (default: Maven's own)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "bench/risk-latency.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
REPO_ARGS=()
[ -n "${MAVEN_REPO:-}" ] && REPO_ARGS=(-Dmaven.repo.local="$MAVEN_REPO")
if [ "$BUILD" = 1 ]; then
  mvn -B -q -o "${REPO_ARGS[@]}" install -DskipTests -pl karaf-assembly -am
fi
mvn -B -q -o "${REPO_ARGS[@]}" verify -pl itests -Dit.test=RiskLatencyBench -DfailIfNoTests=false \
  -Dsurefire.failIfNoSpecifiedTests=false
OUT="bench/results/$(date -u +%F)-risk-latency.md"
{
  cat itests/target/exam-logs/RiskLatencyBench/risk-latency.md
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
} > "$OUT"
cat "$OUT"
