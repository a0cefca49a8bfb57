"""Bug zoo: the decoder uses the tanh approximation of the normal CDF and clamps probabilities at 1e-12 (as several published decoders do).
Expected to be flagged on op `discretized_gaussian_log_likelihood` (and possibly ops built on it)."""
import math  # noqa: F401
import os
import struct  # noqa: F401
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

def approx_cdf(z):
    return 0.5 * (1.0 + math.tanh(math.sqrt(2.0 / math.pi) * (z + 0.044715 * z ** 3)))


def discretized_log_prob(x, mean, log_scale):
    inv = math.exp(-log_scale)
    lo, hi = ref.bin_edges(x)
    cdf_hi = 1.0 if hi is None else approx_cdf((hi - mean) * inv)
    cdf_lo = 0.0 if lo is None else approx_cdf((lo - mean) * inv)
    return math.log(max(cdf_hi - cdf_lo, 1e-12))


ref.discretized_log_prob = discretized_log_prob

if __name__ == "__main__":
    ref.main(name="zoo-tanh-cdf", only=ref.V1_OPS)
