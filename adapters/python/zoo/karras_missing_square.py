"""Bug zoo (protocol v2): Karras/EDM noise levels missing a square: the ramp in sigma^(1/rho) is raised
to rho / 2, so every level is sqrt(sigma_i) and the range runs from sqrt(sigma_max) to sqrt(sigma_min).
Flagged on op `sigma_schedule` (reference; levels run from sigma_max to sigma_min).
`--fixed` raises to rho."""
import math  # noqa: F401
import os
import struct  # noqa: F401
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

FIXED = "--fixed" in sys.argv


def sigma_schedule(kind, n, sigma_min, sigma_max, rho):
    if kind != "karras":
        return ORIGINAL(kind, n, sigma_min, sigma_max, rho)
    ramp = ref.linspace(0.0, 1.0, int(n))
    lo, hi = sigma_min ** (1 / rho), sigma_max ** (1 / rho)
    power = rho if FIXED else rho / 2
    return [(hi + r * (lo - hi)) ** power for r in ramp]


ORIGINAL = ref.sigma_schedule
ref.sigma_schedule = sigma_schedule

if __name__ == "__main__":
    ref.main(name="zoo-karras-missing-square" + ("-fixed" if FIXED else ""), only={"sigma_schedule"})
