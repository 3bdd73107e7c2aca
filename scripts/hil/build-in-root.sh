#!/usr/bin/env bash
# Builds the HIL probe (hw_hil_probe) inside another Debian root, e.g. a trixie root made with
# debootstrap, so that the probe uses that release's libgpiod. The root needs the project's
# build dependencies installed. Needs root (chroot and bind mounts).
#
#   scripts/hil/build-in-root.sh <root-dir> <output-file>
#
# The source tree is bind-mounted into the root read-only; the build directory stays inside the
# root (/var/tmp/chairhub-hil-build) so a second run only rebuilds what changed.
set -euo pipefail
root=${1:?usage: build-in-root.sh <root-dir> <output-file>}
out=${2:?usage: build-in-root.sh <root-dir> <output-file>}
root=$(readlink -f "$root")
src=$(cd "$(dirname "$0")/../.." && pwd)
[ -x "$root/usr/bin/cmake" ] || { echo "hil: $root has no cmake: install the build dependencies there first" >&2; exit 1; }

mounted=()
cleanup() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount "${mounted[i]}" || true; done
}
trap cleanup EXIT
bind() {  # bind <from> <to-inside-root> [ro]
  local target="$root$2"
  mkdir -p "$target"
  mountpoint -q "$target" && return 0
  mount --bind "$1" "$target"
  mounted+=("$target")
  if [ "${3:-}" = ro ]; then mount -o remount,bind,ro "$target"; fi
}
bind /dev /dev
bind /proc /proc
bind "$src" /mnt/chairhub-src ro

launcher=()
[ -x "$root/usr/bin/ccache" ] && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
  cmake -S /mnt/chairhub-src -B /var/tmp/chairhub-hil-build -G Ninja -DCHAIRHUB_BENCH=OFF "${launcher[@]}" >&2
chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
  cmake --build /var/tmp/chairhub-hil-build --target hw_hil_probe -j2 >&2
cp "$root/var/tmp/chairhub-hil-build/tests/hw/hw_hil_probe" "$out"
