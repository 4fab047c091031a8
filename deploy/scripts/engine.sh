# shellcheck shell=bash
#
# engine.sh: make sure the tools Hoist needs on the host are there.
#
#   source deploy/scripts/engine.sh
#   hoist_ensure_engine        # a Docker engine answers `docker info`, or return 1
#   hoist_ensure_debootstrap   # `debootstrap` is installed, or return 1
#
# Sourcing this file only defines functions; it changes no shell options and runs nothing.
# The functions work under the caller's `set -euo pipefail` and return non-zero (with a
# one-line reason on stderr) rather than exiting, so the caller decides what a failure means.
#
# Settings (environment):
#   HOIST_HOME                    where dockerd.log goes (default: $HOME/.hoist)
#   HOIST_ENGINE_START_TIMEOUT    seconds to wait for a started dockerd to answer (default: 60)

hoist_log() {
  echo "-----> $*"
}

hoist_error() {
  echo " !     $*" >&2
}

# Install Debian packages, but only as root: a non-root caller gets told what to run instead,
# because a sudo prompt in the middle of a script is worse than a clear instruction.
hoist_apt_install() {
  if [[ ${EUID:-$(id -u)} -ne 0 ]]; then
    hoist_error "$* is not installed; as root run: apt-get install -y $*"
    return 1
  fi
  hoist_log "Installing $* with apt"
  apt-get update -qq || return 1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || return 1
}

hoist_engine_answers() {
  docker info >/dev/null 2>&1
}

# dockerd lives in /usr/sbin, which is not on a normal user's PATH.
hoist_dockerd_installed() {
  command -v dockerd >/dev/null 2>&1 || [[ -x /usr/sbin/dockerd ]]
}

hoist_ensure_engine() {
  if hoist_engine_answers; then
    return 0
  fi

  # A running engine whose socket we may not use: starting a second dockerd would not help.
  local why
  why=$(docker info 2>&1 >/dev/null || true)
  if [[ $why == *"permission denied"* ]]; then
    hoist_error "the Docker engine runs but this user may not use it; add the user to the 'docker' group or run as root"
    return 1
  fi

  if ! hoist_dockerd_installed || ! command -v docker >/dev/null 2>&1; then
    hoist_apt_install docker.io || return 1
  fi

  if [[ ${EUID:-$(id -u)} -ne 0 ]]; then
    hoist_error "the Docker engine is not running; as root run: nohup dockerd >/var/log/dockerd.log 2>&1 &"
    return 1
  fi

  hoist_start_dockerd
}

# There is no systemd on these machines, so dockerd runs as a plain background process whose
# output goes to a log file we can quote when it fails to come up.
hoist_start_dockerd() {
  local home=${HOIST_HOME:-$HOME/.hoist}
  local log=$home/dockerd.log
  local timeout=${HOIST_ENGINE_START_TIMEOUT:-60}
  mkdir -p "$home" || return 1

  hoist_log "Starting the Docker engine (log: $log)"
  local dockerd
  dockerd=$(command -v dockerd || echo /usr/sbin/dockerd)
  nohup "$dockerd" >>"$log" 2>&1 </dev/null &
  local pid=$!

  local deadline=$((SECONDS + timeout))
  until hoist_engine_answers; do
    if ! kill -0 "$pid" 2>/dev/null; then
      hoist_error "dockerd exited before answering; last lines of $log:"
      tail -n 15 "$log" >&2
      return 1
    fi
    if ((SECONDS >= deadline)); then
      hoist_error "the Docker engine (dockerd pid $pid, still running) did not answer within ${timeout}s; last lines of $log:"
      tail -n 15 "$log" >&2
      return 1
    fi
    sleep 0.5
  done
  hoist_log "Docker engine is up ($(docker version --format '{{.Server.Version}}' 2>/dev/null), pid $pid)"
}

hoist_ensure_debootstrap() {
  if command -v debootstrap >/dev/null 2>&1 || [[ -x /usr/sbin/debootstrap ]]; then
    return 0
  fi
  hoist_apt_install debootstrap
}
