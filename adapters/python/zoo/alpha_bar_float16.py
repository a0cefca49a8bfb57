"""Bug zoo (issue 13): conventional float32 code (beta in float32, alpha_bar by a running product,
1 - alpha_bar by subtraction, the posterior from alpha_bar_{t-1}) whose alpha_bar table is stored in
float16 ("moved to the model's dtype" under mixed precision).  Declares float32.
Flagged on op `alphas_cumprod` (reference; and the ops built on the table).  `--fixed` stores the table
in float32: correct float32 code, which must pass (its tiny-beta region is not checkable at float32)."""
import math
import os
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from probity_adapter import serve  # noqa: E402

FIXED = "--fixed" in sys.argv


def f32(x):
    """x rounded to float32 (one rounding of an exact double result is float32 arithmetic)."""
    try:
        return struct.unpack("f", struct.pack("f", x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


def f16(x):
    try:
        return struct.unpack("e", struct.pack("e", x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


STORE = f32 if FIXED else f16


def _log(x):
    return f32(math.log(x)) if x > 0 else (-math.inf if x == 0 else math.nan)


def _sqrt(x):
    return f32(math.sqrt(x)) if x >= 0 else math.nan


def _div(a, b):
    if b == 0:
        return math.nan if a == 0 or math.isnan(a) else math.copysign(math.inf, a)
    return f32(a / b)


class Tables:
    def __init__(self, betas):
        self.betas = [f32(b) for b in betas]
        ac, a = [], 1.0
        for b in self.betas:
            a = f32(a * f32(1.0 - b))
            ac.append(STORE(a))
        self.ac = ac

    def prev(self, t):
        return 1.0 if t == 1 else self.ac[t - 2]


def alphas_cumprod(betas):
    return Tables(betas).ac


def q_mean_variance(betas, x0, t):
    s = Tables(betas)
    mean, var, logvar = [], [], []
    for x, k in zip(x0, t):
        a = s.ac[k - 1]
        om = f32(1.0 - a)
        mean.append(f32(_sqrt(a) * f32(x)))
        var.append(om)
        logvar.append(_log(om))
    return {"mean": mean, "variance": var, "log_variance": logvar}


def q_posterior_mean_variance(betas, x0, xt, t):
    s = Tables(betas)
    mean, var, logvar = [], [], []
    for x, y, k in zip(x0, xt, t):
        b, a, ap = s.betas[k - 1], s.ac[k - 1], s.prev(k)
        om = f32(1.0 - a)
        v = _div(f32(b * f32(1.0 - ap)), om)
        c1 = _div(f32(b * _sqrt(ap)), om)
        c2 = _div(f32(f32(1.0 - ap) * _sqrt(f32(1.0 - b))), om)
        mean.append(f32(f32(c1 * f32(x)) + f32(c2 * f32(y))))
        var.append(v)
        logvar.append(_log(v))
    return {"mean": mean, "variance": var, "log_variance": logvar}


def predict_x0_from_eps(betas, xt, t, eps):
    s = Tables(betas)
    out = []
    for y, k, e in zip(xt, t, eps):
        a = s.ac[k - 1]
        r = _div(1.0, a)
        out.append(f32(f32(_sqrt(r) * f32(y)) - f32(_sqrt(f32(r - 1.0)) * f32(e))))
    return out


if __name__ == "__main__":
    serve({"alphas_cumprod": alphas_cumprod, "q_mean_variance": q_mean_variance,
           "q_posterior_mean_variance": q_posterior_mean_variance, "predict_x0_from_eps": predict_x0_from_eps},
          name="zoo-alpha-bar-float16" + ("-fixed" if FIXED else ""), precision="float32")
