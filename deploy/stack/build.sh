#!/bin/bash
#
# Build Hoist's stack images from Debian 12 (bookworm) packages, without any container registry:
#
#   hoist/stack-run:TAG     bash, curl, CA certificates, Java 17 runtime, Node.js, Python 3
#   hoist/stack-build:TAG   the run image plus JDK 17, Maven, npm, git, gcc and friends
#
# TAG is the first 12 hex digits of a SHA-256 over the recipe (this script, run/, build/, and the
# host files that get copied in: extra CA certificates and apt sources). An image whose TAG is
# already in the engine is not rebuilt. Both images are also tagged :current, which is what the
# other components use by default. See docs/stack.md.
#
# usage: deploy/stack/build.sh [--tags | --force]
#   (none)    build whatever is missing, then point :current at TAG
#   --tags    print the two image names for the current recipe and exit; builds nothing
#   --force   rebuild both images even if they exist
#
# Needs root (debootstrap, chroot, mount) when the run image has to be built.
set -euo pipefail

STACK_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../scripts/engine.sh
source "$STACK_DIR/../scripts/engine.sh"

SUITE=bookworm
MIRROR=${HOIST_STACK_MIRROR:-http://deb.debian.org/debian}
WORK=$STACK_DIR/.work
RUN_REPO=hoist/stack-run
BUILD_REPO=hoist/stack-build
HOST_CA_DIR=/usr/local/share/ca-certificates
IMAGE_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

ROOTFS=""       # set while a chroot exists, so the exit trap can unmount and remove it
declare -A SECONDS_FOR=()
APT_OPTS=()

# --- the recipe and its tag --------------------------------------------------------------------

# The same selection update-ca-certificates makes: *.crt anywhere below the directory, symlinks
# followed.
host_ca_certs() {
  find -L "$HOST_CA_DIR" -type f -name '*.crt' 2>/dev/null | sort
}

host_apt_sources() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    if [[ -f $f ]]; then echo "$f"; fi
  done
}

# Keyrings named by `signed-by` in the host's sources: a source copied without its key would make
# `apt-get update` in the chroot fail.
host_apt_keyrings() {
  local k
  host_apt_sources | xargs -r grep -h -o -i -E '(signed-by=|^signed-by:[[:space:]]*)/[^],[:space:]]+' \
    | sed -E 's|^[^/]*||' | sort -u | while read -r k; do
    if [[ -f $k ]]; then echo "$k"; fi
  done
}

recipe_files() {
  printf '%s\n' "$STACK_DIR/build.sh" "$STACK_DIR/run/packages.txt" "$STACK_DIR/run/setup.sh" \
    "$STACK_DIR/run/dpkg-slim.cfg" "$STACK_DIR/build/Dockerfile" "$STACK_DIR/build/packages.txt"
  host_ca_certs
  host_apt_sources
  host_apt_keyrings
}

# The digest covers each file's name and content, so renaming a CA file also changes the tag.
stack_tag() {
  local f
  recipe_files | while read -r f; do
    printf '%s  %s\n' "$(sha256sum <"$f" | cut -c1-64)" "${f#"$STACK_DIR"/}"
  done | sha256sum | cut -c1-12
}

packages_of() {
  sed -e 's/#.*//' "$1" | xargs
}

# --- helpers -----------------------------------------------------------------------------------

image_exists() {
  docker image inspect "$1" >/dev/null 2>&1
}

image_id() {
  docker image inspect --format '{{.Id}}' "$1" 2>/dev/null || true
}

# After --force, the images that used to carry TAG are left untagged; remove them unless a
# container still uses them (docker refuses then, which is what we want).
remove_replaced() {
  local old
  for old in "$@"; do
    if [[ -n $old ]] && docker image rm "$old" >/dev/null 2>&1; then
      hoist_log "Removed the replaced image ${old:7:12}"
    fi
  done
}

# Run a phase with its output in a log file; on failure show the end of that log.
# usage: phase NAME LOGFILE command...
# The command runs in a background subshell that is then waited for: run inside an `if` or `||`,
# bash would ignore `set -e` within shell functions and carry on after a failed step.
phase() {
  local name=$1 log=$2 start=$SECONDS status=0
  shift 2
  echo "       $name (log: ${log#"$STACK_DIR"/})"
  ("$@") >"$log" 2>&1 &
  wait $! || status=$?
  if ((status != 0)); then
    hoist_error "$name failed (exit $status); last lines of $log:"
    tail -n 20 "$log" >&2
    return "$status"
  fi
  SECONDS_FOR[$name]=$((SECONDS - start))
}

