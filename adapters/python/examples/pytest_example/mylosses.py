"""Stand-in for your own loss code: a correct Gaussian KL and a categorical KL with a classic bug
(p * log(p / q) evaluated where p = 0 gives 0 * log 0 = NaN instead of 0)."""
import math


def normal_kl(mean1, logvar1, mean2, logvar2):
    """KL(N(mean1, e^logvar1) || N(mean2, e^logvar2)), element-wise over lists."""
    out = []
    for m1, lv1, m2, lv2 in zip(mean1, logvar1, mean2, logvar2):
        d = lv1 - lv2
        out.append(0.5 * (math.expm1(d) - d + (m1 - m2) ** 2 * math.exp(-lv2)))
    return out


def _log(x):
    """log as numpy.log computes it: -inf at 0, inf at inf."""
    return math.log(x) if 0 < x < math.inf else (-math.inf if x == 0 else math.inf)


def categorical_kl(p, q):
    """KL(p || q) per row, as p * log(p / q) summed -- the bug: where p = 0 the term is 0 * log 0 = NaN, not 0."""
    out = []
    for pr, qr in zip(p, q):
        total = 0.0
        for a, b in zip(pr, qr):
            total += a * _log(a / b if b > 0 else math.inf)
        out.append(total)
    return out
