"""A straightforward, correct implementation of every op of the Probity adapter protocol, in plain
Python (``math`` only), served as an adapter:  ``python3 reference.py``.

Conventions (PROTOCOL.md): timesteps are 1-based (t in 1..T, t = 0 means alpha_bar_0 = 1), logs
are natural, results in nats.  Numerics: alpha_bar_t is formed in log space (a compensated running
sum of log1p(-beta_s)); 1 - alpha_bar_t is -expm1(log alpha_bar_t); the normal CDF is evaluated with
erfc on the side where it is small (so tails keep full relative accuracy) and an asymptotic series
beyond erfc's underflow; bin probabilities are differences of the smaller tails, taken in log space.

The bug-zoo adapters (zoo/*.py) import this module, replace ONE function, and serve.  Every op
looks its helpers up in this module's globals at call time, so replacing a helper here changes
every op that uses it.
"""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from probity_adapter import serve  # noqa: E402

LOG_SQRT_2PI = 0.5 * math.log(2 * math.pi)
BIN_HALF_WIDTH = 1.0 / 255.0  # bins of width 2/255 on [-1, 1]
EDGE = 0.999  # x below -EDGE / above EDGE is an edge bin, open to -inf / +inf


# ---------------------------------------------------------------- schedule
def log_alphas_cumprod(betas):
    """log alpha_bar_t for t = 1..T (index t-1): compensated running sum of log1p(-beta)."""
    out, s, c = [], 0.0, 0.0
    for b in betas:
        if not (0.0 <= b <= 1.0):
            raise ValueError("beta must lie in [0, 1], got %r" % (b,))
        x = math.log1p(-b) if b < 1.0 else -math.inf
        if math.isinf(x) or math.isinf(s):
            s, c = s + x, 0.0
        else:
            tsum = s + x
            c += (s - tsum) + x if abs(s) >= abs(x) else (x - tsum) + s
            s = tsum
        out.append(s + c)
    return out


def log_alpha_bar(labs, t):
    """log alpha_bar_t, 1-based; t = 0 gives log 1 = 0."""
    return 0.0 if t == 0 else labs[t - 1]


def log1mexp(x):
    """log(1 - e^x) for x <= 0 without cancellation (Maechler 2012)."""
    if x == 0.0:
        return -math.inf
    return math.log(-math.expm1(x)) if x > -math.log(2) else math.log1p(-math.exp(x))


def one_minus_alpha_bar(labs, t):
    return -math.expm1(log_alpha_bar(labs, t))


def log_one_minus_alpha_bar(labs, t):
    return log1mexp(log_alpha_bar(labs, t))


def _check_t(t, T, lo=1):
    """t must be an integer in lo..T."""
    if not (lo <= t <= T):
        raise ValueError("t must lie in %d..%d, got %r" % (lo, T, t))


def alphas_cumprod(betas):
    return [math.exp(l) for l in log_alphas_cumprod(betas)]


def q_stats(labs, t):
    """(mean coefficient sqrt(alpha_bar_t), variance, log-variance) of q(x_t | x_0)."""
    la = log_alpha_bar(labs, t)
    return math.exp(0.5 * la), one_minus_alpha_bar(labs, t), log_one_minus_alpha_bar(labs, t)


def q_mean_variance(betas, x0, t):
    labs = log_alphas_cumprod(betas)
    mean, var, logvar = [], [], []
    for x, s in zip(x0, t):
        _check_t(s, len(betas))
        c, v, lv = q_stats(labs, s)
        mean.append(c * x)
        var.append(v)
        logvar.append(lv)
    return {"mean": mean, "variance": var, "log_variance": logvar}


def posterior_coefficients(labs, betas, t):
    """(coefficient on x_0, coefficient on x_t) of the mean of q(x_{t-1} | x_t, x_0)."""
    b = betas[t - 1]
    denom = one_minus_alpha_bar(labs, t)
    c0 = b * math.exp(0.5 * log_alpha_bar(labs, t - 1)) / denom
    ct = math.sqrt(1.0 - b) * one_minus_alpha_bar(labs, t - 1) / denom
    return c0, ct


