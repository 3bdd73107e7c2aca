#pragma once
// Why a TLS connection to the broker failed, in plain words naming the setting to fix.
// libmosquitto says only "A TLS error occurred" or "The connection was lost"; what it logs on
// the way (OpenSSL's reasons, its own host name check) tells a wrong CA, a certificate made for
// another host name, a client certificate the broker wants or refuses, and a port without TLS
// apart.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace chairhub::mqtt {

struct TlsSetup {
  std::string host;
  int port = 0;
  std::filesystem::path ca_file;
  std::filesystem::path cert_file;  // empty: no client certificate
};

// The explanation of the errors libmosquitto logged during one connection attempt (`logged`,
// its error lines); nothing when they show no TLS problem.
std::optional<std::string> explain_tls_failure(std::string_view logged, const TlsSetup& setup);

}  // namespace chairhub::mqtt
