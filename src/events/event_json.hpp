#pragma once
// The events' JSON form, a public contract: what `replay` prints, what MQTT publishes and what
// the journal shows. {"type": ..., "t": ..., the type's own fields}. Fields may be added; names
// are never changed.
#include <nlohmann/json.hpp>

#include "events/event.hpp"

namespace chairhub {

// Times and durations rounded to milliseconds.
nlohmann::ordered_json to_json(const Event& event);

// Rounded to three decimals (seconds to milliseconds), so outputs stay short and stable across
// platforms; never "-0".
double round_ms(double value);

}  // namespace chairhub
