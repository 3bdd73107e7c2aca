#include "core/systemd_library.hpp"

#include <dlfcn.h>

#include <stdexcept>
#include <string>
#include <type_traits>

namespace chairhub {

namespace {

constexpr const char* kLibrary = "libsystemd.so.0";

SystemdLibrary load() {
  void* handle = ::dlopen(kLibrary, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) throw std::runtime_error(std::string("cannot load ") + ::dlerror());
  SystemdLibrary lib{};
  const auto find = [handle](auto& function, const char* name) {
    void* symbol = ::dlsym(handle, name);
    if (symbol == nullptr) throw std::runtime_error(std::string(kLibrary) + " has no " + name);
    function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(symbol);
  };
  find(lib.notify, "sd_notify");
  find(lib.watchdog_enabled, "sd_watchdog_enabled");
  find(lib.id128_get_machine_app_specific, "sd_id128_get_machine_app_specific");
  find(lib.id128_to_string, "sd_id128_to_string");
  return lib;  // the handle stays open for the life of the program
}

}  // namespace

const SystemdLibrary& systemd_library() {
  static const SystemdLibrary library = load();  // a throw leaves it to be tried again
  return library;
}

}  // namespace chairhub
