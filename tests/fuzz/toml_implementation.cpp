// toml++ compiled into the fuzz build rather than used from its shared library, so its parser
// is instrumented too: coverage guides the fuzzer through TOML syntax, and ASan watches it.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
