#!/usr/bin/env bash
# Dyno manager figures on this machine, against the real Docker engine and an in-process fake of the api:
#   (a) boot: decision (desired state answered) -> first HTTP 200 of a web dyno whose image is prepared
#   (b) scale 1 -> 10: until ten dynos answer, next to ten parallel `docker run -d` of the same image (the floor)
#   (c) crash -> up: `docker kill` of a web dyno until its replacement answers HTTP 200
#
#   bench/dynos.sh
#
# Needs the Docker engine and hoist/stack-run:current. Everything it starts is labelled with a scope of its
# own and removed at the end. Results are printed and saved to bench/results/.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
mkdir -p bench/results
OUT=bench/results/dynos-$(date +%Y%m%d-%H%M%S).txt
./mvnw -q -pl dyno-manager test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
CP=dyno-manager/target/classes:dyno-manager/target/test-classes:$(cat dyno-manager/target/bench-classpath.txt)
{
  echo "# $(date -u +%FT%TZ) $(nproc) cores, Docker $(docker version -f '{{.Server.Version}}'), load average $(cut -d" " -f1-3 /proc/loadavg)"
  java -Dlog.level=WARN -cp "$CP" dev.hoist.dynos.DynoBench
} | tee "$OUT"
echo "saved to $OUT"
