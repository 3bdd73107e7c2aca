// JournalSink: an event as its JSON line for the journal, a pipe or a file, and as a line of
// words after the clock time on a terminal (here a pseudo-terminal standing in for stderr).
#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <regex>
#include <string>

#include "service/journal.hpp"

namespace chairhub {
namespace {

// Runs `body` with stderr on `fd`, then puts stderr back.
template <class Body>
void with_stderr_on(int fd, Body body) {
  std::fflush(stderr);
  const int saved = ::dup(STDERR_FILENO);
  ::dup2(fd, STDERR_FILENO);
  body();
  std::fflush(stderr);
  ::dup2(saved, STDERR_FILENO);
  ::close(saved);
}

std::string read_all(int fd) {
  std::string text;
  char buf[512];
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) text.append(buf, static_cast<std::size_t>(n));
  return text;
}

const Event kPosture{12.5, PostureChange{Posture::slouching, Posture::upright}};

TEST(JournalSink, WordsOnATerminal) {
  ::unsetenv("JOURNAL_STREAM");
  const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
  ASSERT_GE(master, 0);
  ASSERT_EQ(::grantpt(master), 0);
  ASSERT_EQ(::unlockpt(master), 0);
  const int terminal = ::open(::ptsname(master), O_RDWR | O_NOCTTY);
  ASSERT_GE(terminal, 0);
  Journal journal;
  journal.set_level(LogLevel::info);
  with_stderr_on(terminal, [&] {
    JournalSink sink(journal);
    sink.on_event(kPosture);
  });
  ::close(terminal);
  ::fcntl(master, F_SETFL, O_NONBLOCK);
  const std::string text = read_all(master);
  ::close(master);
  EXPECT_TRUE(std::regex_search(text, std::regex(R"(^\d\d:\d\d:\d\d  posture +slouching, was upright\r?\n)")))
      << text;
}

TEST(JournalSink, JsonElsewhere) {
  std::FILE* file = std::tmpfile();
  ASSERT_NE(file, nullptr);
  Journal journal;
  journal.set_level(LogLevel::info);
  with_stderr_on(::fileno(file), [&] {
    JournalSink sink(journal);
    sink.on_event(kPosture);
  });
  std::rewind(file);
  const std::string text = read_all(::fileno(file));
  std::fclose(file);
  EXPECT_EQ(text.rfind("{\"type\":\"posture\"", 0), 0u) << text;
}

}  // namespace
}  // namespace chairhub
