"""Bug zoo: the posterior mean coefficients on x_0 and x_t are swapped.
Expected to be flagged on op `q_posterior_mean_variance` (and possibly ops built on it)."""
import math  # noqa: F401
import os
import struct  # noqa: F401
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

_orig = ref.posterior_coefficients


def posterior_coefficients(labs, betas, t):
    c0, ct = _orig(labs, betas, t)
    return ct, c0


ref.posterior_coefficients = posterior_coefficients

if __name__ == "__main__":
    ref.main(name="zoo-swapped-posterior-coefficients", only=ref.V1_OPS)
