"""Bug zoo (protocol v2): improved-diffusion's linear schedule, whose ends are scaled by 1000/T, used
without its domain: for T < 20 the last beta exceeds 1 (and sqrt(alpha_bar) becomes NaN).
Flagged on op `beta_schedule` (0 < beta_t <= 1).  `--fixed` refuses T < 20, as the contract allows."""
import math  # noqa: F401
import os
import struct  # noqa: F401
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

FIXED = "--fixed" in sys.argv


def named_betas(name, T):
    if name == "linear_scaled":
        if FIXED and T < 20:
            raise ValueError("linear_scaled needs T >= 20 so that beta_T <= 1, got T = %d" % T)
        scale = 1000.0 / T
        return ref.linspace(scale * 0.0001, scale * 0.02, T)
    return ORIGINAL(name, T)


def beta_schedule(name, T):
    betas = named_betas(name, int(T))
    out, a = [], 1.0
    for b in betas:                       # np.cumprod(1 - betas): no check that beta <= 1
        a *= 1.0 - b
        out.append(a)
    return {"betas": betas, "alphas_cumprod": out}


ORIGINAL = ref.named_betas
ref.beta_schedule = beta_schedule

if __name__ == "__main__":
    ref.main(name="zoo-linear-scaled-unguarded" + ("-fixed" if FIXED else ""), only={"beta_schedule"})
