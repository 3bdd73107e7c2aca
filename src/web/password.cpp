#include "web/password.hpp"

#include <crypt.h>

#include <memory>
#include <stdexcept>

namespace chairhub::web {
namespace {

// crypt_data is large (32 KiB); keep it off the stack.
std::string crypt_with(std::string_view password, const char* setting) {
  auto data = std::make_unique<crypt_data>();
  const std::string phrase(password);
  const char* out = crypt_rn(phrase.c_str(), setting, data.get(), sizeof(crypt_data));
  if (out == nullptr || out[0] == '*') return {};  // libcrypt's failure tokens start with '*'
  return out;
}

}  // namespace

std::string hash_password(std::string_view password) {
  char setting[CRYPT_GENSALT_OUTPUT_SIZE];
  // yescrypt at libcrypt's default cost; the salt from the system's random source
  if (crypt_gensalt_rn("$y$", 0, nullptr, 0, setting, sizeof setting) == nullptr)
    throw std::runtime_error("the system's libcrypt cannot make a yescrypt salt");
  std::string hash = crypt_with(password, setting);
  if (hash.empty()) throw std::runtime_error("the system's libcrypt could not hash the password");
  return hash;
}

bool password_matches(std::string_view password, const std::string& hash) {
  if (hash.empty()) return false;
  const std::string computed = crypt_with(password, hash.c_str());
  if (computed.size() != hash.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < hash.size(); ++i) diff |= static_cast<unsigned char>(computed[i] ^ hash[i]);
  return diff == 0;
}

std::string password_hash_problem(const std::string& hash) {
  if (hash.empty()) return "is empty; leave the key out for no password";
  switch (crypt_checksalt(hash.c_str())) {
    case CRYPT_SALT_OK:
      break;
    case CRYPT_SALT_METHOD_LEGACY:
      return "uses a weak old method; make a new one with `chairhub hash-password`";
    default:
      return "is not a password hash this system can check; make one with `chairhub hash-password`";
  }
  // a setting alone (no hash part) would accept any password: insist on a full hash
  if (hash.rfind('$') + 1 >= hash.size()) return "is a salt without a hash; make one with `chairhub hash-password`";
  return {};
}

}  // namespace chairhub::web