def posterior_variance(labs, betas, t):
    """(variance, log-variance) of q(x_{t-1} | x_t, x_0): beta_tilde_t."""
    b = betas[t - 1]
    lv = math.log(b) + log_one_minus_alpha_bar(labs, t - 1) - log_one_minus_alpha_bar(labs, t) if b > 0 else -math.inf
    return math.exp(lv), lv


def q_posterior_mean_variance(betas, x0, xt, t):
    labs = log_alphas_cumprod(betas)
    mean, var, logvar = [], [], []
    for a, x, s in zip(x0, xt, t):
        _check_t(s, len(betas))
        c0, ct = posterior_coefficients(labs, betas, s)
        v, lv = posterior_variance(labs, betas, s)
        mean.append(c0 * a + ct * x)
        var.append(v)
        logvar.append(lv)
    return {"mean": mean, "variance": var, "log_variance": logvar}


def x0_from_eps(labs, t, xt, eps):
    return (xt - math.sqrt(one_minus_alpha_bar(labs, t)) * eps) / math.exp(0.5 * log_alpha_bar(labs, t))


def predict_x0_from_eps(betas, xt, t, eps):
    labs = log_alphas_cumprod(betas)
    out = []
    for x, s, e in zip(xt, t, eps):
        _check_t(s, len(betas))
        out.append(x0_from_eps(labs, s, x, e))
    return out


# ---------------------------------------------------------------- Gaussians
def normal_kl_scalar(m1, lv1, m2, lv2):
    """KL(N(m1, e^lv1) || N(m2, e^lv2)) = 1/2 (e^d - 1 - d + (m1 - m2)^2 e^-lv2), d = lv1 - lv2."""
    d = lv1 - lv2
    return 0.5 * ((math.expm1(d) - d) + (m1 - m2) ** 2 * math.exp(-lv2))


def normal_kl(mean1, logvar1, mean2, logvar2):
    return [normal_kl_scalar(*a) for a in zip(mean1, logvar1, mean2, logvar2)]


def log_ndtr(z):
    """log Phi(z), accurate in both tails."""
    if z > 5.0:
        return math.log1p(-0.5 * math.erfc(z / math.sqrt(2.0)))
    if z > -37.0:
        return math.log(0.5 * math.erfc(-z / math.sqrt(2.0)))
    # asymptotic series of the Mills ratio, exact to double precision for z <= -37
    z2 = z * z
    s, term = 1.0, 1.0
    for k in range(1, 8):
        term *= -(2 * k - 1) / z2
        s += term
    return -0.5 * z2 - LOG_SQRT_2PI - math.log(-z) + math.log(s)


def bin_edges(x):
    """(lower, upper) edge of x's bin; None means open (edge bins)."""
    lo = None if x < -EDGE else x - BIN_HALF_WIDTH
    hi = None if x > EDGE else x + BIN_HALF_WIDTH
    return lo, hi


def log_bin_probability(lo, hi):
    """log(Phi(hi) - Phi(lo)) for standardized edges (None = infinite), from the smaller tails."""
    if lo is None and hi is None:
        return 0.0
    if lo is None:
        return log_ndtr(hi)
    if hi is None:
        return log_ndtr(-lo)
    if lo >= 0.0:  # both in the upper tail: Q(lo) - Q(hi)
        a, b = log_ndtr(-lo), log_ndtr(-hi)
        return a + log1mexp(b - a)
    if hi <= 0.0:  # both in the lower tail
        a, b = log_ndtr(hi), log_ndtr(lo)
        return a + log1mexp(b - a)
    return math.log1p(-(math.exp(log_ndtr(lo)) + math.exp(log_ndtr(-hi))))


def discretized_log_prob(x, mean, log_scale):
    inv = math.exp(-log_scale)
    lo, hi = bin_edges(x)
    zlo = None if lo is None else (lo - mean) * inv
    zhi = None if hi is None else (hi - mean) * inv
    return log_bin_probability(zlo, zhi)


def discretized_gaussian_log_likelihood(x, mean, log_scale):
    return [discretized_log_prob(*a) for a in zip(x, mean, log_scale)]


def prior_distribution():
    """(mean, log-variance) of the prior p(x_T): the standard normal."""
    return 0.0, 0.0


