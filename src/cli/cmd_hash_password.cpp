// chairhub hash-password: the line that sets the chair's page password in the config. Asks twice
// without echo on a terminal, or reads one line from a pipe; prints only the slow hash, never
// the password.
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>

#include "cli/commands.hpp"
#include "core/input_error.hpp"
#include "web/password.hpp"

namespace chairhub::cli {
namespace {

constexpr std::size_t kMinLength = 8;
constexpr std::size_t kMaxLength = 1024;

// One line from standard input, with the terminal's echo off while it is typed.
std::string read_secret(const char* prompt, bool terminal) {
  termios before{};
  if (terminal) {
    std::fprintf(stderr, "%s", prompt);
    tcgetattr(STDIN_FILENO, &before);
    termios quiet = before;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  std::string line;
  const bool got = static_cast<bool>(std::getline(std::cin, line));
  if (terminal) {
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &before);
    std::fprintf(stderr, "\n");
  }
  if (!got) throw InputError("hash-password", 0, "no password was given");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

void hash_password() {
  const bool terminal = isatty(STDIN_FILENO) != 0;
  const std::string password = read_secret("Password for the chair's page: ", terminal);
  if (password.size() < kMinLength)
    throw InputError("hash-password", 0, "the password is shorter than " + std::to_string(kMinLength) + " characters");
  if (password.size() > kMaxLength)
    throw InputError("hash-password", 0, "the password is longer than " + std::to_string(kMaxLength) + " characters");
  if (terminal && read_secret("The same again: ", true) != password)
    throw InputError("hash-password", 0, "the two passwords differ; nothing was made");
  std::printf("password_hash = \"%s\"\n", web::hash_password(password).c_str());
  std::fprintf(stderr,
               "Put that line under [web] in the config (say /etc/chairhub/chairhub.toml), then\n"
               "  sudo systemctl restart chairhubd\n");
}

}  // namespace

void add_hash_password(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("hash-password", "make the config line that sets the chair's page password");
  cmd->footer(
      "Examples:\n"
      "  chairhub hash-password                                asks twice, prints password_hash = \"...\"\n"
      "  chairhub hash-password < secret.txt                   the first line of a file\n"
      "Only the slow, salted hash (yescrypt) goes into the config; with it, [web] address may be\n"
      "0.0.0.0 and the page asks for the password.");
  cmd->callback([&status] {
    hash_password();
    status = 0;
  });
}

}  // namespace chairhub::cli
