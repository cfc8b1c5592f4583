#!/usr/bin/env bash
# OPC UA client bridge benchmark: one session with 20,000 monitored items at 1 s sampling
# against an in-process Milo server whose values all change every second.
# Usage: bench/opcua-20k.sh [items] [seconds] [warmup] [publishing ms] [sampling ms]
# Writes bench/results/opcua-20k-<date>.md (appends when it exists). See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ITEMS=${1:-20000}; SECONDS_=${2:-60}; WARMUP=${3:-15}; PUBLISHING=${4:-1000}; SAMPLING=${5:-1000}
MVN=(mvn -B -q -o ${MAVEN_REPO:+-Dmaven.repo.local=$MAVEN_REPO})
MOD=bundles/org.chempark.bridge.opcua
"${MVN[@]}" -pl "$MOD" -am install -DskipTests >/dev/null
"${MVN[@]}" -pl "$MOD" test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp >/dev/null
CP="$MOD/target/test-classes:$MOD/target/classes:$(cat $MOD/target/bench.cp)"
OUT=bench/results/opcua-20k-$(date -u +%F).md
{
  [ -s "$OUT" ] || printf '# OPC UA client bridge, 20k monitored items — %s\n' "$(date -u +%F)"
  printf '\n## Run %s UTC, %s, %s cores, %s\n\n' "$(date -u +%T)" "$(java -version 2>&1 | head -1)" "$(nproc)" \
    "$(uptime | sed 's/.*load average/load average/')"
  printf '| what | value |\n|---|---|\n'
  java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
    org.chempark.bridge.opcua.internal.OpcUa20kBench "$ITEMS" "$SECONDS_" "$WARMUP" "$PUBLISHING" "$SAMPLING" | grep '^|'
} | tee -a "$OUT"
