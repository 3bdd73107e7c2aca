#include "mqtt/mosquitto_library.hpp"

#include <dlfcn.h>

#include <stdexcept>
#include <string>

namespace chairhub::mqtt {

namespace {

// The run-time name of libmosquitto 1.x and 2.x alike (the package libmosquitto1).
constexpr const char* kLibrary = "libmosquitto.so.1";

MosquittoLibrary load() {
  void* handle = ::dlopen(kLibrary, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) throw std::runtime_error(std::string("mqtt: cannot load ") + ::dlerror());
  MosquittoLibrary lib{};
  const auto find = [handle](auto& function, const char* name) {
    void* symbol = ::dlsym(handle, name);
    if (symbol == nullptr) throw std::runtime_error(std::string("mqtt: ") + kLibrary + " has no " + name);
    function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(symbol);
  };
  find(lib.lib_init, "mosquitto_lib_init");
  find(lib.strerror, "mosquitto_strerror");
  find(lib.connack_string, "mosquitto_connack_string");
  find(lib.new_client, "mosquitto_new");
  find(lib.destroy, "mosquitto_destroy");
  find(lib.threaded_set, "mosquitto_threaded_set");
  find(lib.int_option, "mosquitto_int_option");
  find(lib.will_set, "mosquitto_will_set");
  find(lib.tls_set, "mosquitto_tls_set");
  find(lib.username_pw_set, "mosquitto_username_pw_set");
  find(lib.connect_callback_set, "mosquitto_connect_callback_set");
  find(lib.disconnect_callback_set, "mosquitto_disconnect_callback_set");
  find(lib.publish_callback_set, "mosquitto_publish_callback_set");
  find(lib.message_callback_set, "mosquitto_message_callback_set");
  find(lib.log_callback_set, "mosquitto_log_callback_set");
  find(lib.connect, "mosquitto_connect");
  find(lib.loop, "mosquitto_loop");
  find(lib.disconnect, "mosquitto_disconnect");
  find(lib.publish, "mosquitto_publish");
  find(lib.subscribe, "mosquitto_subscribe");
  lib.lib_init();
  return lib;  // the handle stays open for the life of the program
}

}  // namespace

const MosquittoLibrary& mosquitto_library() {
  static const MosquittoLibrary library = load();  // a throw leaves it to be tried again
  return library;
}

}  // namespace chairhub::mqtt
