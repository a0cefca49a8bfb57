"""Bug zoo (issue 13): categorical KL as sum p * (log p - log q), so that a zero of p gives 0 * -inf = NaN
(the NumPy style `(p * (np.log(p) - np.log(q))).sum()` without a where/xlogy).
Flagged on op `categorical_kl` (reference; cross-entropy = KL + entropy fails through it).  `--fixed` is the
reference: 0 log(0 / q) = 0."""
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

FIXED = "--fixed" in sys.argv


def _log(x):
    return math.log(x) if x > 0 else -math.inf


def kl_term(p, q):
    return p * (_log(p) - _log(q))


if not FIXED:
    ref.kl_term = kl_term

if __name__ == "__main__":
    ref.main(name="zoo-kl-zero-nan" + ("-fixed" if FIXED else ""),
             only={"categorical_kl", "categorical_entropy", "categorical_cross_entropy"})