# Pass the host's apt settings that decide whether the mirror can be used at all (a snapshot
# mirror with an expired Valid-Until, an apt proxy) on to apt in the chroot and in docker build.
host_apt_options() {
  local key value
  for key in Acquire::Check-Valid-Until Acquire::Check-Date Acquire::http::Proxy Acquire::https::Proxy; do
    value=$(apt-config dump "$key" 2>/dev/null | sed -n -E "s/^$key \"(.*)\";$/\1/p" | head -n 1)
    if [[ -n $value ]]; then APT_OPTS+=(-o "$key=$value"); fi
  done
}

in_chroot() {
  chroot "$ROOTFS" /usr/bin/env -i PATH="$IMAGE_PATH" LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}

# Never delete a root file system that still has /proc mounted in it: rm -rf would walk into the
# host's /proc.
cleanup_rootfs() {
  if [[ -z $ROOTFS ]]; then return 0; fi
  if mountpoint -q "$ROOTFS/proc"; then umount "$ROOTFS/proc" || umount -l "$ROOTFS/proc"; fi
  if mountpoint -q "$ROOTFS/proc"; then
    hoist_error "$ROOTFS/proc is still mounted; leaving $ROOTFS in place"
    return 1
  fi
  if [[ ${HOIST_STACK_KEEP_ROOTFS:-0} != 1 ]]; then rm -rf "$ROOTFS"; fi
  ROOTFS=""
}

# --- the run image: debootstrap + apt in a chroot + docker import ----------------------------

debootstrap_rootfs() {
  # ca-certificates comes in with debootstrap so that https sources copied from the host work
  # for the very first apt-get update; everything else is installed with apt below.
  debootstrap --variant=minbase --include=ca-certificates "$SUITE" "$ROOTFS" "$MIRROR"
}

# The host's apt sources replace debootstrap's one-line sources.list, so the image uses the same
# mirrors as the host (and keeps them, for apt in the build image).
copy_host_apt_sources() {
  local sources k
  sources=$(host_apt_sources)
  if [[ -z $sources ]]; then return 0; fi
  rm -f "$ROOTFS/etc/apt/sources.list"
  while read -r k; do cp "$k" "$ROOTFS/etc/apt/sources.list.d/"; done < <(host_apt_sources | grep '^/etc/apt/sources.list.d/')
  if [[ -f /etc/apt/sources.list ]]; then cp /etc/apt/sources.list "$ROOTFS/etc/apt/"; fi
  while read -r k; do
    if [[ ! -e $ROOTFS$k ]]; then install -D -m 0644 "$k" "$ROOTFS$k"; fi
  done < <(host_apt_keyrings)
}

# Copied before any package is installed, so that apt can talk to https mirrors through a
# TLS-intercepting proxy and ca-certificates-java puts them into Java's keystore as well.
copy_host_ca_certs() {
  local f
  install -d "$ROOTFS$HOST_CA_DIR"
  host_ca_certs | while read -r f; do install -D -m 0644 "$f" "$ROOTFS$f"; done
  in_chroot update-ca-certificates
}

install_run_packages() {
  copy_host_ca_certs
  install -m 0644 "$STACK_DIR/run/dpkg-slim.cfg" "$ROOTFS/etc/dpkg/dpkg.cfg.d/hoist-slim"
  # policy-rc.d stops package scripts from trying to start services inside the chroot.
  printf '#!/bin/sh\nexit 101\n' >"$ROOTFS/usr/sbin/policy-rc.d"
  chmod +x "$ROOTFS/usr/sbin/policy-rc.d"
  in_chroot apt-get "${APT_OPTS[@]}" update
  # shellcheck disable=SC2046 # one word per package is the point
  in_chroot apt-get "${APT_OPTS[@]}" install -y --no-install-recommends $(packages_of "$STACK_DIR/run/packages.txt")
  rm -f "$ROOTFS/usr/sbin/policy-rc.d"
  # The dyno user, /app, and clean-up of apt lists and caches.
  install -m 0755 "$STACK_DIR/run/setup.sh" "$ROOTFS/tmp/setup.sh"
  in_chroot /bin/bash /tmp/setup.sh
  rm -f "$ROOTFS/tmp/setup.sh"
}

import_rootfs() {
  local image=$1 tag=$2
  # /dev, /proc and /sys are provided by the container runtime; their contents stay out.
  tar --numeric-owner -C "$ROOTFS" --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -c . |
    docker import \
      --change "ENV PATH=$IMAGE_PATH" \
      --change 'ENV LANG=C.UTF-8' \
      --change 'WORKDIR /app' \
      --change 'USER dyno' \
      --change 'CMD ["bash"]' \
      --change "LABEL dev.hoist.stack.tag=$tag" \
      --message "hoist stack run image $tag (debootstrap $SUITE)" \
      - "$image"
}

