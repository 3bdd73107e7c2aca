#pragma once
// The parts of a request the page reads, taken apart strictly: a cookie, a query's or a form's
// value (percent-decoded), a JSON body of known keys. Anything malformed reads as nothing or as
// an error in words, never as a guess.
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace chairhub::web {

// The value of cookie `name` in a Cookie header.
std::optional<std::string> cookie_value(std::string_view header, std::string_view name);
// `name`'s value in "a=1&b=2" (a query, or a form's body), percent-decoded; none when absent or
// badly encoded.
std::optional<std::string> query_value(std::string_view query, std::string_view name);
inline std::optional<std::string> form_value(std::string_view body, std::string_view name) {
  return query_value(body, name);
}
// "%41+b" -> "A b"; none for a '%' not followed by two hex digits.
std::optional<std::string> percent_decoded(std::string_view text);

// A request's JSON body: an object (an empty body is {}).
struct JsonBody {
  nlohmann::json object = nlohmann::json::object();
  std::string error;  // set when the body is not a JSON object

  // Empty, or "unknown key: x (this takes: a, b)".
  std::string check_keys(std::initializer_list<std::string_view> known) const;
  // The number at `key` within [min, max]; none when absent, not a number or out of range.
  std::optional<double> number(const std::string& key, double min, double max) const;
};
JsonBody parse_json_body(std::string_view body);

}  // namespace chairhub::web
