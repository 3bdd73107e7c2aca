#include "jinja_subset.hpp"

#include <cctype>
#include <memory>
#include <optional>

namespace chairhub::mqtt::test {

namespace {

using Json = nlohmann::ordered_json;

// A value, or Jinja's "undefined" (a missing attribute): renders as "" and is false.
struct Value {
  Json json;
  bool undefined = false;
};

bool truthy(const Value& v) {  // Python's truth rules
  if (v.undefined) return false;
  const Json& j = v.json;
  if (j.is_null()) return false;
  if (j.is_boolean()) return j.get<bool>();
  if (j.is_number()) return j.get<double>() != 0;
  if (j.is_string()) return !j.get<std::string>().empty();
  return !j.empty();
}

// Python's str() of a value, as Jinja writes it into the output.
std::string python_str(const Value& v) {
  if (v.undefined) return "";
  const Json& j = v.json;
  if (j.is_null()) return "None";
  if (j.is_boolean()) return j.get<bool>() ? "True" : "False";
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number()) return j.dump();  // shortest round trip: 52.3, 40.0, 7, like Python's repr
  throw TemplateError("a dict or list written without | tojson renders as Python, not JSON: " + j.dump());
}

struct Token {
  enum Kind { name, string, number, op, end } kind;
  std::string text;
};

std::vector<Token> tokenize(const std::string& s) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      std::size_t j = i;
      while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_')) ++j;
      out.push_back({Token::name, s.substr(i, j - i)});
      i = j;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      std::size_t j = i;
      while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == '.')) ++j;
      out.push_back({Token::number, s.substr(i, j - i)});
      i = j;
    } else if (c == '\'' || c == '"') {
      const auto close = s.find(c, i + 1);
      if (close == std::string::npos) throw TemplateError("unterminated string in: " + s);
      out.push_back({Token::string, s.substr(i + 1, close - i - 1)});
      i = close + 1;
    } else if ((c == '=' || c == '!') && i + 1 < s.size() && s[i + 1] == '=') {
      out.push_back({Token::op, s.substr(i, 2)});
      i += 2;
    } else if (std::string_view("()[],.|=").find(c) != std::string_view::npos) {
      out.push_back({Token::op, std::string(1, c)});
      ++i;
    } else {
      throw TemplateError(std::string("unsupported character '") + c + "' in: " + s);
    }
  }
  out.push_back({Token::end, ""});
  return out;
}

// Recursive descent over one expression, evaluated as it is parsed (no short-circuit needed:
// every operand of our templates can be evaluated).
class Expression {
 public:
  Expression(const std::string& text, const Value& value_json, std::vector<std::string>& warnings)
      : text_(text), tokens_(tokenize(text)), value_json_(value_json), warnings_(warnings) {}

  Value evaluate() {
    Value v = conditional();
    if (peek().kind != Token::end) fail("unexpected '" + peek().text + "'");
    return v;
  }

 private:
  const Token& peek() const { return tokens_[pos_]; }
  bool accept(const std::string& text) {
    if (peek().kind != Token::string && peek().text == text) {
      ++pos_;
      return true;
    }
    return false;
  }
  void expect(const std::string& text) {
    if (!accept(text)) fail("expected '" + text + "'");
  }
  [[noreturn]] void fail(const std::string& what) const { throw TemplateError(what + " in: " + text_); }

