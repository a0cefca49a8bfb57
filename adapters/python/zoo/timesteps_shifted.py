"""Bug zoo (protocol v2): DDIM timesteps shifted by one: 1-based timesteps offset by 1 once more
(a "steps_offset" applied to timesteps that are already 1-based), so the first one is T + 1 for
the trailing spacing -- an index out of range.
Flagged on op `inference_timesteps` (reference; timesteps lie in 1..T).  `--fixed` adds no offset."""
import math  # noqa: F401
import os
import struct  # noqa: F401
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

FIXED = "--fixed" in sys.argv


def inference_timesteps(T, n, spacing):
    T, n = int(T), int(n)
    if spacing == "leading":
        ts = [k * (T // n) for k in range(n)]                  # 0-based
    elif spacing == "trailing":
        ts = [round(T - k * T / n) for k in range(n)]         # 1-based already
    else:
        ts = [round(x) for x in ref.linspace(0.0, T - 1.0, n)]  # 0-based
    offset = 0 if FIXED and spacing == "trailing" else 1
    return sorted((t + offset for t in ts), reverse=True)


ref.inference_timesteps = inference_timesteps

if __name__ == "__main__":
    ref.main(name="zoo-timesteps-shifted" + ("-fixed" if FIXED else ""), only={"inference_timesteps"})
