// Chip lookup errors of the backend this build has (the lookups themselves run in the HIL test,
// against gpio-sim).
#include <gtest/gtest.h>

#include "hw/gpio/open_gpio_chip.hpp"
#include "hw/util/device_error.hpp"

using namespace chairhub::hw;

TEST(OpenGpioChip, AMissingChipSaysWhatWasTried) {
  for (const std::string spec : {"/nonexistent/gpiochip9", "no-chip-has-this-label"}) {
    try {
      open_gpio_chip(spec);
      FAIL() << spec;
    } catch (const DeviceError& e) {
      EXPECT_NE(std::string(e.what()).find("opening GPIO chip \"" + spec + "\" (tried it as path, name, label and number)"),
                std::string::npos)
          << e.what();
    }
  }
}

TEST(OpenGpioChip, NamesTheBackendVersion) { EXPECT_EQ(gpio_backend_version().rfind("libgpiod ", 0), 0u); }
