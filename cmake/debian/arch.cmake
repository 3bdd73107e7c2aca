# CHAIRHUB_DEB_ARCH: Debian's name for the machine the build is for (amd64, arm64, ...), from
# CMAKE_SYSTEM_PROCESSOR, which a cross-build's toolchain file sets. Used for the package and for
# dpkg-buildflags (whose flags differ by architecture).
if(NOT CHAIRHUB_DEB_ARCH)
  string(TOLOWER "${CMAKE_SYSTEM_PROCESSOR}" _chairhub_proc)
  if(_chairhub_proc MATCHES "^(x86_64|amd64)$")
    set(CHAIRHUB_DEB_ARCH amd64)
  elseif(_chairhub_proc MATCHES "^(aarch64|arm64)$")
    set(CHAIRHUB_DEB_ARCH arm64)
  elseif(_chairhub_proc MATCHES "^armv?[67]")
    set(CHAIRHUB_DEB_ARCH armhf)
  elseif(_chairhub_proc MATCHES "^i[3-6]86$")
    set(CHAIRHUB_DEB_ARCH i386)
  else()
    find_program(_chairhub_dpkg dpkg)
    if(_chairhub_dpkg AND NOT CMAKE_CROSSCOMPILING)
      execute_process(COMMAND ${_chairhub_dpkg} --print-architecture OUTPUT_VARIABLE CHAIRHUB_DEB_ARCH
                      OUTPUT_STRIP_TRAILING_WHITESPACE)
    else()
      set(CHAIRHUB_DEB_ARCH ${_chairhub_proc})
    endif()
  endif()
endif()