  Value conditional() {
    Value a = or_expr();
    if (!accept("if")) return a;
    const Value cond = or_expr();
    Value b{Json(), true};  // Jinja: a missing else is undefined
    if (accept("else")) b = conditional();
    return truthy(cond) ? a : b;
  }
  Value or_expr() {
    Value a = and_expr();
    while (accept("or")) {
      Value b = and_expr();
      a = truthy(a) ? a : b;
    }
    return a;
  }
  Value and_expr() {
    Value a = not_expr();
    while (accept("and")) {
      Value b = not_expr();
      a = truthy(a) ? b : a;
    }
    return a;
  }
  Value not_expr() {
    if (accept("not")) return {Json(!truthy(not_expr()))};
    return comparison();
  }
  Value comparison() {
    Value a = postfix();
    if (accept("==")) return {Json(equal(a, postfix()))};
    if (accept("!=")) return {Json(!equal(a, postfix()))};
    if (accept("in")) return {Json(contains(postfix(), a))};
    if (peek().text == "not" && tokens_[pos_ + 1].text == "in") {
      pos_ += 2;
      return {Json(!contains(postfix(), a))};
    }
    if (accept("is")) {
      const bool negate = accept("not");
      const std::string test = name();
      bool result = false;
      if (test == "none") result = !a.undefined && a.json.is_null();
      else if (test == "defined") result = !a.undefined;
      else fail("unsupported test '" + test + "'");
      return {Json(negate != result)};
    }
    return a;
  }
  Value postfix() {
    Value v = primary();
    for (;;) {
      if (accept(".")) {
        v = attribute(v, name());
      } else if (accept("|")) {
        const std::string filter = name();
        if (filter != "tojson") fail("unsupported filter '" + filter + "'");
        if (v.undefined) fail("tojson of an undefined value");
        v = {Json(v.json.dump())};
      } else {
        return v;
      }
    }
  }
  Value primary() {
    const Token t = peek();
    if (t.kind == Token::string) {
      ++pos_;
      return {Json(t.text)};
    }
    if (t.kind == Token::number) {
      ++pos_;
      return {Json::parse(t.text)};
    }
    if (accept("(")) {
      Value v = conditional();
      expect(")");
      return v;
    }
    if (accept("[")) {
      Json list = Json::array();
      if (!accept("]")) {
        do list.push_back(conditional().json);
        while (accept(","));
        expect("]");
      }
      return {list};
    }
    const std::string n = name();
    if (n == "none" || n == "None") return {Json(nullptr)};
    if (n == "true" || n == "True") return {Json(true)};
    if (n == "false" || n == "False") return {Json(false)};
    if (n == "value_json") return value_json_;
    if (n == "dict") return dict_call();
    fail("unknown name '" + n + "'");
  }
  // dict(base, key=value, ...): a copy of base with the keys set.
  Value dict_call() {
    expect("(");
    Json out = Json::object();
    if (!accept(")")) {
      do {
        if (peek().kind == Token::name && tokens_[pos_ + 1].text == "=") {
          const std::string key = name();
          expect("=");
          out[key] = conditional().json;
        } else {
          const Value base = conditional();
          if (!base.json.is_object()) fail("dict() of something that is not a dict");
          for (const auto& [k, v] : base.json.items()) out[k] = v;
        }
      } while (accept(","));
      expect(")");
    }
    return {out};
  }
  std::string name() {
    if (peek().kind != Token::name) fail("expected a name, got '" + peek().text + "'");
    return tokens_[pos_++].text;
  }
  Value attribute(const Value& v, const std::string& key) {
    if (!v.undefined && v.json.is_object() && v.json.contains(key)) return {v.json[key]};
    warnings_.push_back("'" + (v.undefined ? std::string("undefined") : v.json.type_name()) +
                        "' has no attribute '" + key + "'");
    return {Json(), true};
  }
  static bool equal(const Value& a, const Value& b) {
    if (a.undefined || b.undefined) return a.undefined && b.undefined;
    return a.json == b.json;
  }
  bool contains(const Value& container, const Value& item) {
    if (container.json.is_array()) {
      for (const auto& e : container.json)
        if (!item.undefined && e == item.json) return true;
      return false;
    }
    if (container.json.is_object()) return item.json.is_string() && container.json.contains(item.json.get<std::string>());
    if (container.json.is_string() && item.json.is_string())
      return container.json.get<std::string>().find(item.json.get<std::string>()) != std::string::npos;
    fail("'in' on something that is not a list, dict or string");
  }

  std::string text_;
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  const Value& value_json_;
  std::vector<std::string>& warnings_;
};

// Template text: literal text, {{ expressions }} and {% if %} blocks.
class Renderer {
 public:
  Renderer(const std::string& tmpl, const Value& value_json, Rendered& out)
      : tmpl_(tmpl), value_json_(value_json), out_(out) {}

  void render() {
    out_.text = block(true);
    if (pos_ != tmpl_.size()) throw TemplateError("unexpected {% " + pending_ + " %} in: " + tmpl_);
  }

 private:
  // Renders up to the end or to an else/endif tag (left in pending_); `emit` false skips output.
  std::string block(bool emit) {
    std::string text;
    while (pos_ < tmpl_.size()) {
      const auto open = tmpl_.find('{', pos_);
      if (open == std::string::npos || open + 1 >= tmpl_.size()) {
        text += tmpl_.substr(pos_);
        pos_ = tmpl_.size();
        break;
      }
      text += tmpl_.substr(pos_, open - pos_);
      const char kind = tmpl_[open + 1];
      if (kind != '{' && kind != '%') {
        text += '{';
        pos_ = open + 1;
        continue;
      }
      const std::string close = kind == '{' ? "}}" : "%}";
      const auto end = tmpl_.find(close, open + 2);
      if (end == std::string::npos) throw TemplateError("unclosed tag in: " + tmpl_);
      const std::string inner = tmpl_.substr(open + 2, end - open - 2);
      pos_ = end + 2;
      if (kind == '{') {
        if (emit) text += python_str(Expression(inner, value_json_, out_.warnings).evaluate());
        continue;
      }
      const auto first = inner.find_first_not_of(' ');
      const auto word_end = inner.find(' ', first);
      const std::string word = inner.substr(first, word_end == std::string::npos ? std::string::npos : word_end - first);
      if (word == "else" || word == "endif") {
        pending_ = word;
        return text;
      }
      if (word != "if") throw TemplateError("unsupported tag {% " + word + " %} in: " + tmpl_);
      const bool cond = emit && truthy(Expression(inner.substr(word_end), value_json_, out_.warnings).evaluate());
      std::string then = block(emit && cond);
      std::string otherwise;
      if (pending_ == "else") otherwise = block(emit && !cond);
      if (pending_ != "endif") throw TemplateError("{% if %} without {% endif %} in: " + tmpl_);
      pending_.clear();
      text += cond ? then : otherwise;
    }
    return text;
  }

  const std::string& tmpl_;
  const Value& value_json_;
  Rendered& out_;
  std::size_t pos_ = 0;
  std::string pending_;
};

}  // namespace

Rendered render_value_template(const std::string& tmpl, const std::string& payload) {
  Value value_json{Json(), true};  // Home Assistant leaves value_json undefined for a payload that is not JSON
  try {
    value_json = {Json::parse(payload)};
  } catch (const Json::parse_error&) {
  }
  Rendered out;
  Renderer(tmpl, value_json, out).render();
  return out;
}

}  // namespace chairhub::mqtt::test
