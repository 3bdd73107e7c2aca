#pragma once
// Who has logged in to the page: a session is a random token in a cookie (HttpOnly,
// SameSite=Strict) with its own random token against cross-site requests, which every request
// that changes something must carry in a header. Sessions expire; failed logins from an address
// slow its next tries down. Times are steady-clock seconds, given by the caller.
#include <cstddef>
#include <map>
#include <optional>
#include <string>

namespace chairhub::web {

struct Session {
  std::string token;  // the cookie's value
  std::string csrf;   // what a changing request carries in X-CSRF-Token
  double expires = 0;
};

class SessionStore {
 public:
  static constexpr std::size_t kMaxSessions = 32;  // the oldest goes when a new one would pass it
  static constexpr std::size_t kMaxTrackedAddresses = 256;

  explicit SessionStore(double lifetime_s) : lifetime_s_(lifetime_s) {}

  // A new session for a login that succeeded.
  Session open(double now);
  // The session of a cookie's token, if it is still good.
  std::optional<Session> find(const std::string& token, double now);
  void close(const std::string& token) { sessions_.erase(token); }

  // Seconds until `address` may try a password again (0: now).
  double wait_before_login(const std::string& address, double now) const;
  // A failed try doubles the wait (1 s, 2 s, ... up to a minute); a success clears it.
  void login_failed(const std::string& address, double now);
  void login_succeeded(const std::string& address) { failures_.erase(address); }

 private:
  struct Failures {
    int count = 0;
    double next_try = 0;
  };
  double lifetime_s_;
  std::map<std::string, Session> sessions_;
  std::map<std::string, Failures> failures_;
};

// 32 bytes from the system's random source, as 64 hex digits.
std::string random_token();

}  // namespace chairhub::web
