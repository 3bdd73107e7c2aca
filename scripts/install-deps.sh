#!/usr/bin/env bash
# Installs what chairhub needs to build and run its functional tests, from the running Debian
# release's own packages (12 "bookworm" or 13 "trixie", which Raspberry Pi OS follows).
#   --deep      also the tools of `scripts/test.sh --deep`: clang with its libFuzzer and sanitizer
#               runtime, clang-tidy, cppcheck, libfaketime, debootstrap
#   NAME...     further packages (the HIL and cross-build scripts use that)
# Run as root (or with sudo). Safe to run again: only missing packages are installed.
set -euo pipefail

# shellcheck source=/dev/null
. /etc/os-release
# clang comes in a versioned package with its libFuzzer/sanitizer runtime beside it.
case ${VERSION_CODENAME:-} in
  bookworm) llvm=14 ;;
  trixie) llvm=19 ;;
  *)
    echo "install-deps: Debian ${VERSION_CODENAME:-(unknown)} is not one chairhub knows;" \
         "it builds on bookworm (12) and trixie (13)" >&2
    exit 1 ;;
esac

packages=(
  build-essential cmake pkg-config ninja-build
  libgtest-dev libgmock-dev libbenchmark-dev libcli11-dev
  libeigen3-dev nlohmann-json3-dev libtomlplusplus-dev libboost-dev
  time openssl libgpiod-dev gpiod libmosquitto-dev mosquitto mosquitto-clients libsystemd-dev
  libsqlite3-dev libcrypt-dev
  # the chair's page in a real browser (tests/web/browser)
  chromium
  # the package checks: building the .deb, lintian, the man pages, systemd-analyze on the unit
  dpkg-dev lintian groff-base man-db systemd
)
# The test of the Node-RED example flow runs a real Node-RED (scripts/install-npm-tool.sh), with
# node and npm: Debian's, unless the machine already has them (another Node.js package that
# bundles npm conflicts with Debian's npm package).
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
if [ "${1:-}" = --deep ]; then
  shift
  # libFuzzer and ThreadSanitizer (clang), static analysis, a steppable wall clock, the trixie root
  packages+=(clang "clang-$llvm" "libclang-rt-$llvm-dev" clang-tidy cppcheck faketime libfaketime
             debootstrap)
fi
packages+=("$@")

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

# Node-RED (the example flow's test) and playwright-core (the page's browser tests) come from
# npm into the user's cache (not the source tree), as the user who runs the tests rather than
# root. Without the network this fails; those tests then say so.
for tool in node-red playwright-core; do
  install=(bash "$(dirname "$0")/install-npm-tool.sh" "$tool")
  if [ -n "${SUDO_USER:-}" ] && [ "$(id -u)" -eq 0 ]; then install=(sudo -u "$SUDO_USER" -H "${install[@]}"); fi
  "${install[@]}" >/dev/null ||
    echo "install-deps: $tool could not be installed (network?); run scripts/install-npm-tool.sh $tool later" >&2
done
