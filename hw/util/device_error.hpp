#pragma once
// The one exception a backend throws when a device does not do what was asked. `kind` lets
// drivers tell "nothing at that address" from "the bus hung" without parsing messages.
#include <stdexcept>
#include <string>
#include <string_view>

namespace chairhub::hw {

enum class ErrorKind {
  no_device,    // ENXIO / ENOENT: nothing at that address, or no such chip or line
  io,           // EIO / EREMOTEIO: the device did not acknowledge
  timeout,      // ETIMEDOUT: the bus hung
  busy,         // EBUSY: a kernel driver or another program holds it
  permission,   // EACCES / EPERM
  unsupported,  // EOPNOTSUPP: the adapter cannot do that transfer
  other,
};

std::string_view to_string(ErrorKind kind);
ErrorKind error_kind_from_errno(int err);

class DeviceError : public std::runtime_error {
 public:
  DeviceError(ErrorKind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  ErrorKind kind() const { return kind_; }

 private:
  ErrorKind kind_;
};

// Builds a DeviceError from errno, with a hint a person wiring a chair can act on.
DeviceError device_error_from_errno(int err, const std::string& what);

}  // namespace chairhub::hw
