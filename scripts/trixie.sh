#!/usr/bin/env bash
# Runs a command inside a Debian 13 "trixie" root (today's Raspberry Pi OS base) with this
# checkout at /src, so that a bookworm machine builds and tests chairhub as trixie would.
#
#   scripts/trixie.sh                     install, build and run the functional tests there
#   scripts/trixie.sh COMMAND [ARG...]    anything else, e.g. scripts/trixie.sh bash
#
# The root is made once with `debootstrap --variant=minbase trixie` from the Debian mirror this
# machine's apt already uses, and kept in build-trixie/root (or $CHAIRHUB_TRIXIE_ROOT); delete it
# to start afresh. Run as root.
set -euo pipefail
cd "$(dirname "$0")/.."
src=$PWD
root=${CHAIRHUB_TRIXIE_ROOT:-$src/build-trixie/root}

# The first Debian mirror of the host's apt sources (deb822 or one-line format).
mirror() {
  local f
  for f in /etc/apt/sources.list.d/*.sources /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    if [ -r "$f" ]; then cat "$f"; fi
  done |
    sed -nE -e 's/^URIs:[[:space:]]*([^[:space:]]+).*/\1/p' \
             -e 's/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+).*/\2/p' |
    grep -E '/debian/?$' | head -n 1 || true
}

if [ ! -e "$root/.chairhub-root-ready" ]; then
  bash scripts/install-deps.sh debootstrap
  url=$(mirror)
  [ -n "$url" ] || { echo "trixie.sh: no Debian mirror in /etc/apt/sources*" >&2; exit 1; }
  echo "== making a trixie root in $root from $url"
  # (never delete through a mount left behind by some other tool)
  if findmnt -rn -o TARGET | grep -q "^$root/"; then
    echo "trixie.sh: something is mounted below $root; unmount it first" >&2
    exit 1
  fi
  rm -rf "$root"
  mkdir -p "$(dirname "$root")"
  debootstrap --variant=minbase trixie "$root" "$url" >"$root.debootstrap.log" 2>&1 ||
    { tail -n 20 "$root.debootstrap.log" >&2; exit 1; }
  cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
  touch "$root/.chairhub-root-ready"
fi

# The mounts below live in a mount namespace of this script's own: nothing reaches the host's
# mount table, and they all go away with the last process, however it ends.
if [ -z "${CHAIRHUB_TRIXIE_NS:-}" ]; then
  CHAIRHUB_TRIXIE_NS=1 exec unshare --mount --propagation private bash "$src/scripts/trixie.sh" "$@"
fi
bind() {  # bind SOURCE TARGET-INSIDE-ROOT [mount options...]
  mkdir -p "$root$2"
  mount "${@:3}" "$1" "$root$2"
}
# /proc, /sys and /dev as the tests need them, a fresh /tmp, the checkout at /src.
bind proc /proc -t proc
bind sysfs /sys -t sysfs
bind /dev /dev --rbind
bind tmpfs /tmp -t tmpfs
bind "$src" /src --bind
# Certificate authorities this machine trusts beyond Debian's (a company's TLS proxy, say) are
# trusted inside too, so that npm reaches its registry there as it does here.
# Copied even before the root has ca-certificates: its installation then takes them up.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  if [ -x "$root/usr/sbin/update-ca-certificates" ]; then
    chroot "$root" /usr/sbin/update-ca-certificates >/dev/null 2>&1 || true
  fi
fi

if [ $# -eq 0 ]; then
  set -- bash -c 'cd /src && bash scripts/install-deps.sh &&
    cmake --preset trixie && cmake --build --preset trixie &&
    ctest --preset trixie'
fi
chroot "$root" /usr/bin/env -i HOME=/root TERM="${TERM:-dumb}" LANG=C.UTF-8 \
  NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin CI="${CI:-}" "$@"
