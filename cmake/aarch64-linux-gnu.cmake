# Cross-build for the Raspberry Pi (64-bit Raspberry Pi OS / Debian trixie or bookworm, arm64) on
# a Debian amd64 host of the same release with Debian's cross compiler and the :arm64 -dev
# packages installed side by side (multiarch; scripts/install-cross-deps.sh). Use:
#   cmake -S . -B build-arm64 -DCMAKE_TOOLCHAIN_FILE=cmake/aarch64-linux-gnu.cmake
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)

# Multiarch: arm64 libraries live in /usr/lib/aarch64-linux-gnu, headers in /usr/include; there is
# no separate sysroot. pkg-config must look only at the arm64 .pc files (plus the architecture-
# independent ones): PKG_CONFIG_LIBDIR replaces the default search path, PKG_CONFIG_PATH would
# only add to it and still find the amd64 libraries.
set(ENV{PKG_CONFIG_LIBDIR} "/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")

# Run arm64 programs (gtest discovery, ctest) under qemu-user. binfmt_misc may not be mounted
# (containers), so the emulator is called explicitly. No -L /usr/aarch64-linux-gnu: that loader
# belongs to the cross toolchain's libc (libc6-arm64-cross), while the program's libc.so.6 is
# then found in /lib/aarch64-linux-gnu (libc6:arm64, pulled in by the :arm64 -dev packages) and
# the two need not be the same build; with Debian 12's 2.36-8cross1 vs 2.36-9+deb12u14 every
# std::thread hung in pthread_create. Without -L qemu uses /lib/ld-linux-aarch64.so.1 from
# libc6:arm64, which matches.
find_program(CHAIRHUB_QEMU_AARCH64 qemu-aarch64 REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR "${CHAIRHUB_QEMU_AARCH64}")