def prior_kl(betas, x0):
    labs = log_alphas_cumprod(betas)
    T = len(betas)
    c, _, lv = q_stats(labs, T)
    pm, plv = prior_distribution()
    return [normal_kl_scalar(c * x, lv, pm, plv) for x in x0]


def vb_term(betas, x0, xt, t, model_mean, model_log_variance):
    labs = log_alphas_cumprod(betas)
    out = []
    for a, x, s, mm, mlv in zip(x0, xt, t, model_mean, model_log_variance):
        _check_t(s, len(betas))
        if s == 1:
            out.append(-discretized_log_prob(a, mm, 0.5 * mlv))
        else:
            c0, ct = posterior_coefficients(labs, betas, s)
            _, lv = posterior_variance(labs, betas, s)
            out.append(normal_kl_scalar(c0 * a + ct * x, lv, mm, mlv))
    return out


# ---------------------------------------------------------------- categorical
def xlogy(x, y):
    """x log y with 0 log y = 0."""
    if x == 0.0:
        return 0.0
    return x * math.log(y) if y > 0 else -math.inf


def kl_term(p, q):
    """p log(p / q) with 0 log(0 / q) = 0 and p log(p / 0) = +inf."""
    if p == 0.0:
        return 0.0
    if q == 0.0:
        return math.inf
    return p * math.log(p / q)


def _fsum(xs):
    xs = list(xs)
    return math.inf if math.inf in xs else math.fsum(xs)


def _rows(p, q=None):
    if q is not None and len(p) != len(q):
        raise ValueError("p has %d rows, q has %d" % (len(p), len(q)))
    for i, row in enumerate(p):
        if q is not None and len(q[i]) != len(row):
            raise ValueError("row %d: p has %d entries, q has %d" % (i, len(row), len(q[i])))


def categorical_kl(p, q):
    _rows(p, q)
    return [_fsum(kl_term(a, b) for a, b in zip(pr, qr)) for pr, qr in zip(p, q)]


def categorical_entropy(p):
    _rows(p)
    return [-math.fsum(xlogy(a, a) for a in pr) + 0.0 for pr in p]


def categorical_cross_entropy(p, q):
    _rows(p, q)
    return [-math.fsum(xlogy(a, b) for a, b in zip(pr, qr)) + 0.0 if all(
        a == 0.0 or b > 0.0 for a, b in zip(pr, qr)) else math.inf for pr, qr in zip(p, q)]


# ---------------------------------------------------------------- version 2: schedules
def linspace(start, stop, n):
    """numpy.linspace: start + i * step, the last point exactly stop."""
    if n == 1:
        return [start]
    step = (stop - start) / (n - 1)
    return [start + i * step for i in range(n - 1)] + [stop]


def cosine_alpha_bar(u):
    """f(u) / f(0) without the division: f(u) = cos^2((u + 0.008) / 1.008 * pi / 2)."""
    return math.cos((u + 0.008) / 1.008 * math.pi / 2) ** 2


def named_betas(name, T):
    """The named schedules of PROTOCOL.md, written as their sources write them."""
    if name == "linear":
        return linspace(1e-4, 0.02, T)
    if name == "linear_scaled":
        if T < 20:
            raise ValueError("linear_scaled is defined for T >= 20 (beta_T <= 1), got T = %d" % T)
        scale = 1000.0 / T
        return linspace(scale * 1e-4, scale * 0.02, T)
    if name == "scaled_linear":
        return [b * b for b in linspace(math.sqrt(0.00085), math.sqrt(0.012), T)]
    if name == "cosine":
        f0 = cosine_alpha_bar(0.0)
        return [min(1 - (cosine_alpha_bar(t / T) / f0) / (cosine_alpha_bar((t - 1) / T) / f0), 0.999)
                for t in range(1, T + 1)]
    raise ValueError("unknown schedule %r" % (name,))


def beta_schedule(name, T):
    betas = named_betas(name, int(T))
    return {"betas": betas, "alphas_cumprod": alphas_cumprod(betas)}


