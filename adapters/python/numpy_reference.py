"""A vectorized NumPy implementation of every op of the Probity adapter protocol, served as an adapter.

    python3 numpy_reference.py                      # float64, declares float64
    python3 numpy_reference.py --float32            # computes in float32, declares float32
    python3 numpy_reference.py --float32 --declare float64   # float32 arithmetic declared as float64 (flagged)

Inputs are cast to the working dtype on entry; every array operation runs in that dtype (the normal
CDF's erfc, which NumPy lacks, is evaluated by ``math`` in double and rounded to the dtype).
Numerics as in reference.py: alpha_bar via a running sum of log1p(-beta), 1 - alpha_bar via expm1,
log(1 - e^x) without cancellation, bin probabilities as differences of the smaller tails.  The
version-2 ops are written the way diffusers / k-diffusion write them (np.linspace, np.arange spacings,
Karras' ramp, closed-form D3PM matrices).
"""
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference as ref  # noqa: E402  (scalar log_ndtr only)
from probity_adapter import serve  # noqa: E402

DT = np.float32 if "--float32" in sys.argv else np.float64
DECLARED = sys.argv[sys.argv.index("--declare") + 1] if "--declare" in sys.argv else (
    "float32" if DT is np.float32 else "float64")
_log_ndtr = np.vectorize(ref.log_ndtr, otypes=[np.float64])


def _a(x):
    return np.asarray(x, dtype=DT)


def _log1mexp(x):
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(x > DT(-math.log(2)), np.log(-np.expm1(x)), np.log1p(-np.exp(x)))


def _log_alphas_cumprod(betas):
    with np.errstate(divide="ignore"):
        return np.cumsum(np.log1p(-_a(betas)), dtype=DT)


def _tables(betas):
    labs = _log_alphas_cumprod(betas)
    la = np.concatenate([_a([0.0]), labs])            # index t: log alpha_bar_t, t = 0..T
    om = -np.expm1(la)                                # 1 - alpha_bar_t
    lom = np.concatenate([_a([-np.inf]), _log1mexp(labs)])
    return la, om, lom


def _t(t, T):
    t = np.asarray(t, dtype=np.int64)
    if np.any((t < 1) | (t > T)):
        raise ValueError("t must lie in 1..%d" % T)
    return t


def alphas_cumprod(betas):
    return np.exp(_log_alphas_cumprod(betas))


def q_mean_variance(betas, x0, t):
    la, om, lom = _tables(betas)
    t = _t(t, len(betas))
    return {"mean": np.exp(DT(0.5) * la[t]) * _a(x0), "variance": om[t], "log_variance": lom[t]}


def q_posterior_mean_variance(betas, x0, xt, t):
    la, om, lom = _tables(betas)
    t = _t(t, len(betas))
    b = _a(betas)[t - 1]
    c0 = b * np.exp(DT(0.5) * la[t - 1]) / om[t]
    ct = np.sqrt(DT(1) - b) * om[t - 1] / om[t]
    lv = np.log(b) + lom[t - 1] - lom[t]
    return {"mean": c0 * _a(x0) + ct * _a(xt), "variance": np.exp(lv), "log_variance": lv}


def predict_x0_from_eps(betas, xt, t, eps):
    la, om, _ = _tables(betas)
    t = _t(t, len(betas))
    return (_a(xt) - np.sqrt(om[t]) * _a(eps)) / np.exp(DT(0.5) * la[t])


def normal_kl(mean1, logvar1, mean2, logvar2):
    m1, lv1, m2, lv2 = _a(mean1), _a(logvar1), _a(mean2), _a(logvar2)
    d = lv1 - lv2
    return DT(0.5) * ((np.expm1(d) - d) + (m1 - m2) ** 2 * np.exp(-lv2))


def discretized_gaussian_log_likelihood(x, mean, log_scale):
    x, mean, inv = _a(x), _a(mean), np.exp(-_a(log_scale))
    half = DT(1.0 / 255.0)
    lo = (x - half - mean) * inv
    hi = (x + half - mean) * inv
    lp_hi, lp_lo = _a(_log_ndtr(hi)), _a(_log_ndtr(lo))      # log Phi
    lq_lo, lq_hi = _a(_log_ndtr(-lo)), _a(_log_ndtr(-hi))    # log Q = log(1 - Phi)
    with np.errstate(divide="ignore", invalid="ignore"):
        upper = lq_lo + _log1mexp(lq_hi - lq_lo)
        lower = lp_hi + _log1mexp(lp_lo - lp_hi)
        middle = np.log1p(-(np.exp(lp_lo) + np.exp(lq_hi)))
        # a bin narrow against sigma: the midpoint rule, relative error w^2 |mid^2 - 1| / 24, no cancellation
        w, mid = hi - lo, DT(0.5) * (hi + lo)
        narrow = np.log(w) - DT(0.5) * mid * mid - DT(0.5 * math.log(2 * math.pi)) + np.log1p(w * w * (mid * mid - 1) / 24)
    inner = np.where(w * (np.abs(mid) + 1) < DT(1e-3), narrow, np.where(lo >= 0, upper, np.where(hi <= 0, lower, middle)))
    return np.where(x < -0.999, lp_hi, np.where(x > 0.999, lq_lo, inner))


