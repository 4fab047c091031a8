# shellcheck shell=bash
# Shared by the shipped buildpacks and the driver: build-output helpers and the config-var
# export. Sourced, never run. Output follows the classic convention: `-----> ` headings, detail
# lines indented seven spaces, errors and warnings prefixed with ` !     `.

topic() { echo "-----> $*"; }

info() { echo "       $*"; }

# Indents a stream line by line as it arrives, so long steps still stream; a last line without a
# newline gets one; blank lines are left out.
indent() { awk 'NF { print "       " $0; fflush() }'; }

warn() {
  local line
  for line in "$@"; do echo " !     $line"; done
}

error() {
  local line
  for line in "$@"; do echo " !     $line" >&2; done
}

# Prints the error lines and exits 1: the one way a buildpack step gives up.
fail() {
  error "$@"
  exit 1
}

# Config vars are not in the compile environment (buildpack API); a buildpack that wants them calls
# this. Keys that would break the build tools are never exported; extra ones can be added with a
# second regex.
export_env_dir() {
  local env_dir=$1 extra=${2:-}
  local blacklist='^(PATH|HOME|GIT_DIR|CPATH|CPPATH|LD_PRELOAD|LIBRARY_PATH|LD_LIBRARY_PATH|BUILD_DIR|CACHE_DIR|ENV_DIR)$'
  local file key
  [[ -d $env_dir ]] || return 0
  for file in "$env_dir"/*; do
    [[ -f $file ]] || continue
    key=${file##*/}
    [[ $key =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || continue
    [[ $key =~ $blacklist ]] && continue
    [[ -n $extra && $key =~ $extra ]] && continue
    export "$key=$(cat "$file")"
  done
}

# A string as a double-quoted YAML (and JSON) scalar, for bin/release output.
yaml_quote() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  printf '"%s"' "$s"
}

# bin/release output with at most one default process type; no argument means none.
release_yaml() {
  echo "---"
  echo "addons: []"
  if (($# == 2)); then
    echo "default_process_types:"
    echo "  $1: $(yaml_quote "$2")"
  else
    echo "default_process_types: {}"
  fi
}

# The dyno's memory limit in MB from the cgroup (v2, then v1); nothing when unlimited or unknown.
# Also written verbatim into runtime .profile.d scripts, so it keeps to plain bash.
cgroup_memory_mb() {
  local raw="" total_kb
  if [[ -r /sys/fs/cgroup/memory.max ]]; then
    raw=$(cat /sys/fs/cgroup/memory.max)
  elif [[ -r /sys/fs/cgroup/memory/memory.limit_in_bytes ]]; then
    raw=$(cat /sys/fs/cgroup/memory/memory.limit_in_bytes)
  fi
  [[ $raw =~ ^[0-9]+$ ]] || return 0
  total_kb=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo 2>/dev/null)
  # "No limit" reads as max or as a huge number (at least the machine's memory).
  if [[ -n $total_kb ]] && ((raw / 1024 >= total_kb)); then return 0; fi
  echo $((raw / 1024 / 1024))
}