def snr(betas, t):
    labs = log_alphas_cumprod(betas)
    out = []
    for s in t:
        _check_t(s, len(betas))
        la = log_alpha_bar(labs, s)
        out.append(math.exp(la) / -math.expm1(la))
    return out


# ---------------------------------------------------------------- version 2: v-prediction, Min-SNR
def alpha_sigma(labs, t):
    """(sqrt(alpha_bar_t), sqrt(1 - alpha_bar_t))."""
    return math.exp(0.5 * log_alpha_bar(labs, t)), math.sqrt(one_minus_alpha_bar(labs, t))


def get_velocity(betas, x0, eps, t):
    labs = log_alphas_cumprod(betas)
    out = []
    for x, e, s in zip(x0, eps, t):
        _check_t(s, len(betas), lo=0)
        a, sg = alpha_sigma(labs, s)
        out.append(a * e - sg * x)
    return out


def x0_from_v(a, sg, xt, v):
    return a * xt - sg * v


def predict_x0_from_v(betas, xt, t, v):
    labs = log_alphas_cumprod(betas)
    out = []
    for x, s, w in zip(xt, t, v):
        _check_t(s, len(betas), lo=0)
        a, sg = alpha_sigma(labs, s)
        out.append(x0_from_v(a, sg, x, w))
    return out


def min_snr_weight(snr_t, gamma, prediction_type):
    """Min-SNR-gamma (Hang et al. 2023) on the squared error of the prediction; limits at SNR = 0."""
    clipped = min(snr_t, gamma)
    if prediction_type == "epsilon":
        return 1.0 if snr_t == 0 else clipped / snr_t
    if prediction_type == "v_prediction":
        return clipped / (snr_t + 1)
    if prediction_type == "sample":
        return clipped
    raise ValueError("unknown prediction_type %r" % (prediction_type,))


def loss_weight(betas, t, prediction_type, gamma):
    return [min_snr_weight(s, gamma, prediction_type) for s in snr(betas, t)]


