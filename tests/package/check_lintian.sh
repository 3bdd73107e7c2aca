#!/bin/sh
# Runs lintian on the package package.deb built (OUT_DIR/chairhub.deb): no error and no warning
# (E: or W:) may remain. Informational tags are printed but pass.
# usage: check_lintian.sh LINTIAN OUT_DIR
set -eu
lintian=$1 out=$2

deb=$out/chairhub.deb
[ -e "$deb" ] || { echo "FAIL: no $deb (package.deb makes it)" >&2; exit 1; }
deb=$(readlink -f "$deb")
"$lintian" --version
# --info: say why for each tag, so a failure explains itself.
"$lintian" --info --tag-display-limit 0 "$deb" > "$out/lintian.txt" 2>&1 || true
cat "$out/lintian.txt"
if grep -E '^[EW]: ' "$out/lintian.txt" >/dev/null; then
  echo "FAIL: lintian reports errors or warnings on $(basename "$deb")" >&2
  exit 1
fi
echo "ok: lintian $(basename "$deb"): $(grep -c '^[IPX]: ' "$out/lintian.txt" || true) other tags"
