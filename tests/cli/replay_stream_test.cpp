// `chairhub replay -` reading a log that is still being written: rows from a pipe are analysed
// as they arrive, so events come out while the input is still open (a live recording piped in,
// `chairhub record | chairhub replay -`).
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace chairhub {
namespace {

// chairhub replay - with both ends piped to this test.
struct PipedReplay {
  pid_t pid = -1;
  int to = -1;    // its standard input
  int from = -1;  // its standard output
};

PipedReplay start_replay() {
  int in[2], out[2];
  if (::pipe(in) != 0 || ::pipe(out) != 0) return {};
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    for (int fd : {in[0], in[1], out[0], out[1]}) ::close(fd);
    const char* argv[] = {CHAIRHUB_BIN, "replay", "-", nullptr};
    ::execv(CHAIRHUB_BIN, const_cast<char**>(argv));
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  return {pid, in[1], out[0]};
}

void write_all(int fd, const std::string& text) {
  for (std::size_t done = 0; done < text.size();) {
    const auto n = ::write(fd, text.data() + done, text.size() - done);
    ASSERT_GT(n, 0);
    done += static_cast<std::size_t>(n);
  }
}

// Reads until `out` holds a whole line containing `part`; false if the output ends first or
// nothing comes for a minute (a guard against hanging the suite, not a timing check).
bool read_until(int fd, const std::string& part, std::string& out) {
  char buffer[4096];
  while (true) {
    const auto found = out.find(part);
    if (found != std::string::npos && out.find('\n', found) != std::string::npos) return true;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 60000) != 1) return false;
    const auto n = ::read(fd, buffer, sizeof buffer);
    if (n <= 0) return false;
    out.append(buffer, static_cast<std::size_t>(n));
  }
}

void read_to_end(int fd, std::string& out) {
  char buffer[4096];
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) out.append(buffer, static_cast<std::size_t>(n));
}

std::string whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ReplayStream, EventsComeOutWhileThePipeIsStillOpen) {
  std::signal(SIGPIPE, SIG_IGN);
  const std::string log = whole_file(std::string(CHAIRHUB_GOLDEN_DIR) + "/postures.csv");
  // Up to 12 s of the log (the sitter sits down at 7.8 s), a line at a time, then nothing more
  // until the event is out.
  const auto cut = log.find("\n12,");
  ASSERT_NE(cut, std::string::npos);
  auto replay = start_replay();
  ASSERT_GT(replay.pid, 0);
  std::istringstream head(log.substr(0, cut + 1));
  for (std::string line; std::getline(head, line);) write_all(replay.to, line + "\n");
  std::string out;
  EXPECT_TRUE(read_until(replay.from, R"({"type":"seated","t":7.8})", out)) << out;
  // The rest, and the output is the same as from the whole file at once.
  write_all(replay.to, log.substr(cut + 1));
  ::close(replay.to);
  read_to_end(replay.from, out);
  ::close(replay.from);
  int status = 0;
  ::waitpid(replay.pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  const std::string all_at_once = whole_file(std::string(CHAIRHUB_GOLDEN_DIR) + "/postures.expected.jsonl");
  EXPECT_EQ(out, all_at_once);
}

}  // namespace
}  // namespace chairhub
