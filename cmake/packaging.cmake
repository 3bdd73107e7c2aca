# Install rules for everything around the binaries (service unit, udev rule, sysusers file, config,
# docs) and the Debian package (CPack). Included at the end of the top-level CMakeLists.txt.
#
#   cmake --install build --prefix /usr       as the package lays it out
#   cpack --config build/CPackConfig.cmake    build/chairhub_<version>-<revision>_<arch>.deb
#
# The Debian package's own parts (architecture, release, unit variant, hardening flags, changelog,
# copyright, maintainer scripts) are in cmake/debian/.
#
# The binaries' own install rules live beside them (src/CMakeLists.txt).

set(_chairhub_src ${PROJECT_SOURCE_DIR})
set(_chairhub_out ${PROJECT_BINARY_DIR}/packaging)
include(${_chairhub_src}/cmake/debian/unit.cmake)
include(${_chairhub_src}/cmake/debian/release.cmake)

# The service unit for this build's release (cmake/debian/unit.cmake). It names /usr/bin/chairhubd;
# installed under another prefix, ExecStart is rewritten at install time to that prefix's bin/.
# Only with the daemon: a unit without its binary would only fail.
if(CHAIRHUB_UNIT_SYSTEMD252)
  chairhub_write_unit(OUT ${_chairhub_out}/chairhubd.service SYSTEMD252)
else()
  chairhub_write_unit(OUT ${_chairhub_out}/chairhubd.service)
endif()
if(TARGET chairhubd)
  install(CODE "set(_chairhub_unit_src \"${_chairhub_out}/chairhubd.service\")
                set(_chairhub_unit_tmp \"${_chairhub_out}/install/chairhubd.service\")")
  install(CODE [[
    file(READ "${_chairhub_unit_src}" _unit)
    string(REPLACE "/usr/bin/chairhubd" "${CMAKE_INSTALL_PREFIX}/bin/chairhubd" _unit "${_unit}")
    file(WRITE "${_chairhub_unit_tmp}" "${_unit}")
    file(INSTALL DESTINATION "${CMAKE_INSTALL_PREFIX}/lib/systemd/system" TYPE FILE
         FILES "${_chairhub_unit_tmp}")
  ]])
endif()

# udev rule and sysusers.d file (both read from /usr/lib and /usr/local/lib as well).
install(FILES ${_chairhub_src}/systemd/60-chairhub.rules DESTINATION lib/udev/rules.d)
install(FILES ${_chairhub_src}/systemd/chairhub.sysusers DESTINATION lib/sysusers.d
        RENAME chairhub.conf)

# The config goes to /etc/chairhub whatever the prefix: the unit and its
# ConfigurationDirectory=chairhub look there. An existing one is never overwritten by
# `cmake --install` (the package has it as a conffile, which dpkg handles itself).
install(CODE "set(_chairhub_config_src \"${_chairhub_src}/config/chairhub.toml\")")
install(CODE [[
  if(EXISTS "$ENV{DESTDIR}/etc/chairhub/chairhub.toml")
    message(STATUS "Keeping: $ENV{DESTDIR}/etc/chairhub/chairhub.toml")
  else()
    file(INSTALL DESTINATION "/etc/chairhub" TYPE FILE FILES "${_chairhub_config_src}")
  endif()
]])

# Docs. docs/man holds the manual pages' sources, installed below as manual pages.
install(FILES ${_chairhub_src}/README.md DESTINATION share/doc/chairhub)
install(DIRECTORY ${_chairhub_src}/docs/ DESTINATION share/doc/chairhub PATTERN man EXCLUDE)
install(FILES ${_chairhub_src}/hw/README.md DESTINATION share/doc/chairhub/hw)

# ---- Debian package ------------------------------------------------------------------------------
include(${_chairhub_src}/cmake/debian/arch.cmake)

# The version: the project's, the Debian revision of the newest entry of cmake/debian/changelog,
# and the release it is built for: 0.1.0-1~deb13. dpkg orders 0.1.0-1~deb12 < 0.1.0-1~deb13 <
# 0.1.0-1 < 0.1.0-2~deb12, so an upgrade from bookworm to trixie moves to the trixie build, and a
# new revision or version wins over either.
set(_chairhub_changelog_src ${_chairhub_src}/cmake/debian/changelog)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_chairhub_changelog_src})
file(STRINGS ${_chairhub_changelog_src} _chairhub_top LIMIT_COUNT 1)
if(NOT _chairhub_top MATCHES "^chairhub \\(([^-()]+)-([^()]+)\\) [a-z-]+")
  message(FATAL_ERROR "${_chairhub_changelog_src}:1: expected 'chairhub (VERSION-REVISION) DIST; ...'")
