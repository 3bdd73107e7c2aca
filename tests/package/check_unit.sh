#!/bin/sh
# Checks the service unit, in both variants the package may ship (cmake/debian/unit.cmake):
#   security: `systemd-analyze security --offline=true` exposure at most THRESHOLD (in tenths);
#   verify:   `systemd-analyze verify` says nothing, for each variant this systemd can run (the
#             systemd 253+ one needs 253); ExecStart points at the built daemon.
# usage: check_unit.sh security|verify SYSTEMD_ANALYZE WORK_DIR THRESHOLD_OR_DAEMON UNIT...
# Each UNIT is VARIANT=FILE, VARIANT being systemd252 or notify-reload.
set -eu
mode=$1 analyze=$2 work=$3 arg=$4
shift 4

fail() { echo "FAIL: $*" >&2; exit 1; }

version=$("$analyze" --version | sed -n '1s/^systemd \([0-9]*\).*/\1/p')
[ -n "$version" ] || fail "cannot tell the version of $analyze"
echo "systemd-analyze of systemd $version"

rm -rf "$work"
for unit in "$@"; do
  variant=${unit%%=*} file=${unit#*=}
  [ -f "$file" ] || fail "no unit $file"
  dir=$work/$variant
  mkdir -p "$dir"
  case $mode in
  security)
    cp "$file" "$dir/chairhubd.service"
    "$analyze" security --offline=true --threshold="$arg" "$dir/chairhubd.service" > "$dir/security.txt" 2>&1 ||
      { cat "$dir/security.txt" >&2; fail "$variant: exposure above $arg tenths"; }
    echo "$variant: $(grep 'Overall exposure' "$dir/security.txt")"
    ;;
  verify)
    if [ "$variant" = notify-reload ] && [ "$version" -lt 253 ]; then
      echo "$variant: not verified (Type=notify-reload needs systemd 253, this is $version)"
      continue
    fi
    sed "s|^ExecStart=/usr/bin/chairhubd |ExecStart=$arg |" "$file" > "$dir/chairhubd.service"
    # The manual page is not installed here; the install check verifies Documentation= too.
    (cd "$dir" && "$analyze" verify --man=no ./chairhubd.service) > "$dir/verify.txt" 2>&1 ||
      { cat "$dir/verify.txt" >&2; fail "$variant: systemd-analyze verify failed"; }
    [ ! -s "$dir/verify.txt" ] || { cat "$dir/verify.txt" >&2; fail "$variant: systemd-analyze verify complained"; }
    echo "$variant: verified"
    ;;
  *) fail "unknown mode $mode" ;;
  esac
done
