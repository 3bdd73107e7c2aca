#!/usr/bin/env bash
# Hardware-in-the-loop test: boots Debian's stock kernel under qemu (TCG) with the kernel's own
# GPIO and I2C simulators and runs a test program against them.
#
#   scripts/hil/run.sh <test-program> <work-dir> [<trixie-root>]
#
# <test-program> is the probe built here (the libgpiod 1.6 backend on bookworm). Given a second
# Debian root with the project's build dependencies (third argument or HIL_TRIXIE_ROOT, e.g. a
# trixie root), the probe is also built there (scripts/hil/build-in-root.sh; HIL_TRIXIE_PROBE
# names a ready-built one instead) and runs in the same guest with that root's libraries and
# loader: the libgpiod 2 backend against the same gpio-sim. Without one, only the first runs.
#
# Everything downloaded or built goes to <work-dir> (a build directory; nothing is committed):
# the kernel image, headers, kbuild and source packages of the newest 6.12 kernel the archive
# has, gpio-sim and irq_sim built from that source as out-of-tree modules, and an initramfs with
# busybox, the modules, the program and its libraries. The guest prints the program's output and
# a marker line "HIL-EXIT <code>"; this script exits with that code.
# Exit 77 (CTest SKIP) only when qemu or the kernel packages cannot be had, saying why.
set -euo pipefail

SKIP=77
here=$(cd "$(dirname "$0")" && pwd)
prog=${1:?usage: run.sh <test-program> <work-dir>}
work=${2:?usage: run.sh <test-program> <work-dir>}
prog=$(readlink -f "$prog")
mkdir -p "$work"
work=$(readlink -f "$work")
trixie_root=${3:-${HIL_TRIXIE_ROOT:-}}

skip() { echo "SKIP: $*" >&2; exit $SKIP; }
say() { echo "hil: $*" >&2; }

# --- tools -----------------------------------------------------------------------------------
need_tools() {
  local missing=()
  for t in qemu-system-x86_64 cpio xz make gcc-12 flex bison bc dpkg-deb apt-get; do
    command -v "$t" >/dev/null 2>&1 || missing+=("$t")
  done
  # The guest has no libc of its own for busybox: it must be the static build.
  { [ -x /bin/busybox ] && ! ldd /bin/busybox >/dev/null 2>&1; } || missing+=("busybox-static")
  echo "${missing[@]:-}"
}
missing=$(need_tools)
if [ -n "$missing" ]; then
  if [ "$(id -u)" -eq 0 ] && [ -x "$here/../install-hil-deps.sh" ]; then
    say "installing missing tools: $missing"
    "$here/../install-hil-deps.sh" >&2 || true
    missing=$(need_tools)
  fi
  [ -z "$missing" ] || skip "missing tools: $missing (run scripts/install-hil-deps.sh as root)"
fi

# --- kernel version: the newest linux-image-6.12.*-amd64-unsigned the archive offers ----------
find_abi() {
  apt-cache search --names-only '^linux-image-6\.12\.[0-9]+\+deb12-amd64-unsigned$' 2>/dev/null |
    awk '{print $1}' | sed -e 's/^linux-image-//' -e 's/-unsigned$//' | sort -V | tail -1
}
abi=${HIL_KERNEL_ABI:-$(find_abi)}
if [ -z "$abi" ] && [ "$(id -u)" -eq 0 ]; then
  say "no 6.12 kernel in the package lists; running apt-get update"
  apt-get update -qq >&2 || true
  abi=$(find_abi)
fi
[ -n "$abi" ] || skip "no linux-image-6.12.*+deb12-amd64-unsigned package known to apt"
upstream=${abi%%+*}                 # 6.12.117
flavour_less=${abi%-amd64}          # 6.12.117+deb12
pkgver=$(apt-cache policy "linux-image-$abi-unsigned" | awk '/Candidate:/ {print $2}')
say "kernel $abi (package version $pkgver)"

