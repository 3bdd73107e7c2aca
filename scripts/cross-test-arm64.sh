#!/usr/bin/env bash
# Cross-builds chairhub for arm64 (the Raspberry Pi's 64-bit OS), runs the tests that can run
# under qemu-user, and builds the arm64 Debian package for the release this machine runs: Debian
# 13 trixie or 12 bookworm (an amd64 machine or root of that release; the package links against
# its :arm64 libraries). Run from anywhere, as root (or with sudo rights). Build directory:
# build-arm64 (or $CHAIRHUB_ARM64_BUILD). The build is the `arm64` preset: the `package-arm64`
# one (the release's hardening flags, CMakePresets.json) with the tests added, so the package it
# leaves is the one a package-only build makes: chairhub_<version>-<revision>~deb<N>_arm64.deb.
#
# Run under qemu: the gtest suites of the layers below MQTT (core_tests … eval_tests, hw_tests), mqtt_tests
# without the suites that start a broker and chair processes, the shipped-config checks (the
# arm64 `chairhub`), and the package checks (host tools on the arm64 build). Not run: tests
# that start arm64 programs from a host process or shell script (golden, smartseat, cli,
# service, the broker suites: no binfmt_misc here to run them), and the qemu-system HIL test.
#
#   --package-only   only the package (the `package-arm64` preset: no tests, no GoogleTest), in
#                    build-package-arm64, checked by lintian
set -euo pipefail
cd "$(dirname "$0")/.."
package_only=0
[ "${1:-}" = --package-only ] && package_only=1

bash scripts/install-cross-deps.sh

dir=${CHAIRHUB_ARM64_BUILD:-build-arm64}
preset=arm64
if [ $package_only = 1 ]; then
  dir=${CHAIRHUB_ARM64_BUILD:-build-package-arm64}
  preset=package-arm64
fi
jobs=$(nproc)
t0=$(date +%s)

release=$(. /etc/os-release && echo "${PRETTY_NAME:-unknown}")
echo "== arm64: configure and build ($dir) for $release"
cmake --preset "$preset" -B "$dir" >/dev/null
cmake --build "$dir" -j "$jobs"
t1=$(date +%s)

if [ $package_only = 1 ]; then
  echo "== arm64: Debian package"
  cpack --config "$dir/CPackConfig.cmake" -G DEB -B "$dir" >/dev/null
  deb=$(ls "$dir"/chairhub_*_arm64.deb)
  dpkg-deb -f "$deb" Package Version Architecture Depends
  ln -sf "$(basename "$deb")" "$dir/chairhub.deb"
  sh tests/package/check_lintian.sh lintian "$dir"
  echo "arm64: build $((t1 - t0)) s, package $(($(date +%s) - t1)) s: $deb"
  exit 0
fi

echo "== arm64: tests under qemu-user"
ctest --test-dir "$dir" --show-only=json-v1 > "$dir/tests.json"
# Picks the tests by the program they run (the argument after qemu-aarch64 and its options),
# writes ctest's -I spec (test numbers) and says what it leaves out.
perl -MJSON::PP -e '
  my $d = decode_json(do { local $/; <STDIN> });
  my @tests = @{ $d->{tests} };
  my (@run, %left);
  for my $i (0 .. $#tests) {
    my $name = $tests[$i]{name};
    my @cmd = @{ $tests[$i]{command} // [] };
    my $prog = "";
    if (@cmd && $cmd[0] =~ m{qemu-aarch64$}) {
      my $k = 1;
      $k += ($cmd[$k] eq "-L" ? 2 : 1) while $k < @cmd && $cmd[$k] =~ /^-/;
      $prog = (split m{/}, $cmd[$k])[-1] if $k < @cmd;
    }
    my $ok = $name =~ /^package\./
          || $prog =~ /^((core|log|events|calibration|analysis|config|replay|sim|eval|hw)_tests|chairhub)$/
          || ($prog eq "mqtt_tests" && $name !~ /^(AclTest|BrokerTest|ReplayTest|TlsTest)\./);
    if ($ok) { push @run, $i + 1 }
    else { $left{ $prog || (@cmd ? (split m{/}, $cmd[0])[-1] : "not built") }++ }
  }
  die "no tests selected\n" unless @run;
  print STDERR "selected ", scalar(@run), " of ", scalar(@tests), " tests; left out: ",
    join(", ", map { "$_ ($left{$_})" } sort keys %left), "\n";
  print "0,0,0,", join(",", @run), "\n";
' < "$dir/tests.json" > "$dir/arm64-tests.txt"
# (the spec goes on the command line: ctest reads only part of a long line from a file)
ctest --test-dir "$dir" -I "$(cat "$dir/arm64-tests.txt")" --output-on-failure -j "$jobs" \
      --timeout 300
t2=$(date +%s)

echo "== arm64: Debian package"
cpack --config "$dir/CPackConfig.cmake" -G DEB -B "$dir" >/dev/null
deb=$(ls "$dir"/chairhub_*_arm64.deb)
dpkg-deb -f "$deb" Package Version Architecture Depends
t3=$(date +%s)

echo "arm64: build $((t1 - t0)) s, tests $((t2 - t1)) s, package $((t3 - t2)) s: $deb"
