#!/usr/bin/env bash
# Installs a chairhub package the way a user does (`apt install ./chairhub_*.deb`) in a fresh root
# of its release and architecture, then checks the install: user and groups, files, the programs
# run, the shipped config is valid, the unit verifies (systemd cannot run in a chroot), manual
# pages, and a purge that leaves nothing behind. Needs root and the network.
#
#   tests/package/install_check.sh DEB ROOT
#
# ROOT is made with debootstrap (minbase) when it does not exist, for the release named in the
# package's version (~deb12 bookworm, ~deb13 trixie) and its architecture, from the mirror of this
# machine's apt sources; keep it under a build directory. A foreign architecture (arm64 on amd64)
# runs through binfmt_misc and qemu-user-static: this script registers qemu-aarch64 (flag F) if
# it is not registered, and says so.
set -euo pipefail
deb=$(readlink -f "${1:?usage: install_check.sh DEB ROOT}")
root=${2:?usage: install_check.sh DEB ROOT}

fail() { echo "FAIL: $*" >&2; exit 1; }
say() { echo "install-check: $*"; }

arch=$(dpkg-deb -f "$deb" Architecture)
version=$(dpkg-deb -f "$deb" Version)
case $version in
  *~deb12) release=bookworm ;;
  *~deb13) release=trixie ;;
  *) fail "$version: cannot tell the release from the version" ;;
esac
say "$(basename "$deb"): $release, $arch"

# --- a foreign architecture through qemu ------------------------------------------------------
if [ "$arch" != "$(dpkg --print-architecture)" ]; then
  [ "$arch" = arm64 ] || fail "only arm64 is supported as a foreign architecture, not $arch"
  binfmt=/proc/sys/fs/binfmt_misc
  [ -e $binfmt/status ] || mount -t binfmt_misc binfmt_misc $binfmt ||
    fail "binfmt_misc cannot be mounted here: an $arch root cannot run"
  if [ ! -e $binfmt/qemu-aarch64 ]; then
    qemu=/usr/bin/qemu-aarch64-static
    [ -x $qemu ] || apt-get install -y -qq --no-install-recommends qemu-user-static >/dev/null
    # ELF 64-bit little-endian, machine 0xb7 (AArch64); F: the interpreter is opened now, so it
    # works inside the root too.
    printf '%s' ':qemu-aarch64:M::\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\xb7\x00:\xff\xff\xff\xff\xff\xff\xff\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff:'$qemu':F' \
      > $binfmt/register
    say "registered $qemu for arm64 programs (echo -1 > $binfmt/qemu-aarch64 removes it)"
  fi
fi

# --- the root ---------------------------------------------------------------------------------
if [ ! -x "$root/usr/bin/apt-get" ]; then
  # The first Debian mirror of this machine's apt sources (deb822 or one-line format).
  mirror=$(cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
             2>/dev/null |
           sed -nE -e 's/^URIs:[[:space:]]*([^[:space:]]+).*/\1/p' \
                   -e 's/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+).*/\2/p' |
           grep -E '/debian/?$' | head -n 1)
  [ -n "$mirror" ] || fail "no Debian mirror in this machine's apt sources"
  say "debootstrap $release $arch into $root from $mirror"
  debootstrap --arch="$arch" --variant=minbase --foreign "$release" "$root" "$mirror" >/dev/null
  chroot "$root" /debootstrap/debootstrap --second-stage >/dev/null
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
for fs in proc sys dev dev/pts; do
  mountpoint -q "$root/$fs" || mount --bind "/$fs" "$root/$fs"
done
trap 'for fs in dev/pts dev sys proc; do umount "$root/$fs" 2>/dev/null || true; done' EXIT
in_root() { chroot "$root" env DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 "$@"; }

# --- install ----------------------------------------------------------------------------------
cp "$deb" "$root/tmp/"
in_root apt-get update -qq
# systemd for `systemd-analyze verify`, man-db for the manual pages: neither is a dependency.
in_root apt-get install -y -qq --no-install-recommends systemd man-db >/dev/null
say "apt install ./$(basename "$deb")"
in_root apt-get install -y --no-install-recommends "./tmp/$(basename "$deb")" 2>&1 |
  tee "$root/tmp/install.log" | grep -E '^(Setting up|Unpacking|E:|W:)' || true
in_root dpkg-query -W -f='${Status} ${Version}\n' chairhub | grep -q "install ok installed $version" ||
  fail "chairhub $version is not installed (see $root/tmp/install.log)"
say "Depends: $(dpkg-deb -f "$deb" Depends)"

# --- what the install left --------------------------------------------------------------------
in_root getent passwd chairhub >/dev/null || fail "no user chairhub"
for g in gpio i2c; do in_root getent group "$g" >/dev/null || fail "no group $g"; done
in_root test -L /etc/systemd/system/multi-user.target.wants/chairhubd.service ||
  fail "chairhubd.service is not enabled"
in_root chairhubd --help >/dev/null || fail "chairhubd does not run"
in_root chairhub --help >/dev/null || fail "chairhub does not run"
in_root chairhub check-config /etc/chairhub/chairhub.toml || fail "the shipped config is not valid"
in_root systemd-analyze verify /usr/lib/systemd/system/chairhubd.service > "$root/tmp/verify.txt" 2>&1 ||
  { cat "$root/tmp/verify.txt" >&2; fail "systemd-analyze verify failed"; }
[ ! -s "$root/tmp/verify.txt" ] || { cat "$root/tmp/verify.txt" >&2; fail "systemd-analyze verify complained"; }
say "unit verifies ($(in_root systemd-analyze --version | head -1))"
say "$(in_root systemd-analyze security --offline=true /usr/lib/systemd/system/chairhubd.service | tail -1)"
for page in chairhub chairhubd; do
  in_root man -w "$page" >/dev/null || fail "no manual page for $page"
done

# --- purge ------------------------------------------------------------------------------------
in_root apt-get purge -y -qq chairhub >/dev/null
! in_root dpkg-query -W chairhub 2>/dev/null | grep -q . || fail "chairhub still known to dpkg after purge"
for gone in /etc/chairhub /var/lib/chairhub /usr/lib/systemd/system/chairhubd.service \
            /etc/systemd/system/multi-user.target.wants/chairhubd.service; do
  in_root test ! -e "$gone" || fail "$gone is left after purge"
done
say "ok: installed, checked and purged in $release $arch"
