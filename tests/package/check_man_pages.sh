#!/bin/sh
# Checks the manual pages (docs/man): they format without a warning (groff -ww, man --warnings),
# and they name every command and option the programs' --help lists.
# usage: check_man_pages.sh MAN_DIR CHAIRHUB CHAIRHUBD|- [EMULATOR...]
# CHAIRHUBD is - in a build without the daemon; EMULATOR runs a cross-built program (qemu).
set -eu
mandir=$1 chairhub=$2 chairhubd=$3
shift 3

fail() { echo "FAIL: $*" >&2; exit 1; }

pages="$mandir/chairhub.1"
[ "$chairhubd" = - ] || pages="$pages $mandir/chairhubd.8"

for page in $pages; do
  if command -v groff >/dev/null 2>&1; then
    out=$(groff -ww -z -man -Tutf8 "$page" 2>&1) || fail "$page: groff failed: $out"
    [ -z "$out" ] || fail "$page: groff: $out"
  fi
  if command -v man >/dev/null 2>&1; then
    out=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$page" 2>&1 >/dev/null) ||
      fail "$page: man failed: $out"
    [ -z "$out" ] || fail "$page: man --warnings: $out"
  fi
  echo "formats cleanly: $page"
done

# Long options of a --help text, one a line (CLI11 lists them as "-c,--config TEXT" and the like).
long_options() { grep -o -- '--[a-z][a-z-]*' | sort -u; }

# NAME is in PAGE as roff writes it (each - as \-).
covers() {
  page=$1 name=$2
  roff=$(printf '%s' "$name" | sed 's/-/\\\\-/g')
  grep -q -- "$roff" "$page" || fail "$page does not mention $name"
}

help_of() { "$@" --help 2>&1 || true; }

commands=$(help_of "$@" "$chairhub" | sed -n '/^Subcommands:/,$p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$commands" ] || fail "no subcommands in 'chairhub --help'"
for cmd in $commands; do
  covers "$mandir/chairhub.1" "$cmd"
  for opt in $(help_of "$@" "$chairhub" "$cmd" | long_options); do
    covers "$mandir/chairhub.1" "$opt"
  done
done
echo "chairhub.1 covers: $(echo $commands)"

if [ "$chairhubd" != - ]; then
  for opt in $(help_of "$@" "$chairhubd" | long_options); do
    covers "$mandir/chairhubd.8" "$opt"
  done
  echo "chairhubd.8 covers: $(help_of "$@" "$chairhubd" | long_options | tr '\n' ' ')"
fi
