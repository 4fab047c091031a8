#!/bin/bash
# Runs inside the run image's chroot (as root, with /proc mounted) after its packages are
# installed. Everything here ends up in hoist/stack-run and so in hoist/stack-build too.
set -euo pipefail

# The dyno user. Dynos run unprivileged (DESIGN.md, "The dyno contract"); a fixed uid/gid of 1000
# keeps files written to volumes by dynos and by builds owned by the same, predictable id.
# Its home is /app, where the slug is unpacked, so HOME=/app as the dyno contract says.
groupadd --gid 1000 dyno
useradd --uid 1000 --gid 1000 --home-dir /app --no-create-home --shell /bin/bash dyno
install -d -o dyno -g dyno -m 0755 /app

# The host's extra CA certificates were copied to /usr/local/share/ca-certificates before the
# packages went in, so ca-certificates and ca-certificates-java already picked them up; run the
# update once more so the bundle and the Java keystore are right even if that order changes.
update-ca-certificates

# dpkg-slim.cfg keeps documentation out of packages installed from now on; remove what the
# debootstrap packages brought before it was in place. Some JDK packages register manual pages
# with update-alternatives and fail when man1/ is missing, so that directory stays.
find /usr/share/doc -mindepth 1 -depth ! -name copyright ! -type d -delete
find /usr/share/doc -mindepth 1 -depth -type d -empty -delete
find /usr/share/man /usr/share/info /usr/share/lintian -mindepth 1 -delete 2>/dev/null || true
find /usr/share/locale -mindepth 1 ! -name locale.alias -delete 2>/dev/null || true
mkdir -p /usr/share/man/man1

# Drop what only the build needed: package lists and caches (apt update before any install),
# logs, and the host identity files that debootstrap copied (Docker provides its own at run time).
apt-get clean
rm -rf /var/lib/apt/lists/* /var/cache/apt/* /var/cache/debconf/*-old /var/lib/dpkg/*-old
find /var/log -type f -delete
rm -f /etc/machine-id
: >/etc/hostname
: >/etc/resolv.conf
: >/etc/hosts
