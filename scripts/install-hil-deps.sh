#!/usr/bin/env bash
# Installs what the qemu hardware-in-the-loop test (scripts/hil/run.sh) needs, from Debian's own
# packages. The kernel, its headers and its source are not installed here: the test downloads
# them into its build directory at run time, so the host's own kernel stays untouched.
# Run as root (or with sudo). Safe to run again: only missing packages are installed.
set -euo pipefail

packages=(
  qemu-system-x86 busybox-static cpio xz-utils zstd kmod
  gcc make bc flex bison libelf-dev libssl-dev dwarves
  dpkg-dev
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
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "hil deps: all present"
fi
