"""Bug zoo: x0 from eps with the wrong sign: (x_t + sqrt(1 - alpha_bar) eps) / sqrt(alpha_bar).
Expected to be flagged on op `predict_x0_from_eps` (and possibly ops built on it)."""
import math  # noqa: F401
import os
import struct  # noqa: F401
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

def x0_from_eps(labs, t, xt, eps):
    return (xt + math.sqrt(ref.one_minus_alpha_bar(labs, t)) * eps) / math.exp(0.5 * ref.log_alpha_bar(labs, t))


ref.x0_from_eps = x0_from_eps

if __name__ == "__main__":
    ref.main(name="zoo-x0-eps-wrong-sign", only=ref.V1_OPS)
