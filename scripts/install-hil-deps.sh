#!/usr/bin/env bash
# Installs what the qemu hardware-in-the-loop test (scripts/hil/run.sh) needs, from Debian's own
# packages. The kernel, its headers and its source are not installed here: the test downloads
# them into its build directory at run time, so the host's own kernel stays untouched.
set -euo pipefail
exec bash "$(dirname "$0")/install-deps.sh" \
  qemu-system-x86 busybox-static cpio xz-utils zstd kmod \
  gcc make bc flex bison libelf-dev libssl-dev dwarves \
  dpkg-dev
