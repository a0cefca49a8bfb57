"""Bug zoo (protocol v2): a scheduler whose add_noise (q_mean_variance) replaces its stored alpha_bar
table by a float16 copy after the first call ("moved to the model's dtype"), so later calls on the same
schedule answer differently.
Flagged on op `q_mean_variance` (requests sent again at the end get other answers).  `--fixed` casts
a copy and keeps the stored table."""
import math  # noqa: F401
import os
import struct  # noqa: F401
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

FIXED = "--fixed" in sys.argv


TABLES = {}


def f16(x):
    return struct.unpack("e", struct.pack("e", x))[0]


def q_mean_variance(betas, x0, t):
    key = tuple(betas)
    if key not in TABLES:
        TABLES[key] = ref.alphas_cumprod(betas)
    table = TABLES[key]
    mean, var, logvar = [], [], []
    for x, s in zip(x0, t):
        ref._check_t(s, len(betas))
        a = table[s - 1]
        mean.append(math.sqrt(a) * x)
        var.append(1.0 - a)
        logvar.append(math.log(1.0 - a) if a < 1 else -math.inf)
    if not FIXED:
        TABLES[key] = [f16(a) for a in table]   # the stored table itself, not a copy
    return {"mean": mean, "variance": var, "log_variance": logvar}


ref.q_mean_variance = q_mean_variance

if __name__ == "__main__":
    ref.main(name="zoo-alpha-bar-float16-cache" + ("-fixed" if FIXED else ""), only={"q_mean_variance"})
