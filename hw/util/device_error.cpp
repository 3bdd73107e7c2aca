#include "hw/util/device_error.hpp"

#include <cerrno>
#include <cstring>

namespace chairhub::hw {

std::string_view to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::no_device: return "no device";
    case ErrorKind::io: return "i/o error";
    case ErrorKind::timeout: return "timeout";
    case ErrorKind::busy: return "busy";
    case ErrorKind::permission: return "permission denied";
    case ErrorKind::unsupported: return "unsupported";
    case ErrorKind::other: return "error";
  }
  return "error";
}

ErrorKind error_kind_from_errno(int err) {
  switch (err) {
    case ENXIO:
    case ENOENT:
    case ENODEV: return ErrorKind::no_device;
    case EIO:
    case EREMOTEIO: return ErrorKind::io;
    case ETIMEDOUT:
    case EAGAIN: return ErrorKind::timeout;
    case EBUSY: return ErrorKind::busy;
    case EACCES:
    case EPERM: return ErrorKind::permission;
    case EOPNOTSUPP: return ErrorKind::unsupported;
    default: return ErrorKind::other;
  }
}

DeviceError device_error_from_errno(int err, const std::string& what) {
  const ErrorKind kind = error_kind_from_errno(err);
  std::string msg = what + ": " + std::strerror(err);
  switch (kind) {
    case ErrorKind::permission:
      msg += " (is the user in the gpio/i2c group? see hw/README.md)";
      break;
    case ErrorKind::busy:
      msg += " (claimed by a kernel driver or another program)";
      break;
    default: break;
  }
  return DeviceError(kind, msg);
}

}  // namespace chairhub::hw