# --- packages ---------------------------------------------------------------------------------
debs="$work/debs"
mkdir -p "$debs"
pkgs=("linux-image-$abi-unsigned" "linux-headers-$abi" "linux-headers-$flavour_less-common"
      "linux-kbuild-$flavour_less" "linux-source-6.12")
for p in "${pkgs[@]}"; do
  if ! ls "$debs/${p}_${pkgver//:/%3a}_"*.deb >/dev/null 2>&1; then
    say "downloading $p=$pkgver"
    # _apt cannot write into root-owned build dirs: download as the caller, into the dir.
    (cd "$debs" && apt-get download -q "$p=$pkgver" >&2 2>/dev/null) ||
      (cd "$debs" && apt-get -o APT::Sandbox::User=root download -q "$p=$pkgver" >&2) ||
      skip "cannot download $p=$pkgver"
  fi
done

root="$work/root-$abi"
if [ ! -e "$root/.unpacked" ]; then
  say "unpacking kernel, headers and kbuild"
  rm -rf "$root"
  mkdir -p "$root"
  for p in "${pkgs[@]:0:4}"; do dpkg-deb -x "$debs/${p}_${pkgver//:/%3a}_"*.deb "$root"; done
  # The headers' Makefile includes the common part by absolute path: point it at our copy.
  sed -i "s|/usr/src/|$root/usr/src/|" "$root/usr/src/linux-headers-$abi/Makefile"
  touch "$root/.unpacked"
fi
kdir="$root/usr/src/linux-headers-$abi"
mods="$root/lib/modules/$abi"

# --- gpio-sim and irq_sim as out-of-tree modules ----------------------------------------------
src="$work/src-$upstream"
if [ ! -e "$src/.extracted" ]; then
  say "extracting gpio-sim.c and irq_sim.c from linux-source-6.12"
  rm -rf "$src"
  mkdir -p "$src"
  dpkg-deb --fsys-tarfile "$debs/linux-source-6.12_${pkgver//:/%3a}_"*.deb |
    tar -xO ./usr/src/linux-source-6.12.tar.xz | xz -dc -T0 |
    tar -x -C "$src" --strip-components=1 --wildcards \
      'linux-source-6.12/drivers/gpio/gpio-sim.c' 'linux-source-6.12/kernel/irq/irq_sim.c'
  touch "$src/.extracted"
fi
modbuild="$work/modules-$abi"
if [ ! -e "$modbuild/gpio-sim.ko" ] || [ ! -e "$modbuild/irq_sim.ko" ]; then
  say "building gpio-sim.ko and irq_sim.ko"
  rm -rf "$modbuild"
  mkdir -p "$modbuild"
  cp "$src/drivers/gpio/gpio-sim.c" "$modbuild/"
  # Debian leaves CONFIG_IRQ_SIM unset: build it as a module of its own. irq_to_desc is not
  # exported to modules; generic_handle_irq does the same by number.
  sed -e 's/handle_simple_irq(irq_to_desc(\([^)]*\)))/generic_handle_irq(\1)/' \
    "$src/kernel/irq/irq_sim.c" > "$modbuild/irq_sim.c"
  grep -q 'generic_handle_irq' "$modbuild/irq_sim.c" || { echo "hil: irq_sim.c patch did not apply" >&2; exit 1; }
  printf '\n#include <linux/module.h>\nMODULE_LICENSE("GPL");\nMODULE_DESCRIPTION("irq_sim for the chairhub HIL test");\n' >> "$modbuild/irq_sim.c"
  printf 'obj-m := irq_sim.o gpio-sim.o\n' > "$modbuild/Kbuild"
  make -C "$kdir" M="$modbuild" CC=gcc-12 modules >"$modbuild/build.log" 2>&1 ||
    { tail -30 "$modbuild/build.log" >&2; echo "hil: module build failed" >&2; exit 1; }
fi

# --- the probe of the second root ------------------------------------------------------------
trixie_prog=""
if [ -n "$trixie_root" ]; then
  trixie_root=$(readlink -f "$trixie_root")
  trixie_prog=${HIL_TRIXIE_PROBE:-}
  if [ -z "$trixie_prog" ]; then
    say "building the probe in $trixie_root"
    trixie_prog="$work/hil-probe-trixie"
    "$here/build-in-root.sh" "$trixie_root" "$trixie_prog"
  fi
  say "also testing the probe built in $trixie_root"
