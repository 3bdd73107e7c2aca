// explain_tls_failure on the lines libmosquitto logs with OpenSSL 3 for each kind of failure.
#include <gtest/gtest.h>

#include "mqtt/tls_diagnosis.hpp"

namespace chairhub::mqtt {
namespace {

const TlsSetup kSetup{"broker.lan", 8883, "/etc/chairhub/ca.crt", ""};

std::string explained(std::string_view logged, const TlsSetup& setup = kSetup) {
  return explain_tls_failure(logged, setup).value_or("(nothing)");
}

TEST(TlsDiagnosis, NamesTheSettingBehindEachFailure) {
  EXPECT_EQ(explained("Error: host name verification failed.\n"
                      "OpenSSL Error[0]: error:0A000086:SSL routines::certificate verify failed\n"),
            "the broker's TLS certificate is not made for the host name \"broker.lan\": set mqtt.host to a name "
            "the certificate lists");
  EXPECT_EQ(explained("OpenSSL Error[0]: error:0A000086:SSL routines::certificate verify failed\n"),
            "the broker's TLS certificate is not signed by the CA in mqtt.ca_file (/etc/chairhub/ca.crt), or it "
            "has expired");
  EXPECT_EQ(explained("OpenSSL Error[0]: error:0A00045C:SSL routines::tlsv13 alert certificate required\n"),
            "the broker wants a client certificate: set mqtt.cert_file and mqtt.key_file");
  TlsSetup with_certificate = kSetup;
  with_certificate.cert_file = "/etc/chairhub/chair.crt";
  EXPECT_EQ(explained("OpenSSL Error[0]: error:0A000418:SSL routines::tlsv1 alert unknown ca\n", with_certificate),
            "the broker refused the client certificate in mqtt.cert_file (/etc/chairhub/chair.crt): is it signed "
            "by a CA the broker trusts?");
  EXPECT_EQ(explained("OpenSSL Error[0]: error:0A00010B:SSL routines::wrong version number\n"),
            "port 8883 does not speak TLS: use the broker's TLS port (8883 by convention) or remove mqtt.ca_file");
  EXPECT_EQ(explained("OpenSSL Error[0]: error:0A000126:SSL routines::unexpected eof while reading\n"),
            "TLS failed: unexpected eof while reading");
  EXPECT_EQ(explained(""), "(nothing)");
}

}  // namespace
}  // namespace chairhub::mqtt
