#include "mqtt/tls_diagnosis.hpp"

namespace chairhub::mqtt {
namespace {

bool says(std::string_view logged, std::string_view what) { return logged.find(what) != std::string_view::npos; }

// The reason of OpenSSL's last error line ("...:SSL routines::certificate verify failed").
std::string last_reason(std::string_view logged) {
  while (!logged.empty() && logged.back() == '\n') logged.remove_suffix(1);
  logged = logged.substr(logged.rfind('\n') == std::string_view::npos ? 0 : logged.rfind('\n') + 1);
  const auto colon = logged.rfind(':');
  std::string_view reason = colon == std::string_view::npos ? logged : logged.substr(colon + 1);
  if (reason.size() > 120) reason = reason.substr(0, 120);
  return std::string(reason);
}

}  // namespace

std::optional<std::string> explain_tls_failure(std::string_view logged, const TlsSetup& setup) {
  const std::string ca = "mqtt.ca_file (" + setup.ca_file.string() + ")";
  if (says(logged, "host name verification failed"))
    return "the broker's TLS certificate is not made for the host name \"" + setup.host +
           "\": set mqtt.host to a name the certificate lists";
  if (says(logged, "certificate verify failed"))
    return "the broker's TLS certificate is not signed by the CA in " + ca + ", or it has expired";
  const bool client_certificate_problem = says(logged, "alert certificate required") ||
                                          says(logged, "alert handshake failure") ||
                                          says(logged, "alert bad certificate") || says(logged, "alert unknown ca");
  if (client_certificate_problem && setup.cert_file.empty())
    return "the broker wants a client certificate: set mqtt.cert_file and mqtt.key_file";
  if (client_certificate_problem)
    return "the broker refused the client certificate in mqtt.cert_file (" + setup.cert_file.string() +
           "): is it signed by a CA the broker trusts?";
  if (says(logged, "wrong version number") || says(logged, "packet length too long") ||
      says(logged, "record layer failure"))
    return "port " + std::to_string(setup.port) + " does not speak TLS: use the broker's TLS port (8883 by "
           "convention) or remove mqtt.ca_file";
  if (says(logged, "OpenSSL Error")) return "TLS failed: " + last_reason(logged);
  return std::nullopt;
}

}  // namespace chairhub::mqtt
