#pragma once
// The [web] section of the config: the chair's own page, served by chairhubd. It listens on the
// loopback unless a password is set; with one, it may listen on any address, and every page
// then asks for it.
#include <string>

#include "core/section_reader.hpp"

namespace chairhub::web {

struct WebConfig {
  bool enabled = true;
  std::string address = "127.0.0.1";
  int port = 8180;
  std::string password_hash;  // crypt(3) form, from `chairhub hash-password`; empty: no password
  double session_hours = 12;  // how long a login lasts
  bool has_password() const { return !password_hash.empty(); }
  bool operator==(const WebConfig&) const = default;
};

// Records every problem as "<file>:<line>: web.<key>: ...": an address that is not an IP
// address, one off the loopback without a password, a password_hash this system cannot check.
WebConfig read_web_config(const SectionReader& root);

}  // namespace chairhub::web
