"""Bug zoo: log(1 - alpha_bar_t) clipped at t = 1 to its t = 2 value (the posterior-variance clip of improved DDPM applied to the wrong array).
Expected to be flagged on op `q_mean_variance` (and possibly ops built on it)."""
import math  # noqa: F401
import os
import struct  # noqa: F401
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

_orig = ref.log_one_minus_alpha_bar


def log_one_minus_alpha_bar(labs, t):
    if t == 1 and len(labs) >= 2:
        return _orig(labs, 2)
    return _orig(labs, t)


ref.log_one_minus_alpha_bar = log_one_minus_alpha_bar

if __name__ == "__main__":
    ref.main(name="zoo-log-one-minus-clipped", only=ref.V1_OPS)
