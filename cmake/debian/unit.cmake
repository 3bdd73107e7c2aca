# chairhub_write_unit(OUT FILE [SYSTEMD252]): writes the service unit of systemd/chairhubd.service
# for a release. The source is written for systemd 253+ (Type=notify-reload); with SYSTEMD252
# its block between "# >>> reload" and "# <<< reload" becomes
# systemd/chairhubd-reload-systemd252.conf, for bookworm. The marker lines themselves go.
# CHAIRHUB_UNIT_SYSTEMD252 says which one the package gets: on by default when the libsystemd
# the build links against is older than 253.

set(_chairhub_unit_dir ${CMAKE_CURRENT_LIST_DIR}/../../systemd)

function(chairhub_write_unit)
  cmake_parse_arguments(arg "SYSTEMD252" "OUT" "" ${ARGN})
  set(source ${_chairhub_unit_dir}/chairhubd.service)
  set(block_file ${_chairhub_unit_dir}/chairhubd-reload-systemd252.conf)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${source} ${block_file})
  file(READ ${source} unit)
  string(REGEX MATCH "# >>> reload\n(.*)# <<< reload\n" block "${unit}")
  if(NOT block)
    message(FATAL_ERROR "${source}: no block between '# >>> reload' and '# <<< reload'")
  endif()
  set(block "${CMAKE_MATCH_1}")
  if(arg_SYSTEMD252)
    file(READ ${block_file} block)
  endif()
  string(FIND "${unit}" "# >>> reload\n" begin)
  string(FIND "${unit}" "# <<< reload\n" end)
  string(SUBSTRING "${unit}" 0 ${begin} head)
  math(EXPR end "${end} + 13")  # past "# <<< reload\n"
  string(SUBSTRING "${unit}" ${end} -1 tail)
  file(CONFIGURE OUTPUT ${arg_OUT} CONTENT "${head}${block}${tail}" @ONLY)
endfunction()

find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(_chairhub_libsystemd QUIET libsystemd)
endif()
if(_chairhub_libsystemd_VERSION AND _chairhub_libsystemd_VERSION VERSION_LESS 253)
  set(_chairhub_old_systemd ON)
else()
  set(_chairhub_old_systemd OFF)
endif()
option(CHAIRHUB_UNIT_SYSTEMD252
       "Install the unit for systemd 252 (bookworm): Type=notify with an ExecReload" ${_chairhub_old_systemd})
