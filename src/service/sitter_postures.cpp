#include "service/sitter_postures.hpp"

#include <filesystem>

#include "config/posture_model_file.hpp"
#include "core/input_error.hpp"
#include "service/sitter_profiles.hpp"

namespace chairhub {

std::optional<PostureModel> load_sitter_postures(const std::string& state_dir,
                                                 const std::optional<PostureModel>& current, const Journal& journal) {
  const std::string path = SitterProfiles(state_dir).active_model_file().string();
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    if (current) journal(LogLevel::notice, path + " is gone: posture by the rules again");
    return std::nullopt;
  }
  try {
    PostureModel model = load_posture_model(path);
    journal(LogLevel::notice, "posture model " + path + ": " + std::to_string(model.classes.size()) + " postures");
    return model;
  } catch (const InputError& e) {
    for (const auto& p : e.problems()) journal(LogLevel::error, p);
    journal(LogLevel::error, current ? "keeping the posture model read before"
                                     : "posture by the rules until the model file is made again");
    return current;
  }
}

}  // namespace chairhub
