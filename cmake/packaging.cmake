# Install rules for everything around the binaries (service unit, udev rule, sysusers file, config,
# docs) and the Debian package (CPack). Included at the end of the top-level CMakeLists.txt.
#
#   cmake --install build --prefix /usr       as the package lays it out
#   cpack --config build/CPackConfig.cmake    build/chairhub_<version>_<arch>.deb
#
# The binaries' own install rules live beside them (src/CMakeLists.txt).

set(_chairhub_src ${PROJECT_SOURCE_DIR})

# The service unit. It names /usr/bin/chairhubd; installed under another prefix, ExecStart is
# rewritten at install time to that prefix's bin/. Only with the daemon: a unit without its
# binary would only fail.
if(TARGET chairhubd)
  install(CODE "set(_chairhub_unit_src \"${_chairhub_src}/systemd/chairhubd.service\")
                set(_chairhub_unit_tmp \"${PROJECT_BINARY_DIR}/packaging/chairhubd.service\")")
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

# Docs.
install(FILES ${_chairhub_src}/README.md DESTINATION share/doc/chairhub)
install(DIRECTORY ${_chairhub_src}/docs/ DESTINATION share/doc/chairhub)
install(FILES ${_chairhub_src}/hw/README.md DESTINATION share/doc/chairhub/hw)

# ---- Debian package ------------------------------------------------------------------------------

# Debian's name for the target architecture (cross-builds set CMAKE_SYSTEM_PROCESSOR).
if(NOT CHAIRHUB_DEB_ARCH)
  string(TOLOWER "${CMAKE_SYSTEM_PROCESSOR}" _proc)
  if(_proc MATCHES "^(x86_64|amd64)$")
    set(CHAIRHUB_DEB_ARCH amd64)
  elseif(_proc MATCHES "^(aarch64|arm64)$")
    set(CHAIRHUB_DEB_ARCH arm64)
  elseif(_proc MATCHES "^armv?[67]")
    set(CHAIRHUB_DEB_ARCH armhf)
  elseif(_proc MATCHES "^i[3-6]86$")
    set(CHAIRHUB_DEB_ARCH i386)
  else()
    find_program(_dpkg dpkg)
    if(_dpkg AND NOT CMAKE_CROSSCOMPILING)
      execute_process(COMMAND ${_dpkg} --print-architecture OUTPUT_VARIABLE CHAIRHUB_DEB_ARCH
                      OUTPUT_STRIP_TRAILING_WHITESPACE)
    else()
      set(CHAIRHUB_DEB_ARCH ${_proc})
    endif()
  endif()
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME chairhub)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR chairhub)
set(CPACK_PACKAGE_CONTACT "chairhub maintainers <chairhub@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "smart-chair sensor hub for the Raspberry Pi")
set(CPACK_PACKAGE_DESCRIPTION
    "Reads load cells and pressure pads under an office chair, works out weight distribution,
posture, feet and sitting time, nudges the sitter to move, and reports events on MQTT
(with Home Assistant discovery). Runs as the systemd service chairhubd.
A comfort and habit aid, not a medical device.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # chairhub_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${CHAIRHUB_DEB_ARCH})
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "mosquitto, i2c-tools")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${_chairhub_src}/cmake/debian/conffiles
    ${_chairhub_src}/cmake/debian/postinst
    ${_chairhub_src}/cmake/debian/prerm
    ${_chairhub_src}/cmake/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
