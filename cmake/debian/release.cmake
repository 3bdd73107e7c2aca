# Which Debian release the package is for: the build machine's, read from /etc/os-release (a
# cross-build links against the :arm64 libraries of the release it runs on). Sets
#   CHAIRHUB_DEB_RELEASE       deb13 for Debian 13 (Raspberry Pi OS trixie), deb12 for bookworm:
#                              the package version's suffix, 0.1.0-1~deb13
#   CHAIRHUB_DEB_DISTRIBUTION  trixie, bookworm: the changelog's distribution
# Both are cache variables, so a build for another release can say so.
cmake_host_system_information(RESULT _chairhub_os_id QUERY DISTRIB_ID)
cmake_host_system_information(RESULT _chairhub_os_version QUERY DISTRIB_VERSION_ID)
cmake_host_system_information(RESULT _chairhub_os_codename QUERY DISTRIB_VERSION_CODENAME)

# Raspberry Pi OS says debian (64-bit) or raspbian (32-bit); both are Debian's releases.
if(_chairhub_os_id MATCHES "^(debian|raspbian)$" AND _chairhub_os_version MATCHES "^[0-9]+$")
  set(_chairhub_release "deb${_chairhub_os_version}")
elseif(_chairhub_os_codename)
  set(_chairhub_release "${_chairhub_os_codename}")  # testing and unstable have no number
else()
  set(_chairhub_release "${_chairhub_os_id}${_chairhub_os_version}")
endif()
string(REGEX REPLACE "[^A-Za-z0-9.+]" "" _chairhub_release "${_chairhub_release}")
if(NOT _chairhub_os_codename)
  set(_chairhub_os_codename unstable)
endif()

set(CHAIRHUB_DEB_RELEASE "${_chairhub_release}" CACHE STRING
    "Release suffix of the package version (deb13 for Debian 13)")
set(CHAIRHUB_DEB_DISTRIBUTION "${_chairhub_os_codename}" CACHE STRING
    "Distribution named in the package's changelog (trixie, bookworm)")
