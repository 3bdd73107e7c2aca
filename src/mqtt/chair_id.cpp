#include "mqtt/chair_id.hpp"

#include <unistd.h>

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "core/systemd_library.hpp"
#include "core/text.hpp"

namespace chairhub::mqtt {

namespace {

// chairhub's application id for sd_id128_get_machine_app_specific(); fixed forever, since
// changing it changes every chair's id.
// (80b9acec-99c1-4ac1-8da2-9e3c4662438a; spelt out because SD_ID128_MAKE is a C compound literal.)
constexpr sd_id128_t kAppId = {{0x80, 0xb9, 0xac, 0xec, 0x99, 0xc1, 0x4a, 0xc1, 0x8d, 0xa2, 0x9e, 0x3c, 0x46, 0x62,
                                0x43, 0x8a}};

// FNV-1a: stable across builds and platforms, unlike std::hash.
std::uint32_t fnv1a(std::string_view text) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : text) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

std::string sanitize(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '_' || c == '-') out += static_cast<char>(std::tolower(u));
    else if (c == '.') break;  // keep only the first label of a fully qualified name
    else out += '_';
  }
  return out.substr(0, 40);
}

std::string from_host_name(const ChairIdSources& sources) {
  if (sources.hostname) {
    if (auto host = sources.hostname(); host) {
      std::string clean = sanitize(std::string(trim(*host)));
      if (!clean.empty()) return "chair-" + clean;
    }
  }
  return "chair";
}

}  // namespace

ChairIdSources system_chair_id_sources() {
  return {
      [] () -> std::optional<std::string> {
        try {
          sd_id128_t id;
          if (systemd_library().id128_get_machine_app_specific(kAppId, &id) < 0) return std::nullopt;
          char hex[SD_ID128_STRING_MAX];
          return std::string(systemd_library().id128_to_string(id, hex));
        } catch (const std::runtime_error&) {
          return std::nullopt;  // no libsystemd: the next source
        }
      },
      [] () -> std::optional<std::string> {
        char buf[256] = {};
        if (gethostname(buf, sizeof buf - 1) != 0 || buf[0] == '\0') return std::nullopt;
        return std::string(buf);
      },
      [] () -> std::optional<std::string> {
        std::ifstream in("/etc/machine-id");
        std::string line;
        if (!in || !std::getline(in, line)) return std::nullopt;
        line = std::string(trim(line));
        if (line.empty()) return std::nullopt;
        return line;
      },
  };
}

std::string default_chair_id(const ChairIdSources& sources) {
  if (sources.app_machine_id) {
    // the keyed hash is already unlinkable; its first 32 bits are enough to tell chairs apart
    if (auto id = sources.app_machine_id(); id && trim(*id).size() >= 8) return "chair-" + std::string(trim(*id).substr(0, 8));
  }
  return from_host_name(sources);
}

std::string legacy_chair_id(const ChairIdSources& sources) {
  if (sources.machine_id) {
    if (auto id = sources.machine_id(); id && !trim(*id).empty()) {
      char hex[9];
      std::snprintf(hex, sizeof hex, "%08x", fnv1a(trim(*id)));
      return std::string("chair-") + hex;
    }
  }
  return from_host_name(sources);
}

bool valid_chair_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
  }
  return true;
}

}  // namespace chairhub::mqtt