def prior_kl(betas, x0):
    la, _, lom = _tables(betas)
    T = len(betas)
    mean = np.exp(DT(0.5) * la[T]) * _a(x0)
    return normal_kl(mean, np.full_like(mean, lom[T]), np.zeros_like(mean), np.zeros_like(mean))


def vb_term(betas, x0, xt, t, model_mean, model_log_variance):
    t = _t(t, len(betas))
    tt = np.maximum(t, 2) if len(betas) >= 2 else t
    out = np.empty(len(t), dtype=DT)
    if len(betas) >= 2:
        post = q_posterior_mean_variance(betas, x0, xt, tt)
        out[:] = normal_kl(post["mean"], post["log_variance"], model_mean, model_log_variance)
    first = t == 1
    if np.any(first):
        nll = -discretized_gaussian_log_likelihood(_a(x0)[first], _a(model_mean)[first],
                                                   DT(0.5) * _a(model_log_variance)[first])
        out[first] = nll
    return out


def _rowwise(f):
    return lambda **kw: [f(*(_a(r) for r in rows)) for rows in zip(*kw.values())]


def _kl(p, q):
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(p > 0, p * np.log(p / q), DT(0))
    return terms.sum(dtype=DT)


def _entropy(p):
    with np.errstate(divide="ignore", invalid="ignore"):
        return -np.where(p > 0, p * np.log(p), DT(0)).sum(dtype=DT) + DT(0)


def _cross_entropy(p, q):
    with np.errstate(divide="ignore", invalid="ignore"):
        return -np.where(p > 0, p * np.log(q), DT(0)).sum(dtype=DT) + DT(0)


# ---------------------------------------------------------------- version 2
def _linspace(start, stop, n):
    return np.linspace(start, stop, n, dtype=DT)


def _named_betas(name, T):
    if name == "linear":
        return _linspace(1e-4, 0.02, T)
    if name == "linear_scaled":
        if T < 20:
            raise ValueError("linear_scaled is defined for T >= 20 (beta_T <= 1), got T = %d" % T)
        scale = 1000.0 / T
        return _linspace(scale * 1e-4, scale * 0.02, T)
    if name == "scaled_linear":
        return _linspace(0.00085 ** 0.5, 0.012 ** 0.5, T) ** 2
    if name == "cosine":
        u = np.arange(T + 1, dtype=DT) / DT(T)
        f = np.cos((u + DT(0.008)) / DT(1.008) * DT(math.pi / 2)) ** 2
        abar = f / f[0]
        return np.minimum(DT(1) - abar[1:] / abar[:-1], DT(0.999))
    raise ValueError("unknown schedule %r" % (name,))


def beta_schedule(name, T):
    betas = _named_betas(name, int(T))
    return {"betas": betas, "alphas_cumprod": alphas_cumprod(betas)}


def _alpha_sigma(betas, t, lo=1):
    la, om, _ = _tables(betas)
    t = np.asarray(t, dtype=np.int64)
    if np.any((t < lo) | (t > len(betas))):
        raise ValueError("t must lie in %d..%d" % (lo, len(betas)))
    return la, om, t


def snr(betas, t):
    la, om, t = _alpha_sigma(betas, t)
    return np.exp(la[t]) / om[t]


def get_velocity(betas, x0, eps, t):
    la, om, t = _alpha_sigma(betas, t, lo=0)
    return np.exp(DT(0.5) * la[t]) * _a(eps) - np.sqrt(om[t]) * _a(x0)


def predict_x0_from_v(betas, xt, t, v):
    la, om, t = _alpha_sigma(betas, t, lo=0)
    return np.exp(DT(0.5) * la[t]) * _a(xt) - np.sqrt(om[t]) * _a(v)


def loss_weight(betas, t, prediction_type, gamma):
    s = snr(betas, t)
    clipped = np.minimum(s, DT(gamma))
    with np.errstate(divide="ignore", invalid="ignore"):
        if prediction_type == "epsilon":
            return np.where(s == 0, DT(1), clipped / s)
        if prediction_type == "v_prediction":
            return clipped / (s + DT(1))
        if prediction_type == "sample":
            return clipped
    raise ValueError("unknown prediction_type %r" % (prediction_type,))


