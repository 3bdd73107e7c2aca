#pragma once
// The version of chairhub, from project() in CMakeLists.txt: the one place it is written.
#include <string_view>

namespace chairhub {

inline constexpr std::string_view kVersion = CHAIRHUB_VERSION;

}  // namespace chairhub
