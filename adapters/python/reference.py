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


def ops():
    """The op table, built at call time so that replaced helpers are picked up."""
    g = globals()
    names = ["alphas_cumprod", "q_mean_variance", "q_posterior_mean_variance", "predict_x0_from_eps",
             "normal_kl", "discretized_gaussian_log_likelihood", "prior_kl", "vb_term",
             "categorical_kl", "categorical_entropy", "categorical_cross_entropy"]
    return {n: (lambda n=n: (lambda **kw: g[n](**kw)))() for n in names}


def main(name="python-reference", precision="float64", only=None):
    table = ops()
    if only is not None:
        table = {k: v for k, v in table.items() if k in only}
    serve(table, name=name, precision=precision)


if __name__ == "__main__":
    main()
