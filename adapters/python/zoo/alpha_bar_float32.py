"""Bug zoo: alpha_bar accumulated in float32 while the adapter declares float64.
Expected to be flagged on op `alphas_cumprod` (and possibly ops built on it)."""
import math  # noqa: F401
import os
import struct  # noqa: F401
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

def f32(x):
    return struct.unpack("f", struct.pack("f", x))[0]


def log_alphas_cumprod(betas):
    out, a = [], 1.0
    for b in betas:
        a = f32(a * f32(1.0 - f32(b)))
        out.append(math.log(a) if a > 0 else -math.inf)
    return out


ref.log_alphas_cumprod = log_alphas_cumprod

if __name__ == "__main__":
    ref.main(name="zoo-alpha-bar-float32", only=ref.V1_OPS)
