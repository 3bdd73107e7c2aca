#!/usr/bin/env bash
# Installs what the arm64 (Raspberry Pi) cross-build, its qemu-user test run and the package
# checks need, from the Debian release this machine runs (bookworm or trixie, read from
# /etc/os-release; the package is built for that release): the aarch64 cross compiler, qemu-user,
# the arm64 variants of the architecture-dependent -dev packages of scripts/install-deps.sh, and
# the package checks' tools (lintian, groff and man-db, systemd-analyze). Header-only packages
# that are Architecture: all (CLI11, Eigen, nlohmann-json) serve both architectures as they are;
# Boost's headers come in through libboost-dev:arm64 so its CMake files are there for arm64 too.
# Run as root (or with sudo). Safe to run again.
set -euo pipefail

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

release=$(. /etc/os-release && echo "${VERSION_CODENAME:-unknown}")
native=(crossbuild-essential-arm64 qemu-user dpkg-dev perl cmake ninja-build pkg-config
        libcli11-dev libeigen3-dev nlohmann-json3-dev lintian groff-base man-db systemd)
arm64=(libc6 libgtest-dev libgmock-dev libtomlplusplus-dev libboost-dev libgpiod-dev libmosquitto-dev
       libsystemd-dev libsqlite3-dev libcrypt-dev)
# The names are the same on both releases today; what differs is what they hold (libgpiod-dev is
# 1.6 on bookworm, 2.2 on trixie, whose run-time package is libgpiod3). A release that differs
# gets its own case here.
case $release in
  bookworm|trixie) ;;
  *) echo "install-cross-deps: $release is neither bookworm nor trixie; trying trixie's names" >&2 ;;
esac

packages=("${native[@]}")
for p in "${arm64[@]}"; do packages+=("$p:arm64"); done

need_update=0
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  echo "adding the arm64 architecture to dpkg"
  $SUDO dpkg --add-architecture arm64
  need_update=1
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ] || [ $need_update -eq 1 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # Multi-Arch: same packages must be the same version on amd64 and arm64, so this may also
  # upgrade a few amd64 libraries to the version the arm64 ones have.
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
