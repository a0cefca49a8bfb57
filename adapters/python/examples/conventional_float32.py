"""Conventional float32 diffusion code (the Stable Diffusion-era style): beta and alpha_bar stored in
float32, alpha_bar by cumprod, 1 - alpha_bar by subtraction, the posterior from alphas_cumprod_prev."""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from probity_adapter import serve  # noqa: E402

F = np.float32


class Tables:
    def __init__(self, betas):
        betas = np.asarray(betas, dtype=F)
        alphas = F(1) - betas
        ac = np.cumprod(alphas, dtype=F)
        acp = np.append(F(1), ac[:-1]).astype(F)
        with np.errstate(divide="ignore", invalid="ignore"):
            self.ac = ac
            self.sqrt_ac = np.sqrt(ac)
            self.om = F(1) - ac
            self.log_om = np.log(self.om)
            self.sqrt_recip = np.sqrt(F(1) / ac)
            self.sqrt_recipm1 = np.sqrt(F(1) / ac - F(1))
            self.post_var = betas * (F(1) - acp) / (F(1) - ac)
            self.post_log_var = np.log(self.post_var)
            self.c1 = betas * np.sqrt(acp) / (F(1) - ac)
            self.c2 = (F(1) - acp) * np.sqrt(alphas) / (F(1) - ac)


def alphas_cumprod(betas):
    return Tables(betas).ac


def q_mean_variance(betas, x0, t):
    s, i = Tables(betas), np.asarray(t) - 1
    return {"mean": s.sqrt_ac[i] * np.asarray(x0, dtype=F), "variance": s.om[i], "log_variance": s.log_om[i]}


def q_posterior_mean_variance(betas, x0, xt, t):
    s, i = Tables(betas), np.asarray(t) - 1
    with np.errstate(invalid="ignore"):
        mean = s.c1[i] * np.asarray(x0, dtype=F) + s.c2[i] * np.asarray(xt, dtype=F)
    return {"mean": mean, "variance": s.post_var[i], "log_variance": s.post_log_var[i]}


def predict_x0_from_eps(betas, xt, t, eps):
    s, i = Tables(betas), np.asarray(t) - 1
    return s.sqrt_recip[i] * np.asarray(xt, dtype=F) - s.sqrt_recipm1[i] * np.asarray(eps, dtype=F)


if __name__ == "__main__":
    serve({"alphas_cumprod": alphas_cumprod, "q_mean_variance": q_mean_variance,
           "q_posterior_mean_variance": q_posterior_mean_variance, "predict_x0_from_eps": predict_x0_from_eps},
          name="conventional-float32", precision="float32")
