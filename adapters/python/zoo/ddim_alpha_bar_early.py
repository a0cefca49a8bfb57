"""Bug zoo (protocol v2): a DDIM sampler that reads alpha_bar one step early (alphas_cumprod[t - 1]
of a 0-based table indexed with t - 1 once more: alpha_bar_{t-1} where alpha_bar_t belongs).
Flagged on op `ddim_step` (reference; eta = 0 with the true eps lands on q(x_t' | x_0)).
`--fixed` indexes alphas_cumprod[t - 1] = alpha_bar_t."""
import math  # noqa: F401
import os
import struct  # noqa: F401
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

FIXED = "--fixed" in sys.argv


def ddim_one(labs, t, t_prev, xt, eps, eta, z):
    alphas_cumprod = [math.exp(l) for l in labs]            # 0-based: alphas_cumprod[t - 1] = alpha_bar_t
    i = t - 1 if FIXED else t - 2
    a_t = alphas_cumprod[i] if i >= 0 else 1.0
    a_prev = alphas_cumprod[t_prev - 1] if t_prev >= 1 else 1.0
    x0 = (xt - math.sqrt(1 - a_t) * eps) / math.sqrt(a_t)
    sigma = eta * math.sqrt((1 - a_prev) / (1 - a_t) * (1 - a_t / a_prev)) if a_t < 1 else 0.0
    mean = math.sqrt(a_prev) * x0 + math.sqrt(max(1 - a_prev - sigma ** 2, 0.0)) * eps
    return mean, sigma, mean + sigma * z


ref.ddim_one = ddim_one

if __name__ == "__main__":
    ref.main(name="zoo-ddim-alpha-bar-early" + ("-fixed" if FIXED else ""), only={"ddim_step", "q_mean_variance",
                                                                                 "q_posterior_mean_variance"})
