#!/usr/bin/env bash
# Deploy speed: git push → live for the Node sample (cold and warm build cache) and the Java sample,
# and the build claim latency (queued → claimed by an idle builder dyno).
#
#   ./hoistd up --detach && bench/builds.sh [RUNS]      (default 3 runs of each)
#
# Uses only what a user has: the hoist CLI, git over SSH, curl through the router. Results are printed
# and appended to bench/results/. Everything stays on 127.0.0.1.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HOIST=$ROOT/hoist
RUNS=${1:-3}
ROUTER=${HOIST_ROUTER_URL:-http://127.0.0.1:8080}
SSH_PORT=${HOIST_SSH_PORT:-2222}
APPS=$ROOT/../shared/acceptance/apps
TMP=$(mktemp -d)
mkdir -p "$ROOT/bench/results"
OUT=$ROOT/bench/results/builds-$(date +%Y%m%d-%H%M%S).txt
RUN_ID=$RANDOM
# Apps are named bench-RUNID-...; new_app runs in a subshell, so cleanup finds them by that prefix.
cleanup() {
  for app in $("$HOIST" apps 2>/dev/null | grep -E "^bench-$RUN_ID-"); do
    "$HOIST" apps:destroy -a "$app" --confirm "$app" >/dev/null 2>&1 || true
  done
  rm -rf "$TMP"
}
trap cleanup EXIT

ssh-keygen -q -t ed25519 -N '' -f "$TMP/id" -C bench
"$HOIST" keys:add "$TMP/id.pub" >/dev/null
export GIT_SSH_COMMAND="ssh -i $TMP/id -o IdentitiesOnly=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR"
now() { date +%s.%N; }
secs() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }

# push_to_live APP DIR PATTERN: seconds from `git push` until the router serves PATTERN
push_to_live() {
  local t0; t0=$(now)
  git -C "$2" push -q "ssh://git@127.0.0.1:$SSH_PORT/$1.git" HEAD:main >"$TMP/push.out" 2>&1 || { cat "$TMP/push.out"; return 1; }
  until curl -s --max-time 5 -H "Host: $1.localhost" "$ROUTER/" | grep -q "$3"; do sleep 0.05; done
  secs "$t0" "$(now)"
}

new_app() { # new_app SAMPLE → name; a fresh repository in $TMP/NAME
  local app="bench-$RUN_ID-${1%%-*}-$RANDOM"
  "$HOIST" apps:create "$app" >/dev/null
  cp -r "$APPS/$1" "$TMP/$app"
  git -C "$TMP/$app" init -q -b main && git -C "$TMP/$app" add -A &&
    git -C "$TMP/$app" -c user.name=b -c user.email=b@example.invalid commit -qm first
  echo "$app"
}
change() { echo "// $RANDOM" >>"$TMP/$1/$2"; git -C "$TMP/$1" -c user.name=b -c user.email=b@example.invalid commit -qam change; }

# claim_latency APP: seconds from queuing a build until an idle builder dyno has claimed it (status leaves
# "pending"), polled every few milliseconds over the API. The source URL is bogus on purpose: only the
# claim is timed, and the build then fails at once without using the builder for long.
claim_latency() {
  local creds api key id t0
  creds=${HOIST_HOME:-$HOME/.hoist}/credentials.json
  api=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['api_url'])" "$creds")
  key=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['api_key'])" "$creds")
  sleep 2 # let the builders go idle (back in their long poll)
  t0=$(now)
  id=$(curl -fsS -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -d '{"source_blob":{"url":"http://127.0.0.1:1/none.tgz"}}' "$api/apps/$1/builds" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  until curl -fsS -H "Authorization: Bearer $key" "$api/apps/$1/builds/$id" | grep -qv '"status":"pending"'; do :; done
  secs "$t0" "$(now)"
}

{
  echo "# $(date -u +%FT%TZ) $(nproc) cores, builder dynos: $("$HOIST" ps -a hoist-builder --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"
  for i in $(seq "$RUNS"); do
    node=$(new_app node-hello)
    echo "node cold push_to_live_s=$(push_to_live "$node" "$TMP/$node" '^hello from web')"
    change "$node" server.js
    echo "node warm push_to_live_s=$(push_to_live "$node" "$TMP/$node" '^hello from web')"
    java=$(new_app java-hello)
    echo "java cold push_to_live_s=$(push_to_live "$java" "$TMP/$java" '^hello from web')"
    change "$java" src/main/java/hello/Main.java
    echo "java warm push_to_live_s=$(push_to_live "$java" "$TMP/$java" '^hello from web')"
    echo "claim_latency_s=$(claim_latency "$node")"
  done
} | tee "$OUT"
echo "saved to $OUT"
