#!/bin/sh
# Builds the Debian package from a build directory with CPack and checks what is in it.
# usage: check_deb.sh CPACK BUILD_DIR OUT_DIR SOURCE_DIR HAS_DAEMON(0|1) GPIOD_PACKAGE HARDENED(0|1)
# GPIOD_PACKAGE is the libgpiod run-time package of the release built for (libgpiod2 on bookworm,
# libgpiod3 on trixie); HARDENED=1 when the build has dpkg-buildflags (cmake/debian/buildflags.cmake).
# Leaves OUT_DIR/chairhub.deb (a link to the package) for package.lintian.
set -eu
cpack=$1 build=$2 out=$3 src=$4 daemon=$5 gpiod=$6 hardened=$7

fail() { echo "FAIL: $*" >&2; exit 1; }

# The architecture cmake/packaging.cmake chose for this build (amd64, or arm64 when cross-built).
arch=$(sed -n 's/^set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE "\([^"]*\)")$/\1/p' "$build/CPackConfig.cmake")
[ -n "$arch" ] || fail "no CPACK_DEBIAN_PACKAGE_ARCHITECTURE in $build/CPackConfig.cmake"

rm -rf "$out"
mkdir -p "$out"
(cd "$build" && "$cpack" --config "$build/CPackConfig.cmake" -G DEB -B "$out") > "$out/cpack.log" 2>&1 ||
  { cat "$out/cpack.log" >&2; fail "cpack"; }

# Version and release in the file name: chairhub_0.1.0-1~deb13_arm64.deb.
version=$(sed -n 's/^set(CPACK_DEBIAN_PACKAGE_VERSION "\([^"]*\)")$/\1/p' "$build/CPackConfig.cmake")
revision=$(sed -n 's/^set(CPACK_DEBIAN_PACKAGE_RELEASE "\([^"]*\)")$/\1/p' "$build/CPackConfig.cmake")
case $revision in *~deb[0-9]*|*~[a-z]*) ;; *) fail "revision '$revision' names no release" ;; esac
deb=$out/chairhub_${version}-${revision}_$arch.deb
[ -f "$deb" ] || { ls -l "$out" >&2; fail "expected $deb"; }
ln -sf "$(basename "$deb")" "$out/chairhub.deb"
echo "package: $deb"

# Control fields.
[ "$(dpkg-deb -f "$deb" Package)" = chairhub ] || fail "Package is not chairhub"
[ "$(dpkg-deb -f "$deb" Architecture)" = "$arch" ] || fail "Architecture is not $arch"
[ "$(dpkg-deb -f "$deb" Version)" = "$version-$revision" ] || fail "Version is not $version-$revision"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libc6 libstdc++6 libtomlplusplus3; do
  echo "$depends" | grep -q "$lib" || fail "Depends lacks $lib (shlibdeps)"
done
if [ "$daemon" = 1 ]; then
  for lib in "$gpiod" libmosquitto1 libsystemd0; do
    echo "$depends" | grep -q "$lib" || fail "Depends lacks $lib (shlibdeps)"
  done
fi

# Files.
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' > "$out/files"
need() { grep -qx -- "$1" "$out/files" || fail "not in the package: $1"; }
need /usr/bin/chairhub
need /usr/lib/udev/rules.d/60-chairhub.rules
need /usr/lib/sysusers.d/chairhub.conf
need /etc/chairhub/chairhub.toml
need /usr/share/doc/chairhub/README.md
need /usr/share/doc/chairhub/mqtt.md
need /usr/share/doc/chairhub/log-format.md
need /usr/share/doc/chairhub/hw/README.md
need /usr/share/doc/chairhub/copyright
need /usr/share/doc/chairhub/changelog.Debian.gz
need /usr/share/man/man1/chairhub.1.gz
if [ "$daemon" = 1 ]; then
  need /usr/bin/chairhubd
  need /usr/lib/systemd/system/chairhubd.service
  need /usr/share/man/man8/chairhubd.8.gz
fi
if grep -E '^/usr/local|/build|gtest|/tests/|/doc/chairhub/man/' "$out/files"; then
  fail "stray files in the package"
fi

# Maintainer scripts and conffiles.
dpkg-deb -e "$deb" "$out/control"
grep -qx /etc/chairhub/chairhub.toml "$out/control/conffiles" || fail "config is not a conffile"
for s in postinst prerm postrm; do
  [ -x "$out/control/$s" ] || fail "$s missing or not executable"
  sh -n "$out/control/$s" || fail "$s: syntax"
  cmp -s "$out/control/$s" "$src/cmake/debian/$s" || fail "$s differs from cmake/debian/$s"
done

# Contents as shipped, and binaries for the right machine (ELF e_machine at byte 18).
dpkg-deb -x "$deb" "$out/root"
cmp "$out/root/etc/chairhub/chairhub.toml" "$src/config/chairhub.toml" || fail "config differs"
cmp "$out/root/usr/lib/udev/rules.d/60-chairhub.rules" "$src/systemd/60-chairhub.rules" ||
  fail "udev rule differs"
gzip -dc "$out/root/usr/share/doc/chairhub/changelog.Debian.gz" | head -1 |
  grep -qF "chairhub ($version-$revision) " || fail "changelog's newest entry is not $version-$revision"
if [ "$daemon" = 1 ]; then
  # The variant for this build's systemd (cmake/debian/unit.cmake).
  cmp "$out/root/usr/lib/systemd/system/chairhubd.service" "$build/packaging/chairhubd.service" ||
    fail "unit differs from the one made for this build ($build/packaging/chairhubd.service)"
fi
case $arch in
  amd64) machine=3e ;;
  arm64) machine=b7 ;;
  *) machine= ;;
esac
for b in "$out"/root/usr/bin/*; do
  got=$(od -An -tx1 -j18 -N1 "$b" | tr -d ' ')
  [ -z "$machine" ] || [ "$got" = "$machine" ] || fail "$b: ELF machine 0x$got, want 0x$machine"
  # Stripped; and with the release's hardening: full RELRO (relro + bindnow), fortified calls.
  if command -v readelf >/dev/null 2>&1; then
    ! readelf -S "$b" | grep -q '\.symtab' || fail "$b: not stripped"
    if [ "$hardened" = 1 ]; then
      readelf -lW "$b" | grep -q GNU_RELRO || fail "$b: no RELRO"
      readelf -dW "$b" | grep -q 'FLAGS.*BIND_NOW' || fail "$b: no BIND_NOW"
      readelf --dyn-syms -W "$b" | grep -q '__[a-z_]*_chk' || fail "$b: no fortified calls"
    fi
  fi
done

echo "ok: $(wc -l < "$out/files") entries, $(du -k "$deb" | cut -f1) KiB"