else
  say "no trixie root given (HIL_TRIXIE_ROOT or a third argument): testing $(basename "$prog") only"
fi

# --- initramfs --------------------------------------------------------------------------------
initrd="$work/initramfs"
rm -rf "$initrd"
mkdir -p "$initrd"/{bin,sbin,proc,sys,dev,tmp,mnt,modules,lib64}
cp /bin/busybox "$initrd/bin/busybox"
for m in fs/configfs/configfs drivers/i2c/i2c-dev drivers/i2c/i2c-stub; do
  f="$mods/kernel/$m.ko.xz"
  [ -e "$f" ] || { echo "hil: $f missing from the image package" >&2; exit 1; }
  xz -dc "$f" > "$initrd/modules/$(basename "$m").ko"
done
cp "$modbuild/irq_sim.ko" "$modbuild/gpio-sim.ko" "$initrd/modules/"
cp "$prog" "$initrd/bin/hil-probe"
# The program's shared libraries and the loader, at the paths ldd names.
ldd "$prog" | awk '/=>/ {print $3; next} $1 ~ /^\// {print $1}' | while read -r lib; do
  [ -n "$lib" ] && [ -e "$lib" ] || continue
  mkdir -p "$initrd$(dirname "$lib")"
  cp -L "$lib" "$initrd$lib"
done
if [ -n "$trixie_prog" ]; then
  # Under /trixie with its own loader, started by hand with that root's library directories, so
  # its libc does not meet the host's.
  other="$initrd/trixie"
  mkdir -p "$other/bin"
  cp "$trixie_prog" "$other/bin/hil-probe"
  libdirs="$trixie_root/lib/x86_64-linux-gnu:$trixie_root/usr/lib/x86_64-linux-gnu"
  loader="$trixie_root/lib64/ld-linux-x86-64.so.2"
  [ -e "$loader" ] || { echo "hil: no loader at $loader" >&2; exit 1; }
  cp -L "$loader" "$other/ld.so"
  mkdir -p "$other/lib"
  # Every library but the loader, which is already there as ld.so.
  "$loader" --library-path "$libdirs" --list "$trixie_prog" | awk '/=>/ && $1 !~ /^ld-linux/ {print $3}' |
    while read -r lib; do
      [ -n "$lib" ] && [ -e "$lib" ] || continue
      cp -L "$lib" "$other/lib/$(basename "$lib")"
    done
  printf '#!/bin/sh\nexec /trixie/ld.so --library-path /trixie/lib /trixie/bin/hil-probe "$@"\n' > "$initrd/bin/hil-probe-trixie"
  chmod 0755 "$initrd/bin/hil-probe-trixie"
fi
install -m 0755 "$here/guest-init.sh" "$initrd/init"
(cd "$initrd" && find . | cpio -o -H newc --quiet) > "$work/initramfs.cpio"

# --- boot -------------------------------------------------------------------------------------
log="$work/console.log"
say "booting (log: $log)"
set +e
timeout 600 qemu-system-x86_64 -machine q35,accel=tcg -cpu max -m 512 -smp 1 \
  -nographic -nic none -no-reboot \
  -kernel "$root/boot/vmlinuz-$abi" -initrd "$work/initramfs.cpio" \
  -append "console=ttyS0 panic=-1 quiet" </dev/null >"$log" 2>&1
qemu_rc=$?
set -e
tr -d '\r' < "$log" | sed -n '/^hil-guest:/,$p' | grep -v '^\[' >&2 || true
code=$(tr -d '\r' < "$log" | sed -n 's/^HIL-EXIT \([0-9]*\)$/\1/p' | tail -1)
if [ -z "$code" ]; then
  echo "hil: no HIL-EXIT marker from the guest (qemu exit $qemu_rc); console tail:" >&2
  tail -40 "$log" >&2
  exit 1
fi
exit "$code"
