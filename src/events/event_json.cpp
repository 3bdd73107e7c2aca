#include "events/event_json.hpp"

#include <cmath>
#include <optional>
#include <string_view>
#include <type_traits>

namespace chairhub {

using nlohmann::ordered_json;

double round_ms(double value) { return std::round(value * 1000.0) / 1000.0 + 0.0; }

namespace {

// Writes an event's fields (event.hpp, each type's fields()) into its JSON object.
class JsonFields {
 public:
  explicit JsonFields(ordered_json& j) : j_(j) {}
  void operator()(const char* key, double value) { j_[key] = round_ms(value); }
  void operator()(const char* key, bool value) { j_[key] = value; }
  void operator()(const char* key, std::string_view value) { j_[key] = value; }
  template <typename Enum>
    requires std::is_enum_v<Enum>
  void operator()(const char* key, Enum value) {
    j_[key] = to_string(value);
  }
  template <typename T>
  void operator()(const char* key, const std::optional<T>& value) {
    if (value) (*this)(key, *value);
    else j_[key] = nullptr;
  }

 private:
  ordered_json& j_;
};

}  // namespace

ordered_json to_json(const Event& event) {
  ordered_json j = {{"type", to_string(event.type())}, {"t", round_ms(event.t)}};
  JsonFields out(j);
  std::visit([&out](const auto& e) { e.fields(out); }, event.data);
  return j;
}

}  // namespace chairhub
