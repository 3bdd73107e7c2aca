#include "service/sitter_profiles.hpp"

#include <algorithm>
#include <fstream>
#include <system_error>

#include "config/posture_model_file.hpp"
#include "core/atomic_file.hpp"
#include "core/input_error.hpp"

namespace chairhub {

namespace {
constexpr const char* kSelectedFile = "selected";
}

std::vector<std::string> SitterProfiles::names() const {
  std::vector<std::string> out;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder(), error)) {
    const auto& path = entry.path();
    if (path.extension() != ".toml" || !entry.is_regular_file(error)) continue;
    const std::string name = path.stem().string();
    if (profile_name_problem(name).empty()) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool SitterProfiles::exists(const std::string& name) const {
  std::error_code error;
  return profile_name_problem(name).empty() && std::filesystem::is_regular_file(model_file(name), error);
}

std::optional<std::string> SitterProfiles::selected() const {
  std::ifstream in(folder() / kSelectedFile);
  std::string name;
  if (!std::getline(in, name) || !exists(name)) return std::nullopt;
  return name;
}

void SitterProfiles::select(const std::string& name) const {
  if (!exists(name)) throw InputError("profile", 0, "no profile '" + name + "': calibrate its postures first");
  try {
    write_file_atomically(folder() / kSelectedFile, name + "\n", 0644);
  } catch (const std::system_error& e) {
    throw InputError((folder() / kSelectedFile).string(), 0, e.what());
  }
}

std::filesystem::path SitterProfiles::model_file(const std::optional<std::string>& profile) const {
  if (!profile) return dir_ / kPostureModelFile;
  return folder() / (*profile + ".toml");
}

std::string SitterProfiles::writable_problem(const std::string& name) const {
  if (std::string problem = profile_name_problem(name); !problem.empty()) return problem;
  if (exists(name) || names().size() < kMaxProfiles) return {};
  return "there are " + std::to_string(kMaxProfiles) + " profiles already, the most a chair keeps: remove one from " +
         folder().string() + " first";
}

std::vector<ProfileWeight> SitterProfiles::weights(const Journal& journal) const {
  std::vector<ProfileWeight> out;
  for (const auto& name : names()) {
    try {
      const PostureModel model = load_posture_model(model_file(name).string());
      if (model.baseline.seat_kg) out.push_back({name, *model.baseline.seat_kg});
      else journal(LogLevel::warning, "profile " + name + ": its model has no seated weight; it is chosen only by name");
    } catch (const InputError& e) {
      for (const auto& p : e.problems()) journal(LogLevel::error, p);
    }
  }
  return out;
}

}  // namespace chairhub
