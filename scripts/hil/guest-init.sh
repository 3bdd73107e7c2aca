#!/bin/busybox sh
# PID 1 of the qemu guest: load the simulators, set them up, run the probe, report, power off.
/bin/busybox --install -s /bin
export PATH=/bin:/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
echo "hil-guest: kernel $(uname -r)"

fail() { echo "hil-guest: $*"; echo "HIL-EXIT 1"; sync; reboot -f; }

for m in configfs i2c-dev irq_sim gpio-sim; do
  insmod /modules/$m.ko || fail "insmod $m failed"
done
insmod /modules/i2c-stub.ko chip_addr=0x48 || fail "insmod i2c-stub failed"
mount -t configfs none /sys/kernel/config || fail "cannot mount configfs"

# One gpio-sim chip, 32 lines named like a Pi's header lines.
cfg=/sys/kernel/config/gpio-sim/hil
mkdir $cfg $cfg/bank0 || fail "gpio-sim configfs missing"
echo 32 > $cfg/bank0/num_lines
echo hil-header > $cfg/bank0/label
i=0
while [ $i -lt 32 ]; do
  mkdir $cfg/bank0/line$i
  echo GPIO$i > $cfg/bank0/line$i/name
  i=$((i + 1))
done
echo 1 > $cfg/live || fail "gpio-sim chip did not go live"
chip=$(cat $cfg/bank0/chip_name)
dev=$(cat $cfg/dev_name)
export HIL_SIM_DIR=/sys/devices/platform/$dev/$chip
[ -d "$HIL_SIM_DIR" ] || fail "no $HIL_SIM_DIR"
echo "hil-guest: gpio-sim $dev/$chip, i2c-stub on $(ls /dev/i2c-*)"

# ADS1115 conversion register: SMBus word 0x3412 = bytes 0x12 0x34 = big-endian 0x1234.
i2cset -y 0 0x48 0x00 0x3412 w || fail "i2cset failed"

echo "hil-guest: probe built on this host"
/bin/hil-probe
rc=$?
if [ -x /bin/hil-probe-trixie ]; then
  echo "hil-guest: probe built in the trixie root"
  /bin/hil-probe-trixie
  other=$?
  [ $rc -ne 0 ] || rc=$other
else
  echo "hil-guest: no probe from a trixie root: the libgpiod 2 backend is not tested"
fi
echo "HIL-EXIT $rc"
sync
reboot -f
