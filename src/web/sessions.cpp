#include "web/sessions.hpp"

#include <sys/random.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

namespace chairhub::web {

std::string random_token() {
  std::array<unsigned char, 32> bytes{};
  std::size_t got = 0;
  while (got < bytes.size()) {
    const ssize_t n = getrandom(bytes.data() + got, bytes.size() - got, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error("the system's random source failed");
    }
    got += static_cast<std::size_t>(n);
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string text;
  for (unsigned char b : bytes) {
    text += kHex[b >> 4];
    text += kHex[b & 15];
  }
  return text;
}

Session SessionStore::open(double now) {
  std::erase_if(sessions_, [now](const auto& entry) { return entry.second.expires <= now; });
  if (sessions_.size() >= kMaxSessions) {
    auto oldest = std::min_element(sessions_.begin(), sessions_.end(), [](const auto& a, const auto& b) {
      return a.second.expires < b.second.expires;
    });
    sessions_.erase(oldest);
  }
  Session s{random_token(), random_token(), now + lifetime_s_};
  sessions_[s.token] = s;
  return s;
}

std::optional<Session> SessionStore::find(const std::string& token, double now) {
  auto it = sessions_.find(token);
  if (it == sessions_.end()) return std::nullopt;
  if (it->second.expires <= now) {
    sessions_.erase(it);
    return std::nullopt;
  }
  return it->second;
}

double SessionStore::wait_before_login(const std::string& address, double now) const {
  auto it = failures_.find(address);
  return it == failures_.end() ? 0 : std::max(0.0, it->second.next_try - now);
}

void SessionStore::login_failed(const std::string& address, double now) {
  if (failures_.size() >= kMaxTrackedAddresses && !failures_.contains(address)) {
    std::erase_if(failures_, [now](const auto& entry) { return entry.second.next_try <= now; });
    if (failures_.size() >= kMaxTrackedAddresses) failures_.erase(failures_.begin());
  }
  Failures& f = failures_[address];
  f.count = std::min(f.count + 1, 7);
  f.next_try = now + std::min(60.0, std::ldexp(1.0, f.count - 1));
}

}  // namespace chairhub::web