build_run_image() {
  local tag=$1
  if [[ ${EUID:-$(id -u)} -ne 0 ]]; then
    hoist_error "building $RUN_REPO:$tag needs root (debootstrap, chroot, mount)"
    return 1
  fi
  hoist_ensure_debootstrap
  hoist_log "Building $RUN_REPO:$tag from Debian $SUITE"
  ROOTFS=$WORK/rootfs-$tag
  cleanup_rootfs
  ROOTFS=$WORK/rootfs-$tag

  phase debootstrap "$WORK/debootstrap.log" debootstrap_rootfs
  # Installing a JDK runs Java in its postinst, and Java will not start without /proc.
  mount -t proc proc "$ROOTFS/proc"
  copy_host_apt_sources
  phase "packages (run)" "$WORK/packages-run.log" install_run_packages
  umount "$ROOTFS/proc"
  phase import "$WORK/import.log" import_rootfs "$RUN_REPO:$tag" "$tag"
  cleanup_rootfs
}

# --- the build image: docker build FROM the local run image ------------------------------------

build_build_image() {
  local tag=$1
  hoist_log "Building $BUILD_REPO:$tag FROM $RUN_REPO:$tag"
  # The classic builder resolves FROM against the local image store and never contacts a
  # registry; its context is build/ alone, so .work/ is never sent to the engine.
  phase "build image" "$WORK/build-image.log" env DOCKER_BUILDKIT=0 docker build \
    --build-arg "RUN_IMAGE=$RUN_REPO:$tag" \
    --build-arg "APT_OPTS=${APT_OPTS[*]}" \
    --label "dev.hoist.stack.tag=$tag" \
    --tag "$BUILD_REPO:$tag" \
    "$STACK_DIR/build"
}

# --- main --------------------------------------------------------------------------------------

point_current_at() {
  local tag=$1 repo
  for repo in "$RUN_REPO" "$BUILD_REPO"; do
    docker tag "$repo:$tag" "$repo:current"
  done
  hoist_log "Tagged $RUN_REPO:current and $BUILD_REPO:current -> $tag"
}

report() {
  local tag=$1 name repo size
  for name in debootstrap "packages (run)" import "build image"; do
    if [[ -n ${SECONDS_FOR[$name]:-} ]]; then printf '       %-16s %5d s\n' "$name" "${SECONDS_FOR[$name]}"; fi
  done
  for repo in "$RUN_REPO" "$BUILD_REPO"; do
    size=$(docker image inspect --format '{{.Size}}' "$repo:$tag")
    printf '       %-28s %6d MB\n' "$repo:$tag" $((size / 1000 / 1000))
  done
}

usage() {
  sed -n '/^# usage: deploy/,/^# Needs root/p' "$0" | sed 's/^# \{0,1\}//'
}

main() {
  local force=0 tag
  case ${1:-} in
    --tags) tag=$(stack_tag); echo "$RUN_REPO:$tag"; echo "$BUILD_REPO:$tag"; return 0 ;;
    --force) force=1 ;;
    "") ;;
    -h | --help) usage; return 0 ;;
    *) usage >&2; return 2 ;;
  esac

  tag=$(stack_tag)
  hoist_ensure_engine
  mkdir -p "$WORK"
  # One build at a time: two would fight over the same chroot and tags.
  exec 9>"$WORK/lock"
  if ! flock -n 9; then
    hoist_log "Waiting for another stack build to finish"
    flock 9
  fi
  trap cleanup_rootfs EXIT
  host_apt_options

  local start=$SECONDS built=0 replaced=()
  if ((force)); then replaced=("$(image_id "$BUILD_REPO:$tag")" "$(image_id "$RUN_REPO:$tag")"); fi
  if ((force)) || ! image_exists "$RUN_REPO:$tag"; then
    build_run_image "$tag"
    built=1
  else
    hoist_log "$RUN_REPO:$tag is present; not rebuilding"
  fi
  if ((force || built)) || ! image_exists "$BUILD_REPO:$tag"; then
    build_build_image "$tag"
    built=1
  else
    hoist_log "$BUILD_REPO:$tag is present; not rebuilding"
  fi
  point_current_at "$tag"
  remove_replaced "${replaced[@]}"
  if ((built)); then hoist_log "Built stack $tag in $((SECONDS - start)) s"; fi
  report "$tag"
}

main "$@"
