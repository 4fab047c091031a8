#!/usr/bin/env bash
# Idle memory of every platform part together: the seed's processes (the seed JVM, PostgreSQL) and
# the platform apps' dynos (hoist-api, hoist-router, hoist-gateway, hoist-builder).
#
#   bench/idle-memory.sh          (a running self-hosted platform; HOIST_HOME, HOIST_DYNOS_SCOPE)
#
# Prints, per part, RSS (resident set, shared pages counted in every process that maps them) and
# PSS (proportional set: a shared page split among its sharers), in MB, and the totals. The total
# PSS is what the parts together keep in memory; the total RSS overstates it by the JDK's pages
# that the JVMs share. Read from /proc/PID/smaps_rollup, so run it as root.
set -euo pipefail
export HOIST_HOME=${HOIST_HOME:-$HOME/.hoist}
SCOPE=${HOIST_DYNOS_SCOPE:-hoist}

# rss_pss PID...: "RSS_KB PSS_KB" summed over the processes
rss_pss() {
  local rss=0 pss=0 p r s
  for p in "$@"; do
    [ -r "/proc/$p/smaps_rollup" ] || continue
    r=$(awk '/^Rss:/ {print $2}' "/proc/$p/smaps_rollup")
    s=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup")
    rss=$((rss + ${r:-0})); pss=$((pss + ${s:-0}))
  done
  echo "$rss $pss"
}

# descendants PID: the process and all its children
descendants() {
  local p=$1 c
  echo "$p"
  for c in $(cat /proc/"$p"/task/*/children 2>/dev/null); do descendants "$c"; done
}

TOTAL_RSS=0 TOTAL_PSS=0
row() {
  local name=$1; shift
  read -r rss pss < <(rss_pss "$@")
  printf '%-22s %8d %8d\n' "$name" $((rss / 1024)) $((pss / 1024))
  TOTAL_RSS=$((TOTAL_RSS + rss)); TOTAL_PSS=$((TOTAL_PSS + pss))
}

printf '%-22s %8s %8s\n' part "RSS MB" "PSS MB"
seed=$(cat "$HOIST_HOME/seed.pid")
# The seed JVM; PostgreSQL's postmaster and its backends (children of the postmaster, not the JVM).
row "seed (jvm)" "$seed"
pg=$(head -n1 "$HOIST_HOME/postgres/postmaster.pid" 2>/dev/null || true)
if [ -n "$pg" ]; then row "postgresql" $(descendants "$pg"); fi
for c in $(for a in hoist-api hoist-router hoist-gateway hoist-builder; do
             docker ps -q --filter "label=hoist.scope=$SCOPE" --filter "label=hoist.app=$a"; done); do
  name=$(docker inspect -f '{{index .Config.Labels "hoist.app"}} {{index .Config.Labels "hoist.dyno"}}' "$c")
  pid=$(docker inspect -f '{{.State.Pid}}' "$c")
  row "$name" $(descendants "$pid")
done
printf '%-22s %8d %8d\n' total $((TOTAL_RSS / 1024)) $((TOTAL_PSS / 1024))
