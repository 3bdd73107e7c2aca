#pragma once
// Renders the few Jinja forms chairhub's discovery templates use, the way Home Assistant's MQTT
// integration renders a value template: `value_json` is the payload parsed as JSON, and the
// result is text (Python's str() of the value: None -> "None", True -> "True").
//
// Supported: {{ expr }}, {% if expr %}...{% else %}...{% endif %}; literals ('text', numbers,
// none/None, true/True, false/False, [lists]); value_json.a.b; `x if c else y`; or, and, not;
// ==, !=, in, not in; `is none`, `is not none`, `is defined`; dict(base, key=value); the filter
// tojson. Anything else throws TemplateError, so a template outside this subset fails the test
// instead of being guessed at.
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace chairhub::mqtt::test {

class TemplateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Rendered {
  std::string text;
  // What Home Assistant logs as a template warning: an attribute the payload does not have.
  std::vector<std::string> warnings;
};

Rendered render_value_template(const std::string& tmpl, const std::string& payload);

}  // namespace chairhub::mqtt::test
