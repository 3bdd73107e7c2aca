#!/usr/bin/env python3
"""Writes week.toml, the soak test's scenario: seven workdays of a restless sitter.

Run it again only to change the week on purpose (python3 make_week.py > week.toml); the seeded
generator makes the same file every time.
"""
import random

HEADER = """\
# Seven workdays, for the soak test (soak_test.cpp), written by make_week.py: each day an empty
# chair until nine, about nine hours of work in sittings of 20-70 min with short absences, real
# breaks and lunch, posture and foot changes every few minutes, then an empty chair until the
# next morning. A few sensor faults on some days. 5 Hz raw counts with spikes and tare drift.
[sitter]
mass_kg = 79
seed = 2026
[log]
rate_hz = 5
units = "raw"
spikes_per_hour = 30
drift_kg_per_h = 0.05
"""

POSTURES = ["upright", "upright", "upright", "slouching", "leaning_left", "leaning_right",
            "leaning_forward", "reclined"]
FEET = ["flat", "flat", "flat", "tucked", "dangling"]
FAULT_CHANNELS = ["seat_fl", "seat_br", "lumbar_l", "foot_r"]


def main():
    rnd = random.Random(7)
    lines = HEADER.splitlines() + [""]
    faults = []
    elapsed_min = 0.0

    def step(posture, minutes, feet="flat"):
        nonlocal elapsed_min
        lines.extend(["[[step]]", f'posture = "{posture}"'])
        if posture != "away" and feet != "flat":
            lines.append(f'feet = "{feet}"')
        lines.append(f"minutes = {minutes}")
        elapsed_min += minutes

    for day in range(7):
        lines.append(f"# day {day + 1}")
        step("away", 9 * 60 if day else 30)
        worked, lunch = 0, False
        while worked < 9 * 60:
            sitting, seated = rnd.randint(20, 70), 0
            while seated < sitting:
                minutes = rnd.randint(2, 12)
                step(rnd.choice(POSTURES), minutes, rnd.choice(FEET))
                seated += minutes
                if rnd.random() < 0.15:  # a short absence: the session goes on
                    step("away", 1)
                    seated += 1
            worked += seated
            if not lunch and worked > 4 * 60:
                step("away", 45)
                lunch, worked = True, worked + 45
            else:
                pause = rnd.choice([3, 5, 8, 10])
                step("away", pause)
                worked += pause
            if rnd.random() < 0.1 and len(faults) < 6:
                faults.append((rnd.choice(FAULT_CHANNELS), rnd.choice(["missing", "stuck", "saturated"]),
                               int(elapsed_min * 60 + 30), rnd.choice([5, 20, 60])))
        step("away", (24 * 60 * (day + 1) - elapsed_min) if day < 6 else 60)

    for channel, kind, at_s, for_s in faults:
        lines.extend(["[[fault]]", f'channel = "{channel}"', f'kind = "{kind}"', f"at_s = {at_s}",
                      f"for_s = {for_s}"])
    print("\n".join(lines))


if __name__ == "__main__":
    main()
