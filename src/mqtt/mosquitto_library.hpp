#pragma once
// libmosquitto, loaded when the first MQTT connection is made instead of linked: a command that
// never talks MQTT (a plain replay, eval, simulate) then maps neither it nor the OpenSSL it
// brings, which was about a fifth of a replay's peak memory.
#include <mosquitto.h>

namespace chairhub::mqtt {

// The functions chairhub calls, by their names without the `mosquitto_` prefix.
struct MosquittoLibrary {
  decltype(&::mosquitto_lib_init) lib_init;
  decltype(&::mosquitto_strerror) strerror;
  decltype(&::mosquitto_connack_string) connack_string;
  decltype(&::mosquitto_new) new_client;  // mosquitto_new: `new` is a keyword
  decltype(&::mosquitto_destroy) destroy;
  decltype(&::mosquitto_threaded_set) threaded_set;
  decltype(&::mosquitto_int_option) int_option;
  decltype(&::mosquitto_will_set) will_set;
  decltype(&::mosquitto_tls_set) tls_set;
  decltype(&::mosquitto_username_pw_set) username_pw_set;
  decltype(&::mosquitto_connect_callback_set) connect_callback_set;
  decltype(&::mosquitto_disconnect_callback_set) disconnect_callback_set;
  decltype(&::mosquitto_publish_callback_set) publish_callback_set;
  decltype(&::mosquitto_message_callback_set) message_callback_set;
  decltype(&::mosquitto_log_callback_set) log_callback_set;
  decltype(&::mosquitto_connect) connect;
  decltype(&::mosquitto_loop) loop;
  decltype(&::mosquitto_disconnect) disconnect;
  decltype(&::mosquitto_publish) publish;
  decltype(&::mosquitto_subscribe) subscribe;
};

// Loads and initialises the library on the first call (safe from any thread); throws
// std::runtime_error naming the library when it is missing or lacks a function.
const MosquittoLibrary& mosquitto_library();

}  // namespace chairhub::mqtt
