# Sourced by bench/router.sh and bench/router-cpu.sh: what both need to start and stop their targets.
# Expects ROOT (the repository) to be set.

# Background processes the caller starts (PIDS+=($!)) and its scratch folder, both gone on exit.
PIDS=()
CONTAINERS=()
WORK=$(mktemp -d /tmp/hoist-router-bench.XXXXXX)
cleanup() {
  for c in "${CONTAINERS[@]}"; do docker rm -f "$c" >/dev/null 2>&1 || true; done
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# The router's exec jar, built first when missing or older than its sources.
router_jar() {
  local jar
  jar=$(ls "$ROOT"/router/target/hoist-router-*-exec.jar 2>/dev/null | head -n 1 || true)
  if [[ -z "$jar" || -n "$(find "$ROOT/router/src/main" -newer "$jar" -type f | head -n 1)" ]]; then
    (cd "$ROOT" && ./mvnw -q -pl router package -DskipTests) >&2
    jar=$(ls "$ROOT"/router/target/hoist-router-*-exec.jar | head -n 1)
  fi
  echo "$jar"
}
