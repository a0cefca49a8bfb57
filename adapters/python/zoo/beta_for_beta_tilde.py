"""Bug zoo: the posterior variance is beta_t instead of beta_tilde_t = beta_t (1 - alpha_bar_{t-1}) / (1 - alpha_bar_t).
Expected to be flagged on op `q_posterior_mean_variance` (and possibly ops built on it)."""
import math  # noqa: F401
import os
import struct  # noqa: F401
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

def posterior_variance(labs, betas, t):
    b = betas[t - 1]
    return b, math.log(b)


ref.posterior_variance = posterior_variance

if __name__ == "__main__":
    ref.main(name="zoo-beta-for-beta-tilde", only=ref.V1_OPS)