# ---------------------------------------------------------------- version 2: sampling
def inference_timesteps(T, n, spacing):
    """1-based timesteps, largest first; Python's round() is half to even, as numpy's."""
    T, n = int(T), int(n)
    if not 1 <= n <= T:
        raise ValueError("n must lie in 1..T")
    if spacing == "leading":
        ts = [k * (T // n) + 1 for k in range(n)]
    elif spacing == "trailing":
        ts = [round(T - k * T / n) for k in range(n)]
    elif spacing == "linspace":
        ts = [round(x) + 1 for x in linspace(0.0, T - 1.0, n)]
    else:
        raise ValueError("unknown spacing %r" % (spacing,))
    return sorted(ts, reverse=True)


def alpha_bar_at(labs, t):
    """alpha_bar_t with alpha_bar_0 = 1 (the last DDIM step lands on the data)."""
    return 1.0 if t == 0 else math.exp(log_alpha_bar(labs, t))


def ddim_one(labs, t, t_prev, xt, eps, eta, z):
    a_t = alpha_bar_at(labs, t)
    a_prev = alpha_bar_at(labs, t_prev)
    x0 = (xt - math.sqrt(one_minus_alpha_bar(labs, t)) * eps) / math.sqrt(a_t)
    sigma = eta * math.sqrt(one_minus_alpha_bar(labs, t_prev) / one_minus_alpha_bar(labs, t)) * math.sqrt(
        -math.expm1(log_alpha_bar(labs, t) - log_alpha_bar(labs, t_prev)))
    mean = math.sqrt(a_prev) * x0 + math.sqrt(max(one_minus_alpha_bar(labs, t_prev) - sigma * sigma, 0.0)) * eps
    return mean, sigma, mean + sigma * z


def ddim_step(betas, t, t_prev, xt, eps, eta, noise):
    labs = log_alphas_cumprod(betas)
    mean, std, x_prev = [], [], []
    for s, sp, x, e, z in zip(t, t_prev, xt, eps, noise):
        _check_t(s, len(betas))
        if not 0 <= sp < s:
            raise ValueError("t_prev must lie in 0..t-1, got %r" % (sp,))
        m, sd, xp = ddim_one(labs, s, sp, x, e, eta, z)
        mean.append(m)
        std.append(sd)
        x_prev.append(xp)
    return {"mean": mean, "std": std, "x_prev": x_prev}


def sigma_schedule(kind, n, sigma_min, sigma_max, rho):
    """Karras et al. 2022 eq. 5 (without the trailing 0), or evenly spaced in log sigma."""
    n = int(n)
    ramp = linspace(0.0, 1.0, n)
    if kind == "karras":
        lo, hi = sigma_min ** (1 / rho), sigma_max ** (1 / rho)
        return [(hi + r * (lo - hi)) ** rho for r in ramp]
    if kind == "exponential":
        return [math.exp(x) for x in linspace(math.log(sigma_max), math.log(sigma_min), n)]
    raise ValueError("unknown kind %r" % (kind,))


# ---------------------------------------------------------------- version 2: D3PM
def d3pm_entry(kind, keep, move, K, i, j):
    """Entry (i, j) of keep * I + move * (uniform rows | the absorbing column K - 1)."""
    if kind == "uniform":
        return keep + move / K if i == j else move / K
    if kind == "absorbing":
        if i == K - 1:
            return 1.0 if j == K - 1 else 0.0
        return keep if j == i else move if j == K - 1 else 0.0
    raise ValueError("unknown kind %r" % (kind,))


def d3pm_matrix_row(kind, keep, move, K, i):
    return [d3pm_entry(kind, keep, move, K, i, j) for j in range(K)]


def d3pm_matrix(kind, keep, move, K):
    return [d3pm_matrix_row(kind, keep, move, K, i) for i in range(K)]


def d3pm_q_mat(kind, betas, K, t):
    _check_t(t, len(betas))
    return d3pm_matrix(kind, 1.0 - betas[t - 1], betas[t - 1], int(K))


def d3pm_row(kind, labs, K, x0, t):
    """Row x0 of Q_1 ... Q_t: keep probability alpha_bar_t."""
    return d3pm_matrix_row(kind, alpha_bar_at(labs, t), one_minus_alpha_bar(labs, t), K, x0)


def d3pm_q_probs(kind, betas, K, x0, t):
    labs = log_alphas_cumprod(betas)
    out = []
    for x, s in zip(x0, t):
        _check_t(s, len(betas), lo=0)
        out.append(d3pm_row(kind, labs, int(K), x, s))
    return out


def d3pm_q_posterior(kind, betas, K, x0, xt, t):
    labs = log_alphas_cumprod(betas)
    K = int(K)
    out = []
    for x, y, s in zip(x0, xt, t):
        _check_t(s, len(betas), lo=2)
        b = betas[s - 1]
        prev = d3pm_row(kind, labs, K, x, s - 1)
        num = [d3pm_entry(kind, 1.0 - b, b, K, i, y) * prev[i] for i in range(K)]
        z = math.fsum(num)
        if not z > 0:
            raise ValueError("x_t = %d is unreachable from x_0 = %d at t = %d" % (y, x, s))
        out.append([v / z for v in num])
    return out


V1_OPS = ["alphas_cumprod", "q_mean_variance", "q_posterior_mean_variance", "predict_x0_from_eps",
          "normal_kl", "discretized_gaussian_log_likelihood", "prior_kl", "vb_term",
          "categorical_kl", "categorical_entropy", "categorical_cross_entropy"]
V2_OPS = ["beta_schedule", "snr", "get_velocity", "predict_x0_from_v", "loss_weight", "inference_timesteps",
          "ddim_step", "sigma_schedule", "d3pm_q_mat", "d3pm_q_probs", "d3pm_q_posterior"]
SCHEDULES = ["linear", "linear_scaled", "scaled_linear", "cosine"]


def ops():
    """The op table, built at call time so that replaced helpers are picked up."""
    g = globals()
    return {n: (lambda n=n: (lambda **kw: g[n](**kw)))() for n in V1_OPS + V2_OPS}


def main(name="python-reference", precision="float64", only=None):
    table = ops()
    if only is not None:
        table = {k: v for k, v in table.items() if k in only}
    serve(table, name=name, precision=precision, schedules=SCHEDULES if "beta_schedule" in table else None)


if __name__ == "__main__":
    main()
