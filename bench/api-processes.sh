#!/usr/bin/env bash
# Two api processes on one database, as hoist-api's dynos run (issue 14):
#   (a) a change made through api A -> a watch long-polling on api B answers (/internal/state, /internal/routes)
#   (b) log intake on api A in lines/s, through POSTs of 1,000-line batches
#
#   bench/api-processes.sh              this tree
#   bench/api-processes.sh COMMIT       an older commit, exported to a temporary folder, with this tree's
#                                       bench class and its test support copied in (for before/after figures)
#
# Needs no Docker and no running platform: the api runs in-process on the tests' embedded PostgreSQL.
# Results are printed and saved to bench/results/.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$ROOT/bench/results"
OUT=$ROOT/bench/results/api-processes-$(date +%Y%m%d-%H%M%S).txt
TREE=$ROOT
LABEL="this tree ($(git -C "$ROOT" rev-parse --short HEAD))"
if [ $# -gt 0 ]; then
  TREE=$(mktemp -d /tmp/hoist-bench-tree.XXXXXX)
  trap 'rm -rf "$TREE"' EXIT
  git -C "$ROOT" archive "$1" | tar -x -C "$TREE"
  for f in api/src/test/java/dev/hoist/api/bench/SharedStateBench.java api/src/test/java/dev/hoist/api/support/ApiProcess.java; do
    mkdir -p "$TREE/$(dirname "$f")" && cp "$ROOT/$f" "$TREE/$f"
  done
  LABEL="commit $(git -C "$ROOT" rev-parse --short "$1")"
fi
cd "$TREE"
./mvnw -B -q -pl api test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
CP=api/target/classes:api/target/test-classes:$(cat api/target/bench-classpath.txt)
{
  echo "# $(date -u +%FT%TZ) $LABEL; $(nproc) cores, load average $(cut -d" " -f1-3 /proc/loadavg)"
  java -Xmx512m -cp "$CP" dev.hoist.api.bench.SharedStateBench
} | tee "$OUT"
echo "saved to $OUT"
