"""Bug zoo (issue 13): q(x_t | x_0) with the wrong noise scale -- the standard deviation sqrt(1 - alpha_bar_t)
returned (and logged) as the variance, as when `noise * sqrt(1 - alpha_bar)` code is reused for the variance.
Flagged on op `q_mean_variance` (reference).  `--fixed` is the reference: variance 1 - alpha_bar_t."""
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

FIXED = "--fixed" in sys.argv
_q_stats = ref.q_stats


def q_stats(labs, t):
    c, v, lv = _q_stats(labs, t)
    return c, math.sqrt(v), 0.5 * lv


if not FIXED:
    ref.q_stats = q_stats

if __name__ == "__main__":
    ref.main(name="zoo-q-std-as-variance" + ("-fixed" if FIXED else ""), only={"q_mean_variance", "predict_x0_from_eps"})
