"""Bug zoo: the prior KL is taken against N(0, e) (1.0 passed as the log-variance) instead of N(0, 1).
Expected to be flagged on op `prior_kl` (and possibly ops built on it)."""
import math  # noqa: F401
import os
import struct  # noqa: F401
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

def prior_distribution():
    return 0.0, 1.0


ref.prior_distribution = prior_distribution

if __name__ == "__main__":
    ref.main(name="zoo-prior-wrong-distribution", only=ref.V1_OPS)
