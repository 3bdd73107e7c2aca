// The wording every libgpiod backend shares for its errors.
#include <gtest/gtest.h>

#include <cerrno>

#include "hw/gpio/gpio_backend.hpp"

using namespace chairhub::hw;

TEST(GpioBackend, NamesTheLinesAndTheChip) {
  EXPECT_EQ(describe_lines({5u}, "gpiochip0 [pinctrl-bcm2711]"), "GPIO line 5 on gpiochip0 [pinctrl-bcm2711]");
  EXPECT_EQ(describe_lines({6u, std::string("GPIO13")}, "gpiochip4 [pinctrl-rp1]"),
            "GPIO lines 6,\"GPIO13\" on gpiochip4 [pinctrl-rp1]");
}

TEST(GpioBackend, MissingLineSaysHowManyTheChipHas) {
  const DeviceError e = line_not_found(std::string("GPIO99"), "gpiochip0 [x]", 54);
  EXPECT_EQ(e.kind(), ErrorKind::no_device);
  EXPECT_NE(std::string(e.what()).find("\"GPIO99\" not found on gpiochip0 [x] (it has 54 lines"), std::string::npos);
}

TEST(GpioBackend, BusyLineNamesItsHolders) {
  const DeviceError e = request_failed(EBUSY, "GPIO line 5 on gpiochip0 [x]", {"gpioset", "chairhub hx711 clock"});
  EXPECT_EQ(e.kind(), ErrorKind::busy);
  EXPECT_NE(std::string(e.what()).find("(in use by gpioset, chairhub hx711 clock)"), std::string::npos);
}

TEST(GpioBackend, RequestsOneToSixtyFourLines) {
  EXPECT_THROW(check_line_count(LineRequest::inputs({}), "c"), DeviceError);
  std::vector<LineId> many;
  for (unsigned i = 0; i < 65; ++i) many.emplace_back(i);
  EXPECT_THROW(check_line_count(LineRequest::inputs(many), "c"), DeviceError);
  many.pop_back();
  EXPECT_NO_THROW(check_line_count(LineRequest::inputs(many), "c"));
}
