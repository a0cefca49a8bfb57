"""Bug zoo: the decoder edge bins are not open: the first and last bins have width 2/255 like the others.
Expected to be flagged on op `discretized_gaussian_log_likelihood` (and possibly ops built on it)."""
import math  # noqa: F401
import os
import struct  # noqa: F401
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

def bin_edges(x):
    return x - ref.BIN_HALF_WIDTH, x + ref.BIN_HALF_WIDTH


ref.bin_edges = bin_edges

if __name__ == "__main__":
    ref.main(name="zoo-edge-bins-closed", only=ref.V1_OPS)
