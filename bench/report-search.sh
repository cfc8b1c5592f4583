#!/usr/bin/env bash
# Exact and fuzzy Chinese search over hidden dangers on the embedded PostgreSQL (org.chempark.report).
# Usage: bench/report-search.sh [N hidden dangers (10000)] [repetitions (100)]
# Env: MAVEN_REPO (local repository, default ~/.m2/repository)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
REPS=${2:-100}
REPO=${MAVEN_REPO:-$HOME/.m2/repository}
mvn -B -q -o -Dmaven.repo.local="$REPO" test-compile -pl bundles/org.chempark.report
mvn -B -q -o -Dmaven.repo.local="$REPO" dependency:build-classpath -Dmdep.outputFile=target/report-bench.cp -pl bundles/org.chempark.report
CP="bundles/org.chempark.report/target/test-classes:bundles/org.chempark.report/target/classes:$(cat bundles/org.chempark.report/target/report-bench.cp)"
OUT="bench/results/$(date -u +%F)-report-search.md"
java -cp "$CP" org.chempark.report.internal.SearchBench "$N" "$REPS" "$OUT"
echo "written $OUT"
