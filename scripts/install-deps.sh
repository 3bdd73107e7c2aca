#!/usr/bin/env bash
# Installs everything chairhub needs to build and test, from Debian bookworm's own packages,
# plus any further package names given as arguments (the HIL and cross-build scripts use that).
# Run as root (or with sudo). Safe to run again: only missing packages are installed.
set -euo pipefail

packages=(
  build-essential cmake pkg-config ninja-build
  libgtest-dev libgmock-dev libbenchmark-dev libcli11-dev
  libeigen3-dev nlohmann-json3-dev libtomlplusplus-dev libboost-dev
  time openssl libgpiod-dev gpiod libmosquitto-dev mosquitto mosquitto-clients libsystemd-dev
  # hardening: libFuzzer and ThreadSanitizer (clang), static analysis, a steppable wall clock
  clang-14 libclang-rt-14-dev clang-tidy cppcheck faketime libfaketime
  "$@"
)

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # Multi-Arch: same packages must match across architectures, so installing an :arm64 one may
  # also upgrade its amd64 twin.
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
