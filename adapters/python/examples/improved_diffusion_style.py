"""The formulas of the widely copied improved-diffusion / guided-diffusion code (Nichol & Dhariwal),
re-typed in NumPy and served as an adapter: np.cumprod for alpha_bar, np.log(1.0 - alphas_cumprod),
the posterior from alphas_cumprod_prev, the tanh approximation of the normal CDF in the decoder with
its 1e-12 clamp.  Run `probity check-impl -- python3 adapters/python/examples/improved_diffusion_style.py`
to see what Probity says about it: everything holds except the decoder (and vb_term at t = 1, which
uses it), where the tanh approximation is off by up to ~1e-3 in log-probability and the clamp caps
far-tail bins at log(1e-12)."""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from probity_adapter import serve  # noqa: E402


class Tables:
    def __init__(self, betas):
        betas = np.array(betas, dtype=np.float64)
        self.betas = betas
        alphas = 1.0 - betas
        self.alphas_cumprod = np.cumprod(alphas, axis=0)
        self.alphas_cumprod_prev = np.append(1.0, self.alphas_cumprod[:-1])
        self.sqrt_alphas_cumprod = np.sqrt(self.alphas_cumprod)
        self.sqrt_one_minus_alphas_cumprod = np.sqrt(1.0 - self.alphas_cumprod)
        with np.errstate(divide="ignore"):
            self.log_one_minus_alphas_cumprod = np.log(1.0 - self.alphas_cumprod)
            self.sqrt_recip_alphas_cumprod = np.sqrt(1.0 / self.alphas_cumprod)
            self.sqrt_recipm1_alphas_cumprod = np.sqrt(1.0 / self.alphas_cumprod - 1)
            self.posterior_variance = betas * (1.0 - self.alphas_cumprod_prev) / (1.0 - self.alphas_cumprod)
            self.posterior_log_variance = np.log(self.posterior_variance)
        self.posterior_mean_coef1 = betas * np.sqrt(self.alphas_cumprod_prev) / (1.0 - self.alphas_cumprod)
        self.posterior_mean_coef2 = (1.0 - self.alphas_cumprod_prev) * np.sqrt(alphas) / (1.0 - self.alphas_cumprod)


def normal_kl(mean1, logvar1, mean2, logvar2):
    mean1, logvar1, mean2, logvar2 = map(np.asarray, (mean1, logvar1, mean2, logvar2))
    return 0.5 * (-1.0 + logvar2 - logvar1 + np.exp(logvar1 - logvar2) + ((mean1 - mean2) ** 2) * np.exp(-logvar2))


def approx_standard_normal_cdf(x):
    return 0.5 * (1.0 + np.tanh(np.sqrt(2.0 / np.pi) * (x + 0.044715 * np.power(x, 3))))


def discretized_gaussian_log_likelihood(x, mean, log_scale):
    x, means, log_scales = map(np.asarray, (x, mean, log_scale))
    centered_x = x - means
    inv_stdv = np.exp(-log_scales)
    cdf_plus = approx_standard_normal_cdf(inv_stdv * (centered_x + 1.0 / 255.0))
    cdf_min = approx_standard_normal_cdf(inv_stdv * (centered_x - 1.0 / 255.0))
    log_cdf_plus = np.log(np.clip(cdf_plus, 1e-12, None))
    log_one_minus_cdf_min = np.log(np.clip(1.0 - cdf_min, 1e-12, None))
    cdf_delta = cdf_plus - cdf_min
    return np.where(x < -0.999, log_cdf_plus,
                    np.where(x > 0.999, log_one_minus_cdf_min, np.log(np.clip(cdf_delta, 1e-12, None))))


def q_mean_variance(betas, x0, t):
    s, i = Tables(betas), np.asarray(t) - 1
    return {"mean": s.sqrt_alphas_cumprod[i] * np.asarray(x0), "variance": 1.0 - s.alphas_cumprod[i],
            "log_variance": s.log_one_minus_alphas_cumprod[i]}


def q_posterior_mean_variance(betas, x0, xt, t):
    s, i = Tables(betas), np.asarray(t) - 1
    return {"mean": s.posterior_mean_coef1[i] * np.asarray(x0) + s.posterior_mean_coef2[i] * np.asarray(xt),
            "variance": s.posterior_variance[i], "log_variance": s.posterior_log_variance[i]}


def predict_x0_from_eps(betas, xt, t, eps):
    s, i = Tables(betas), np.asarray(t) - 1
    return s.sqrt_recip_alphas_cumprod[i] * np.asarray(xt) - s.sqrt_recipm1_alphas_cumprod[i] * np.asarray(eps)


def prior_kl(betas, x0):
    s = Tables(betas)
    T = len(betas)
    mean = s.sqrt_alphas_cumprod[T - 1] * np.asarray(x0)
    return normal_kl(mean, np.full_like(mean, s.log_one_minus_alphas_cumprod[T - 1]), 0.0, 0.0)


def vb_term(betas, x0, xt, t, model_mean, model_log_variance):
    t = np.asarray(t)
    post = q_posterior_mean_variance(betas, x0, xt, np.maximum(t, 2) if len(betas) > 1 else t)
    with np.errstate(invalid="ignore", divide="ignore"):
        kl = normal_kl(post["mean"], post["log_variance"], model_mean, model_log_variance)
    nll = -discretized_gaussian_log_likelihood(x0, model_mean, 0.5 * np.asarray(model_log_variance))
    return np.where(t == 1, nll, kl)


serve({"alphas_cumprod": lambda betas: Tables(betas).alphas_cumprod,
       "q_mean_variance": q_mean_variance, "q_posterior_mean_variance": q_posterior_mean_variance,
       "predict_x0_from_eps": predict_x0_from_eps, "normal_kl": normal_kl,
       "discretized_gaussian_log_likelihood": discretized_gaussian_log_likelihood,
       "prior_kl": prior_kl, "vb_term": vb_term},
      name="improved-diffusion-style", precision="float64")
