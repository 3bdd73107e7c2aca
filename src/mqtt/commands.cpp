#include "mqtt/commands.hpp"

#include <cmath>
#include <initializer_list>

#include "analysis/posture_fit.hpp"
#include "analysis/sitter_profile.hpp"
#include "mqtt/calibration_progress.hpp"

namespace chairhub::mqtt {

namespace {

using nlohmann::ordered_json;

struct Rejected {
  std::string why;
};

// Rejects fields the command does not know, so a typo never passes silently.
void allow_only(const ordered_json& args, std::initializer_list<std::string_view> known) {
  for (const auto& [key, value] : args.items()) {
    if (key == "command" || key == "id") continue;
    bool ok = false;
    for (auto k : known) ok = ok || key == k;
    if (!ok) throw Rejected{"unknown field '" + key + "'"};
  }
}

// "'seconds' must be 1..120", from the limits.
std::string range_text(std::string_view field, double low, double high) {
  return "'" + std::string(field) + "' must be " + std::to_string(static_cast<int>(low)) + ".." +
         std::to_string(static_cast<int>(high));
}

// A profile's name from `field`, checked as a profile's name must be.
std::string profile_name(const ordered_json& args, const char* field) {
  auto it = args.find(field);
  if (it == args.end() || !it->is_string()) throw Rejected{"'" + std::string(field) + "' must be a profile's name"};
  std::string name = it->get<std::string>();
  if (std::string problem = profile_name_problem(name); !problem.empty()) throw Rejected{problem};
  return name;
}

CalibratePosturesCommand calibrate_postures(const ordered_json& args) {
  allow_only(args, {"hold_s", "cancel", "profile"});
  CalibratePosturesCommand cmd;
  if (auto it = args.find("cancel"); it != args.end()) {
    if (!it->is_boolean()) throw Rejected{"'cancel' must be true or false"};
    cmd.cancel = it->get<bool>();
  }
  if (auto it = args.find("hold_s"); it != args.end()) {
    if (cmd.cancel) throw Rejected{"'cancel' takes no other field"};
    if (!it->is_number()) throw Rejected{"'hold_s' must be a number"};
    const double s = it->get<double>();
    if (!std::isfinite(s) || s < kMinPostureHoldSeconds || s > kMaxPostureHoldSeconds)
      throw Rejected{range_text("hold_s", kMinPostureHoldSeconds, kMaxPostureHoldSeconds)};
    cmd.hold_s = s;
  }
  if (args.contains("profile")) {
    if (cmd.cancel) throw Rejected{"'cancel' takes no other field"};
    cmd.profile = profile_name(args, "profile");
  }
  return cmd;
}

Command build(std::string_view name, const ordered_json& args) {
  if (name == "tare") {
    allow_only(args, {});
    return TareCommand{};
  }
  if (name == "reset_session") {
    allow_only(args, {});
    return ResetSessionCommand{};
  }
  if (name == "snooze") {
    allow_only(args, {"minutes"});
    auto it = args.find("minutes");
    if (it == args.end()) throw Rejected{"snooze needs 'minutes'"};
    if (!it->is_number_integer() && !it->is_number_unsigned()) throw Rejected{"'minutes' must be an integer"};
    const auto minutes = it->get<long long>();
    if (minutes < kMinSnoozeMinutes || minutes > kMaxSnoozeMinutes)
      throw Rejected{"'minutes' must be " + std::to_string(kMinSnoozeMinutes) + ".." +
                     std::to_string(kMaxSnoozeMinutes)};
    return SnoozeCommand{static_cast<int>(minutes)};
  }
  if (name == "nudges") {
    allow_only(args, {"on"});
    auto it = args.find("on");
    if (it == args.end() || !it->is_boolean()) throw Rejected{"nudges needs 'on': true or false"};
    return NudgesCommand{it->get<bool>()};
  }
  if (name == "baseline") {
    allow_only(args, {"seconds"});
    BaselineCommand cmd;
    if (auto it = args.find("seconds"); it != args.end()) {
      if (!it->is_number()) throw Rejected{"'seconds' must be a number"};
      const double s = it->get<double>();
      if (!std::isfinite(s) || s < kMinBaselineSeconds || s > kMaxBaselineSeconds)
        throw Rejected{range_text("seconds", kMinBaselineSeconds, kMaxBaselineSeconds)};
      cmd.seconds = s;
    }
    return cmd;
  }
  if (name == kCalibratePosturesOp) return calibrate_postures(args);
  if (name == "profile") {
    allow_only(args, {"name"});
    return ProfileCommand{profile_name(args, "name")};
  }
  throw Rejected{"unknown command"};
}

// Shared by both entry points: size check, JSON parse, object check.
std::optional<ordered_json> parse_object(std::string_view payload, bool empty_is_object, ParsedCommand& out) {
  if (payload.size() > kMaxCommandBytes) {
    out.error = "payload too large (over the limit of " + std::to_string(kMaxCommandBytes) + " bytes)";
    return std::nullopt;
  }
  if (payload.empty() && empty_is_object) return ordered_json::object();
  ordered_json j = ordered_json::parse(payload.begin(), payload.end(), nullptr, false);
  if (j.is_discarded()) {
    out.error = "malformed JSON";
    return std::nullopt;
  }
  if (!j.is_object()) {
    out.error = "payload must be a JSON object";
    return std::nullopt;
  }
  if (auto it = j.find("id"); it != j.end()) {
    if (it->is_string() || it->is_number_integer() || it->is_number_unsigned()) out.id = *it;
  }
  return j;
}

void finish(std::string_view name, const ordered_json& args, ParsedCommand& out) {
  try {
    out.command = build(name, args);
    // a command that answers more than once echoes the id in every answer
    if (auto* calibrate = std::get_if<CalibratePosturesCommand>(&*out.command)) calibrate->id = out.id;
  } catch (const Rejected& r) {
    out.error = r.why;
  }
}

}  // namespace

std::string_view command_name(const Command& command) {
  struct Visitor {
    std::string_view operator()(const TareCommand&) const { return "tare"; }
    std::string_view operator()(const SnoozeCommand&) const { return "snooze"; }
    std::string_view operator()(const NudgesCommand&) const { return "nudges"; }
    std::string_view operator()(const BaselineCommand&) const { return "baseline"; }
    std::string_view operator()(const ResetSessionCommand&) const { return "reset_session"; }
    std::string_view operator()(const CalibratePosturesCommand&) const { return kCalibratePosturesOp; }
    std::string_view operator()(const ProfileCommand&) const { return "profile"; }
  };
  return std::visit(Visitor{}, command);
}

ParsedCommand parse_set_payload(std::string_view payload) {
  ParsedCommand out;
  auto j = parse_object(payload, false, out);
  if (!j) return out;
  auto it = j->find("command");
  if (it == j->end() || !it->is_string()) {
    out.error = "missing 'command'";
    return out;
  }
  out.op = it->get<std::string>();
  finish(out.op, *j, out);
  return out;
}

ParsedCommand parse_request(std::string_view op, std::string_view payload) {
  ParsedCommand out;
  out.op = std::string(op);
  auto j = parse_object(payload, true, out);
  if (!j) return out;
  if (auto it = j->find("command"); it != j->end() && !(it->is_string() && it->get<std::string>() == op)) {
    out.error = "'command' does not match the request topic";
    return out;
  }
  finish(op, *j, out);
  return out;
}

ordered_json response_payload(const ParsedCommand& parsed, const CommandOutcome& outcome) {
  const bool ok = parsed.command && outcome.ok;
  ordered_json j;
  j["status"] = ok ? "ok" : "error";
  if (!parsed.op.empty()) j["command"] = parsed.op.substr(0, 64);
  if (!parsed.id.is_null()) j["id"] = parsed.id;
  if (!ok) j["error"] = parsed.command ? outcome.error : parsed.error;
  return j;
}

}  // namespace chairhub::mqtt
