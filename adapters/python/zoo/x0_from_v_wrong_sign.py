"""Bug zoo (protocol v2): v-prediction's x0 written alpha x_t + sigma v instead of alpha x_t - sigma v.
Flagged on op `predict_x0_from_v` (reference; get_velocity round trip).  `--fixed` subtracts."""
import math  # noqa: F401
import os
import struct  # noqa: F401
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

FIXED = "--fixed" in sys.argv


def x0_from_v(a, sg, xt, v):
    return a * xt - sg * v if FIXED else a * xt + sg * v


ref.x0_from_v = x0_from_v

if __name__ == "__main__":
    ref.main(name="zoo-x0-from-v-wrong-sign" + ("-fixed" if FIXED else ""), only={"predict_x0_from_v", "get_velocity",
                                                                                "q_mean_variance"})
