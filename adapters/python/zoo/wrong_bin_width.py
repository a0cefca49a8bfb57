"""Bug zoo: the discretized likelihood uses half-width 2/255 (the full bin width) for the inner bins.
Expected to be flagged on op `discretized_gaussian_log_likelihood` (and possibly ops built on it)."""
import math  # noqa: F401
import os
import struct  # noqa: F401
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

def bin_edges(x):
    lo = None if x < -ref.EDGE else x - 2.0 / 255.0
    hi = None if x > ref.EDGE else x + 2.0 / 255.0
    return lo, hi


ref.bin_edges = bin_edges

if __name__ == "__main__":
    ref.main(name="zoo-wrong-bin-width", only=ref.V1_OPS)
