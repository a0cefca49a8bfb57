"""Bug zoo (protocol v2): a cosine scheduler that keeps the alpha_bar table of the formula,
f(t)/f(0) for t = 0..T-1 (so alpha_bar_1 = 1 exactly), instead of the cumulative product of its
clipped betas: 1 - alpha_bar_1 = 0 and a sampler step divides by zero.
Flagged on op `beta_schedule` (alphas_cumprod is the cumulative product of the betas; alpha_bar strictly
decreasing).  `--fixed` recomputes alpha_bar from the clipped betas."""
import math  # noqa: F401
import os
import struct  # noqa: F401
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

FIXED = "--fixed" in sys.argv


def beta_schedule(name, T):
    T = int(T)
    betas = ref.named_betas(name, T)
    if name == "cosine" and not FIXED:
        f0 = ref.cosine_alpha_bar(0.0)
        return {"betas": betas, "alphas_cumprod": [ref.cosine_alpha_bar(t / T) / f0 for t in range(T)]}
    out, a = [], 1.0
    for b in betas:
        a *= 1.0 - b
        out.append(a)
    return {"betas": betas, "alphas_cumprod": out}


ref.beta_schedule = beta_schedule

if __name__ == "__main__":
    ref.main(name="zoo-cosine-formula-alpha-bar" + ("-fixed" if FIXED else ""), only={"beta_schedule"})
