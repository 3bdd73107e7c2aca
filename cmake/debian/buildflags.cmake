# Debian's build flags, as a Debian package build gets them from dpkg-buildflags: _FORTIFY_SOURCE,
# -fstack-protector-strong (and stack-clash and branch protection where the release has them),
# format-string errors, and with hardening=+all also bindnow (-z now) next to relro.
#
# Included right after project() through CMAKE_PROJECT_INCLUDE (the `package` presets of
# CMakePresets.json), so every target is built with them:
#   cmake --preset package            or   -DCMAKE_PROJECT_INCLUDE=cmake/debian/buildflags.cmake
# A cross-build asks for the target's flags (DEB_HOST_ARCH). -g is dropped: the package ships
# stripped binaries and no debug-symbol package, so debug info would only cost build time.
include(${CMAKE_CURRENT_LIST_DIR}/arch.cmake)
find_program(CHAIRHUB_DPKG_BUILDFLAGS dpkg-buildflags REQUIRED)

if(NOT DEFINED ENV{DEB_BUILD_MAINT_OPTIONS})
  set(ENV{DEB_BUILD_MAINT_OPTIONS} "hardening=+all")
endif()
set(ENV{DEB_HOST_ARCH} ${CHAIRHUB_DEB_ARCH})

set(_chairhub_deb_flags "")
foreach(_kind CPPFLAGS CXXFLAGS LDFLAGS)
  # From the source directory, so -ffile-prefix-map maps it to "." (reproducible builds).
  execute_process(COMMAND ${CHAIRHUB_DPKG_BUILDFLAGS} --get ${_kind}
                  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                  OUTPUT_VARIABLE _flags OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
  string(REGEX REPLACE "(^| )-g( |$)" " " _flags "${_flags}")
  string(STRIP "${_flags}" _chairhub_${_kind})
endforeach()
unset(ENV{DEB_HOST_ARCH})

# CMake has no CPPFLAGS of its own: the preprocessor flags go with the compiler's.
set(CMAKE_CXX_FLAGS "${CMAKE_CXX_FLAGS} ${_chairhub_CPPFLAGS} ${_chairhub_CXXFLAGS}")
foreach(_kind EXE SHARED MODULE)
  set(CMAKE_${_kind}_LINKER_FLAGS "${CMAKE_${_kind}_LINKER_FLAGS} ${_chairhub_LDFLAGS}")
endforeach()
message(STATUS "dpkg-buildflags (${CHAIRHUB_DEB_ARCH}): ${_chairhub_CPPFLAGS} ${_chairhub_CXXFLAGS} ${_chairhub_LDFLAGS}")
