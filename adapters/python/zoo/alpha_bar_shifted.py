"""Bug zoo: alpha_bar indexed 0-based with a 1-based t, so every op reads alpha_bar_{t+1} (clamped at T).
Expected to be flagged on op `q_mean_variance` (and possibly ops built on it)."""
import math  # noqa: F401
import os
import struct  # noqa: F401
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

def log_alpha_bar(labs, t):
    return labs[min(t, len(labs) - 1)]


ref.log_alpha_bar = log_alpha_bar

if __name__ == "__main__":
    ref.main(name="zoo-alpha-bar-shifted", only=ref.V1_OPS)
