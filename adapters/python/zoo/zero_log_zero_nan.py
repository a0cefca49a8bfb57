"""Bug zoo: 0 log 0 evaluates to NaN (0 * -inf) instead of 0.
Expected to be flagged on op `categorical_entropy` (and possibly ops built on it)."""
import math  # noqa: F401
import os
import struct  # noqa: F401
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

def xlogy(x, y):
    return x * (math.log(y) if y > 0 else -math.inf)


ref.xlogy = xlogy

if __name__ == "__main__":
    ref.main(name="zoo-zero-log-zero-nan", only=ref.V1_OPS)
