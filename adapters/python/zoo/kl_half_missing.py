"""Bug zoo: the 1/2 is missing from the Gaussian KL.
Expected to be flagged on op `normal_kl` (and possibly ops built on it)."""
import math  # noqa: F401
import os
import struct  # noqa: F401
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

def normal_kl_scalar(m1, lv1, m2, lv2):
    d = lv1 - lv2
    return (math.expm1(d) - d) + (m1 - m2) ** 2 * math.exp(-lv2)


ref.normal_kl_scalar = normal_kl_scalar

if __name__ == "__main__":
    ref.main(name="zoo-kl-half-missing", only=ref.V1_OPS)
