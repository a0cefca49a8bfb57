"""Bug zoo (protocol v2): a DDIM sampler whose last step (t_prev = 0) uses alpha_bar_1 instead of
alpha_bar_0 = 1 (a "final alpha_cumprod" taken from the table), so the output keeps noise.
Flagged on op `ddim_step` (reference at t_prev = 0; eta = 0 with the true eps lands on x_0).
`--fixed` uses alpha_bar_0 = 1."""
import math  # noqa: F401
import os
import struct  # noqa: F401
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

FIXED = "--fixed" in sys.argv


def ddim_one(labs, t, t_prev, xt, eps, eta, z):
    alphas_cumprod = [math.exp(l) for l in labs]
    final_alpha_cumprod = 1.0 if FIXED else alphas_cumprod[0]
    a_t = alphas_cumprod[t - 1]
    a_prev = alphas_cumprod[t_prev - 1] if t_prev >= 1 else final_alpha_cumprod
    x0 = (xt - math.sqrt(1 - a_t) * eps) / math.sqrt(a_t)
    sigma = eta * math.sqrt((1 - a_prev) / (1 - a_t) * (1 - a_t / a_prev))
    mean = math.sqrt(a_prev) * x0 + math.sqrt(max(1 - a_prev - sigma ** 2, 0.0)) * eps
    return mean, sigma, mean + sigma * z


ref.ddim_one = ddim_one

if __name__ == "__main__":
    ref.main(name="zoo-ddim-final-alpha-bar" + ("-fixed" if FIXED else ""), only={"ddim_step", "q_mean_variance",
                                                                                "q_posterior_mean_variance"})
