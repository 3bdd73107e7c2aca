#!/usr/bin/env bash
# Installs what the arm64 (Raspberry Pi) cross-build and its qemu-user test run need, from
# Debian bookworm's own packages: the aarch64 cross compiler, qemu-user, and the arm64 variants
# of the architecture-dependent -dev packages of scripts/install-deps.sh. Header-only packages
# that are Architecture: all (CLI11, Eigen, nlohmann-json) serve both architectures as they are;
# Boost's headers come in through libboost-dev:arm64 so its CMake files are there for arm64 too.
# Run as root (or with sudo). Safe to run again.
set -euo pipefail

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

native=(crossbuild-essential-arm64 qemu-user dpkg-dev perl libcli11-dev libeigen3-dev nlohmann-json3-dev)
arm64=(libc6 libgtest-dev libgmock-dev libtomlplusplus-dev libboost-dev libgpiod-dev libmosquitto-dev
       libsystemd-dev)

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