endif()
if(NOT CMAKE_MATCH_1 STREQUAL PROJECT_VERSION)
  message(FATAL_ERROR "${_chairhub_changelog_src}:1: the newest entry is for ${CMAKE_MATCH_1}, the "
                      "project is ${PROJECT_VERSION}: add an entry for ${PROJECT_VERSION}-1")
endif()
set(CHAIRHUB_DEB_REVISION "${CMAKE_MATCH_2}~${CHAIRHUB_DEB_RELEASE}")
set(CHAIRHUB_DEB_VERSION "${PROJECT_VERSION}-${CHAIRHUB_DEB_REVISION}")
set(CHAIRHUB_DEB_MAINTAINER "chairhub packagers <packages@chairhub.org>" CACHE STRING
    "Maintainer field of the package")

# The changelog as the package ships it: the newest entry names this build's version and release.
file(READ ${_chairhub_changelog_src} _chairhub_changelog)
string(REGEX REPLACE "^chairhub \\([^)]*\\) [a-z-]+;"
       "chairhub (${CHAIRHUB_DEB_VERSION}) ${CHAIRHUB_DEB_DISTRIBUTION};"
       _chairhub_changelog "${_chairhub_changelog}")
file(CONFIGURE OUTPUT ${_chairhub_out}/changelog.Debian CONTENT "${_chairhub_changelog}" @ONLY)

# Compressed as Debian wants them (gzip -9n: best, and no name or time stamp, so reproducible):
# the changelog and the manual pages.
find_program(CHAIRHUB_GZIP gzip REQUIRED)
set(_chairhub_gz "")
function(_chairhub_gzip source name)
  set(copy ${_chairhub_out}/gz/${name})
  add_custom_command(OUTPUT ${copy}.gz
                     COMMAND ${CMAKE_COMMAND} -E copy ${source} ${copy}
                     COMMAND ${CHAIRHUB_GZIP} -9nf ${copy}
                     DEPENDS ${source} VERBATIM)
  set(_chairhub_gz ${_chairhub_gz} ${copy}.gz PARENT_SCOPE)
endfunction()
_chairhub_gzip(${_chairhub_out}/changelog.Debian changelog.Debian)
_chairhub_gzip(${_chairhub_src}/docs/man/chairhub.1 chairhub.1)
_chairhub_gzip(${_chairhub_src}/docs/man/chairhubd.8 chairhubd.8)
add_custom_target(chairhub_package_docs ALL DEPENDS ${_chairhub_gz})

install(FILES ${_chairhub_out}/gz/changelog.Debian.gz ${_chairhub_src}/cmake/debian/copyright
        DESTINATION share/doc/chairhub)
install(FILES ${_chairhub_out}/gz/chairhub.1.gz DESTINATION share/man/man1)
if(TARGET chairhubd)
  install(FILES ${_chairhub_out}/gz/chairhubd.8.gz DESTINATION share/man/man8)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME chairhub)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR chairhub)
set(CPACK_PACKAGE_CONTACT "${CHAIRHUB_DEB_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "smart-chair sensor hub for the Raspberry Pi")
# Lines within 80 columns (Debian policy); CPack indents each by one space.
set(CPACK_PACKAGE_DESCRIPTION
    "Reads load cells and pressure pads under an office chair, works out the
weight distribution, posture, feet and sitting time, nudges the sitter to
move, and reports events on MQTT (with Home Assistant discovery). Runs as the
systemd service chairhubd. A comfort and habit aid, not a medical device.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_PACKAGE_RELEASE ${CHAIRHUB_DEB_REVISION})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # chairhub_<version>-<revision>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${CHAIRHUB_DEB_ARCH})
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libmosquitto and libsystemd are loaded at run time (src/mqtt/mosquitto_library.hpp,
# src/core/systemd_library.hpp), so shlibdeps cannot see them.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libmosquitto1, libsystemd0")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "mosquitto, i2c-tools")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${_chairhub_src}/cmake/debian/conffiles
    ${_chairhub_src}/cmake/debian/postinst
    ${_chairhub_src}/cmake/debian/prerm
    ${_chairhub_src}/cmake/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
