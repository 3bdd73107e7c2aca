#include "web/request_text.hpp"

#include <cmath>

namespace chairhub::web {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::string> cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const std::size_t end = header.find(';');
    const std::string_view pair = trimmed(header.substr(0, end));
    const std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
    if (end == std::string_view::npos) break;
    header.remove_prefix(end + 1);
  }
  return std::nullopt;
}

std::optional<std::string> percent_decoded(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int hi = hex_digit(text[i + 1]), lo = hex_digit(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::optional<std::string> query_value(std::string_view query, std::string_view name) {
  while (!query.empty()) {
    const std::size_t end = query.find('&');
    const std::string_view pair = query.substr(0, end);
    const std::size_t eq = pair.find('=');
    if (pair.substr(0, eq) == name) return percent_decoded(eq == std::string_view::npos ? "" : pair.substr(eq + 1));
    if (end == std::string_view::npos) break;
    query.remove_prefix(end + 1);
  }
  return std::nullopt;
}

std::string JsonBody::check_keys(std::initializer_list<std::string_view> known) const {
  for (const auto& [key, value] : object.items()) {
    bool ok = false;
    for (auto k : known) ok = ok || key == k;
    if (ok) continue;
    std::string takes;
    for (auto k : known) takes += (takes.empty() ? "" : ", ") + std::string(k);
    return "unknown key: " + key + (takes.empty() ? " (this takes none)" : " (this takes: " + takes + ")");
  }
  return {};
}

std::optional<double> JsonBody::number(const std::string& key, double min, double max) const {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_number()) return std::nullopt;
  const double v = it->get<double>();
  if (!std::isfinite(v) || v < min || v > max) return std::nullopt;
  return v;
}

JsonBody parse_json_body(std::string_view body) {
  JsonBody b;
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return b;
  b.object = nlohmann::json::parse(body, nullptr, false);
  if (b.object.is_discarded() || !b.object.is_object()) {
    b.object = nlohmann::json::object();
    b.error = "the body is not a JSON object";
  }
  return b;
}

}  // namespace chairhub::web
