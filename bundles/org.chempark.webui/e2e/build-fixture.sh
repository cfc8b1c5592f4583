#!/usr/bin/env bash
# Builds the test fixture bundle that ships a UI part for module "example" (no Java, just a manifest and index.js).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)/fixtures"
OUT="${1:-$HERE/../out}"
mkdir -p "$OUT"
(cd "$HERE/example-ui" && jar --create --file "$OUT/org.chempark.webui.fixture.example-ui.jar" --manifest MANIFEST.MF webui-module)
echo "$OUT/org.chempark.webui.fixture.example-ui.jar"
