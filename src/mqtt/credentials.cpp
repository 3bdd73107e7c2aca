#include "mqtt/credentials.hpp"

#include <sys/stat.h>

#include <fstream>

#include "core/input_error.hpp"
#include "core/text.hpp"

namespace chairhub::mqtt {

Credentials read_credentials(const std::filesystem::path& file, LoosePermissions policy, const Logger& log) {
  const std::string place = file.string();
  struct stat st{};
  if (::stat(file.c_str(), &st) != 0) throw InputError(place, 0, "cannot read the MQTT credentials file");
  if (st.st_mode & (S_IRGRP | S_IROTH)) {
    const std::string what = "credentials file is readable by group or others (chmod 600 it)";
    if (policy == LoosePermissions::refuse) throw InputError(place, 0, what);
    if (log) log(LogLevel::warning, place + ": " + what);
  }
  std::ifstream in(file);
  if (!in) throw InputError(place, 0, "cannot read the MQTT credentials file");
  Credentials c;
  bool have_user = false;
  std::string line;
  std::size_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    const std::string t{trim(line)};
    if (t.empty() || t[0] == '#') continue;
    const auto eq = t.find('=');
    if (eq == std::string::npos) throw InputError(place, lineno, "expected key=value");
    const std::string key{trim(std::string_view(t).substr(0, eq))};
    // the password is taken verbatim after '=' (only the line end is stripped)
    std::string value = line.substr(line.find('=') + 1);
    if (!value.empty() && value.back() == '\r') value.pop_back();
    if (key == "username") {
      c.username = std::string(trim(value));
      have_user = true;
    } else if (key == "password") {
      c.password = value;
    } else {
      throw InputError(place, lineno, "unknown key '" + key + "' (expected username, password)");
    }
  }
  if (!have_user || c.username.empty()) throw InputError(place, 0, "no username");
  return c;
}

}  // namespace chairhub::mqtt