def inference_timesteps(T, n, spacing):
    """diffusers' three spacings, 0-based, then + 1."""
    T, n = int(T), int(n)
    if not 1 <= n <= T:
        raise ValueError("n must lie in 1..T")
    if spacing == "leading":
        ts = (np.arange(0, n) * (T // n)).round()[::-1].astype(np.int64)
    elif spacing == "trailing":
        # T - k T/n for k = 0..n-1: diffusers' np.arange(T, 0, -T/n) has n + 1 elements when the float
        # step makes T/(T/n) exceed n (T = 1000, n = 61; T = 54, n = 49), so the length comes from k
        ts = np.round(T - np.arange(n) * (T / n)).astype(np.int64) - 1
    elif spacing == "linspace":
        ts = np.linspace(0, T - 1, n).round()[::-1].astype(np.int64)
    else:
        raise ValueError("unknown spacing %r" % (spacing,))
    return ts + 1


def ddim_step(betas, t, t_prev, xt, eps, eta, noise):
    la, om, t = _alpha_sigma(betas, t)
    tp = np.asarray(t_prev, dtype=np.int64)
    if np.any((tp < 0) | (tp >= t)):
        raise ValueError("t_prev must lie in 0..t-1")
    a_t, a_p = np.exp(la[t]), np.exp(la[tp])          # la[0] = log 1: alpha_bar_0 = 1
    x0 = (_a(xt) - np.sqrt(om[t]) * _a(eps)) / np.sqrt(a_t)
    sigma = DT(eta) * np.sqrt(om[tp] / om[t]) * np.sqrt(-np.expm1(la[t] - la[tp]))
    mean = np.sqrt(a_p) * x0 + np.sqrt(np.maximum(om[tp] - sigma * sigma, DT(0))) * _a(eps)
    return {"mean": mean, "std": sigma, "x_prev": mean + sigma * _a(noise)}


def sigma_schedule(kind, n, sigma_min, sigma_max, rho):
    ramp = _linspace(0, 1, int(n))
    if kind == "karras":
        lo, hi = DT(sigma_min) ** DT(1 / rho), DT(sigma_max) ** DT(1 / rho)
        return (hi + ramp * (lo - hi)) ** DT(rho)
    if kind == "exponential":
        return np.exp(_linspace(math.log(sigma_max), math.log(sigma_min), int(n)))
    raise ValueError("unknown kind %r" % (kind,))


def _d3pm(kind, keep, move, K):
    """keep * I + move * (uniform | absorbing column), broadcast over keep's leading axes; move = 1 - keep
    is passed separately (beta, or -expm1 of log alpha_bar), so that it keeps its relative accuracy."""
    keep = _a(keep)[..., None, None]
    move = _a(move)[..., None, None]
    eye = np.eye(K, dtype=DT)
    if kind == "uniform":
        return keep * eye + move / DT(K)
    if kind == "absorbing":
        column = np.zeros((K, K), dtype=DT)
        column[:, K - 1] = 1
        m = keep * eye + move * column
        m[..., K - 1, :] = eye[K - 1]
        return m
    raise ValueError("unknown kind %r" % (kind,))


def d3pm_q_mat(kind, betas, K, t):
    if not 1 <= t <= len(betas):
        raise ValueError("t must lie in 1..%d" % len(betas))
    b = _a(betas)[t - 1]
    return _d3pm(kind, DT(1) - b, b, int(K))


def _cumulative(kind, la, t, K):
    """Qbar_t for each t: keep alpha_bar_t = exp(log alpha_bar_t), move 1 - alpha_bar_t = -expm1(...)."""
    return _d3pm(kind, np.exp(la[t]), -np.expm1(la[t]), K)


def d3pm_q_probs(kind, betas, K, x0, t):
    la, _, t = _alpha_sigma(betas, t, lo=0)
    return _cumulative(kind, la, t, int(K))[np.arange(len(t)), np.asarray(x0, dtype=np.int64)]


def d3pm_q_posterior(kind, betas, K, x0, xt, t):
    la, _, t = _alpha_sigma(betas, t, lo=2)
    K = int(K)
    idx = np.arange(len(t))
    b = _a(betas)[t - 1]
    step = _d3pm(kind, DT(1) - b, b, K)[idx, :, np.asarray(xt, dtype=np.int64)]          # Q_t[:, x_t]
    prev = _cumulative(kind, la, t - 1, K)[idx, np.asarray(x0, dtype=np.int64)]           # row x0 of Qbar_{t-1}
    num = step * prev
    return num / num.sum(axis=1, keepdims=True)


OPS = {
    "alphas_cumprod": alphas_cumprod, "q_mean_variance": q_mean_variance,
    "q_posterior_mean_variance": q_posterior_mean_variance, "predict_x0_from_eps": predict_x0_from_eps,
    "normal_kl": normal_kl, "discretized_gaussian_log_likelihood": discretized_gaussian_log_likelihood,
    "prior_kl": prior_kl, "vb_term": vb_term,
    "categorical_kl": _rowwise(_kl), "categorical_entropy": _rowwise(_entropy),
    "categorical_cross_entropy": _rowwise(_cross_entropy),
    "beta_schedule": beta_schedule, "snr": snr, "get_velocity": get_velocity, "predict_x0_from_v": predict_x0_from_v,
    "loss_weight": loss_weight, "inference_timesteps": inference_timesteps, "ddim_step": ddim_step,
    "sigma_schedule": sigma_schedule, "d3pm_q_mat": d3pm_q_mat, "d3pm_q_probs": d3pm_q_probs,
    "d3pm_q_posterior": d3pm_q_posterior,
}

if __name__ == "__main__":
    serve(OPS, name="numpy-reference-" + np.dtype(DT).name, precision=DECLARED,
          schedules=["linear", "linear_scaled", "scaled_linear", "cosine"])
