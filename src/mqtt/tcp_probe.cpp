#include "mqtt/tcp_probe.hpp"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace chairhub::mqtt {

std::optional<std::string> tcp_unreachable(const std::string& host, int port, std::chrono::seconds limit,
                                           const std::atomic<bool>& stop) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (const int rc = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &found); rc != 0)
    return std::string("cannot look up the host: ") + gai_strerror(rc);
  std::string why = "no address";
  const auto deadline = std::chrono::steady_clock::now() + limit;
  for (const addrinfo* a = found; a != nullptr && !stop; a = a->ai_next) {
    const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    int error = ::connect(fd, a->ai_addr, a->ai_addrlen) == 0 ? 0 : errno;
    if (error == EINPROGRESS) {
      pollfd p{fd, POLLOUT, 0};
      while (!stop && std::chrono::steady_clock::now() < deadline && ::poll(&p, 1, 200) == 0) {
      }
      socklen_t length = sizeof error;
      if ((p.revents & (POLLOUT | POLLERR | POLLHUP)) == 0) error = ETIMEDOUT;
      else if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0) error = errno;
    }
    ::close(fd);
    if (error == 0) {
      ::freeaddrinfo(found);
      return std::nullopt;
    }
    why = error == ETIMEDOUT ? "no answer within " + std::to_string(limit.count()) +
                                   " s (a firewall dropping the connection, or no such host on the network?)"
                             : std::strerror(error);
  }
  ::freeaddrinfo(found);
  return why;
}

}  // namespace chairhub::mqtt
