#pragma once
// The page's password, kept only as a slow salted hash in crypt(3)'s form (yescrypt, from the
// system's libcrypt, as /etc/shadow keeps passwords), so that neither the config nor a copy of it
// gives the password away.
#include <string>
#include <string_view>

namespace chairhub::web {

// A new hash of `password` with a fresh random salt. Throws std::runtime_error if the system
// cannot make one.
std::string hash_password(std::string_view password);

// Whether `password` matches `hash`; compared in constant time.
bool password_matches(std::string_view password, const std::string& hash);

// Empty when `hash` is one this system can check; else what is wrong with it, in words.
std::string password_hash_problem(const std::string& hash);

}  // namespace chairhub::web
