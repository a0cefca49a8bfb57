"""Conventional float32 diffusion code (the Stable Diffusion-era style): beta and alpha_bar stored in
float32, alpha_bar by cumprod, 1 - alpha_bar by subtraction, the posterior from alphas_cumprod_prev;
and the version-2 ops written the same way: SNR = alpha_bar / (1 - alpha_bar), v-prediction from
sqrt(alpha_bar) and sqrt(1 - alpha_bar), Min-SNR-gamma weights from that SNR, and the DDIM step of
Song et al. 2021 (eqs. 12 and 16) from the stored table, alpha_bar_0 = 1."""
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


def snr(betas, t):
    s, i = Tables(betas), np.asarray(t) - 1
    with np.errstate(divide="ignore"):
        return s.ac[i] / s.om[i]


def get_velocity(betas, x0, eps, t):
    s, i = Tables(betas), np.asarray(t) - 1
    return s.sqrt_ac[i] * np.asarray(eps, dtype=F) - np.sqrt(s.om[i]) * np.asarray(x0, dtype=F)


def predict_x0_from_v(betas, xt, t, v):
    s, i = Tables(betas), np.asarray(t) - 1
    return s.sqrt_ac[i] * np.asarray(xt, dtype=F) - np.sqrt(s.om[i]) * np.asarray(v, dtype=F)


def loss_weight(betas, t, prediction_type, gamma):
    r = np.asarray(snr(betas, t), dtype=F)
    clipped = np.minimum(r, F(gamma))
    with np.errstate(divide="ignore", invalid="ignore"):
        if prediction_type == "epsilon":
            return np.where(r == 0, F(1), clipped / r)
        if prediction_type == "v_prediction":
            return clipped / (r + F(1))
    return clipped


def ddim_step(betas, t, t_prev, xt, eps, eta, noise):
    s = Tables(betas)
    t, tp = np.asarray(t), np.asarray(t_prev)
    a_t = s.ac[t - 1]
    a_p = np.where(tp > 0, s.ac[np.maximum(tp - 1, 0)], F(1)).astype(F)
    xt, eps = np.asarray(xt, dtype=F), np.asarray(eps, dtype=F)
    with np.errstate(divide="ignore", invalid="ignore"):
        x0 = (xt - np.sqrt(F(1) - a_t) * eps) / np.sqrt(a_t)
        sigma = F(eta) * np.sqrt((F(1) - a_p) / (F(1) - a_t)) * np.sqrt(F(1) - a_t / a_p)
        mean = np.sqrt(a_p) * x0 + np.sqrt(np.maximum(F(1) - a_p - sigma ** 2, F(0))) * eps
    return {"mean": mean, "std": sigma, "x_prev": mean + sigma * np.asarray(noise, dtype=F)}


def ops():
    return {"alphas_cumprod": alphas_cumprod, "q_mean_variance": q_mean_variance,
            "q_posterior_mean_variance": q_posterior_mean_variance, "predict_x0_from_eps": predict_x0_from_eps,
            "snr": snr, "get_velocity": get_velocity, "predict_x0_from_v": predict_x0_from_v, "loss_weight": loss_weight,
            "ddim_step": ddim_step}


if __name__ == "__main__":
    serve(ops(), name="conventional-float32", precision="float32")
