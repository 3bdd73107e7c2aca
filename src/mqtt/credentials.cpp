#include "mqtt/credentials.hpp"

#include "core/file_checks.hpp"
#include "core/input_error.hpp"
#include "core/section_reader.hpp"
#include "core/text.hpp"

namespace chairhub::mqtt {

void check_private_file(const std::filesystem::path& file, std::string_view what, LoosePermissions policy,
                        const Logger& log) {
  if (!readable_by_others(file)) return;
  const std::string problem = std::string(what) + " is readable by group or others (chmod 600 it)";
  if (policy == LoosePermissions::refuse) throw InputError(file.string(), 0, problem);
  if (log) log(LogLevel::warning, file.string() + ": " + problem);
}

Credentials parse_credentials(std::string_view text, const std::string& place) {
  Credentials c;
  bool have_user = false;
  std::size_t lineno = 0;
  while (!text.empty()) {
    ++lineno;
    const auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::string_view t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    const auto eq = line.find('=');
    if (eq == std::string_view::npos) throw InputError(place, lineno, "expected key=value");
    const std::string_view key = trim(line.substr(0, eq));
    const std::string_view value = line.substr(eq + 1);  // the password verbatim after '='
    if (key == "username") {
      c.username = std::string(trim(value));
      have_user = true;
    } else if (key == "password") {
      c.password = std::string(value);
    } else {
      throw InputError(place, lineno, "unknown key '" + excerpt(key) + "' (expected username, password)");
    }
  }
  if (!have_user || c.username.empty()) throw InputError(place, 0, "no username");
  return c;
}

Credentials read_credentials(const std::filesystem::path& file, LoosePermissions policy, const Logger& log) {
  const std::string place = file.string();
  if (const auto why = unreadable_file(file)) throw InputError(place, 0, "the MQTT credentials file " + *why);
  check_private_file(file, "credentials file", policy, log);
  std::string why_not;
  const auto text = read_text_file(place, why_not);
  if (!text) throw InputError(place, 0, "cannot read the MQTT credentials file: " + why_not);
  return parse_credentials(*text, place);
}

}  // namespace chairhub::mqtt
