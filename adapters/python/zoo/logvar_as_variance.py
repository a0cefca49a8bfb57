"""Bug zoo: q_mean_variance returns the log-variance where the variance belongs.
Expected to be flagged on op `q_mean_variance` (and possibly ops built on it)."""
import math  # noqa: F401
import os
import struct  # noqa: F401
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

_orig = ref.q_stats


def q_stats(labs, t):
    c, _, lv = _orig(labs, t)
    return c, lv, lv


ref.q_stats = q_stats

if __name__ == "__main__":
    ref.main(name="zoo-logvar-as-variance", only=ref.V1_OPS)
