"""Bug zoo (issue 13): a wrong Gaussian KL form -- the log-variance ratio with the wrong sign,
1/2 (e^d - 1 + d + (m1 - m2)^2 e^-lv2) with d = lv1 - lv2, where -d belongs (the terms of
KL(N1 || N2) written as log(sigma1/sigma2) instead of log(sigma2/sigma1)).
Flagged on op `normal_kl` (reference, KL >= 0).  `--fixed` is the reference."""
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

FIXED = "--fixed" in sys.argv


def normal_kl_scalar(m1, lv1, m2, lv2):
    d = lv1 - lv2
    return 0.5 * (math.expm1(d) + d + (m1 - m2) ** 2 * math.exp(-lv2))


if not FIXED:
    ref.normal_kl_scalar = normal_kl_scalar

if __name__ == "__main__":
    ref.main(name="zoo-kl-log-ratio-sign" + ("-fixed" if FIXED else ""), only={"normal_kl"})
