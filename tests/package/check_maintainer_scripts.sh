#!/bin/sh
# Runs the package's maintainer scripts (cmake/debian) against stub system tools and a scratch
# DPKG_ROOT, and checks what they ask the system to do on install, upgrade, remove and purge.
# usage: check_maintainer_scripts.sh SCRIPT_DIR WORK_DIR
set -eu
scripts=$1 work=$2

fail() { echo "FAIL: $*" >&2; echo "--- calls:" >&2; cat "$work/calls" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work/bin" "$work/root/run/systemd/system"
: > "$work/calls"

# Every tool the scripts may call is a stub that logs its arguments; was-enabled answers from
# STUB_WAS_ENABLED (deb-systemd-helper says "enabled" for a unit it has never seen).
for tool in systemd-sysusers udevadm deb-systemd-helper deb-systemd-invoke systemctl \
            groupadd useradd; do
  cat > "$work/bin/$tool" <<STUB
#!/bin/sh
echo "$tool \$*" >> "$work/calls"
if [ "$tool" = deb-systemd-helper ] && [ "\$1" = --quiet ] && [ "\$2" = was-enabled ]; then
  exit \${STUB_WAS_ENABLED:-0}
fi
exit 0
STUB
  chmod +x "$work/bin/$tool"
done

run() {  # run SCRIPT ARGS...: with the stubs first on PATH and the scratch root
  : > "$work/calls"
  s=$1; shift
  PATH="$work/bin:$PATH" DPKG_ROOT="$work/root" sh "$scripts/$s" "$@" ||
    fail "$s $* exited $?"
}
called() { grep -qx -- "$1" "$work/calls" || fail "expected call: $1"; }
not_called() { ! grep -q -- "$1" "$work/calls" || fail "unexpected call: $1"; }

# Fresh install: user and groups, udev, enable, start.
run postinst configure
called "systemd-sysusers chairhub.conf"
called "udevadm control --reload-rules"
called "udevadm trigger --action=change --subsystem-match=gpio --subsystem-match=i2c-dev"
called "deb-systemd-helper unmask chairhubd.service"
called "deb-systemd-helper enable chairhubd.service"
called "systemctl --system daemon-reload"
called "deb-systemd-invoke start chairhubd.service"
not_called groupadd

# Upgrade of a service the admin disabled: stays disabled, restarted.
STUB_WAS_ENABLED=1 run postinst configure 0.0.9
called "deb-systemd-helper update-state chairhubd.service"
not_called "deb-systemd-helper enable"
called "deb-systemd-invoke restart chairhubd.service"

# Without a running systemd (a chroot, an image build): enabled but not started.
rm -rf "$work/root/run/systemd"
run postinst configure
called "deb-systemd-helper enable chairhubd.service"
not_called deb-systemd-invoke
mkdir -p "$work/root/run/systemd/system"

# Remove: stopped first, then masked; the state directory stays.
mkdir -p "$work/root/var/lib/chairhub"
echo state > "$work/root/var/lib/chairhub/state.json"
run prerm remove
called "deb-systemd-invoke stop chairhubd.service"
run postrm remove
called "deb-systemd-helper mask chairhubd.service"
[ -f "$work/root/var/lib/chairhub/state.json" ] || fail "remove deleted the state"

# Purge: enablement state forgotten, state directory gone.
run postrm purge
called "deb-systemd-helper purge chairhubd.service"
called "deb-systemd-helper unmask chairhubd.service"
[ ! -e "$work/root/var/lib/chairhub" ] || fail "purge kept /var/lib/chairhub"

# An upgrade's prerm does not stop the service (postinst restarts it).
run prerm upgrade 0.1.0
not_called deb-systemd-invoke

echo "ok: maintainer scripts"
