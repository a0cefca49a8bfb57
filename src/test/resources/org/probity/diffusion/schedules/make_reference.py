#!/usr/bin/env python3
"""60-digit references for the named noise schedules of PROTOCOL.md ("Named schedules").

Recipe (mpmath, mp.dps = 60), one file NAME-T.tsv per schedule and length where it is defined:
  1. beta_t from the published definition with its decimal constants, at 60 digits:
       linear         beta_t = 1e-4 + (t-1) (0.02 - 1e-4) / (T-1)            (T = 1: 1e-4)
       linear_scaled  the same with both ends times 1000/T                   (T >= 20)
       scaled_linear  beta_t = (sqrt(0.00085) + (t-1) (sqrt(0.012) - sqrt(0.00085)) / (T-1))^2
       cosine         f(t) = cos((t/T + 0.008)/1.008 * pi/2)^2, beta_t = min(1 - f(t)/f(t-1), 0.999)
     then rounded to the nearest double (the published schedule is a double array);
  2. every other quantity from that double array at 60 digits, by its textbook formula:
       alpha = 1 - beta, alphaBar_t = prod alpha_s, 1 - alphaBar_t as a difference, snr = abar/(1-abar),
       posteriorVariance = beta_t (1 - abar_{t-1})/(1 - abar_t),
       posteriorMeanCoefX0 = sqrt(abar_{t-1}) beta_t/(1 - abar_t),
       posteriorMeanCoefXt = sqrt(alpha_t) (1 - abar_{t-1})/(1 - abar_t), logs by mpmath.log, and
       log(1 - abar_t) by mpmath.log1p(-abar_t) (abar_t reaches 1e-233, where 1 - abar_t is 1 at 60 digits).
Rows: every t for T <= 50; for larger T the first 40, the last 40 and 48 spread between.
Values are printed to 25 significant digits ("-inf" for log 0).  Run: python3 make_reference.py
(regenerates the .tsv files next to this script; about a minute).
"""
import os
from fractions import Fraction
from mpmath import mp, mpf, sqrt, log, log1p, cos, pi

mp.dps = 60
HERE = os.path.dirname(os.path.abspath(__file__))
COLUMNS = ["beta", "alpha", "logAlpha", "alphaBar", "sqrtAlphaBar", "logAlphaBar", "oneMinusAlphaBar",
           "sqrtOneMinusAlphaBar", "logOneMinusAlphaBar", "snr", "logSnr", "posteriorVariance",
           "logPosteriorVariance", "posteriorMeanCoefX0", "posteriorMeanCoefXt"]
LENGTHS = [1, 2, 20, 50, 1000, 4000, 100000]


def to_double(x):
    """The double nearest to x (Python rounds a Fraction correctly)."""
    man, exp = x.man_exp
    return float(Fraction(int(man)) * (Fraction(2) ** int(exp)) if exp >= 0 else Fraction(int(man), 2 ** int(-exp)))


def betas(name, T):
    b1, bT = mpf(1) / 10**4, mpf(2) / 100
    if name == "linear_scaled":
        b1, bT = b1 * 1000 / T, bT * 1000 / T
    if name in ("linear", "linear_scaled"):
        return [b1 if T == 1 else b1 + (t - 1) * (bT - b1) / (T - 1) for t in range(1, T + 1)]
    if name == "scaled_linear":
        r1, rT = sqrt(mpf(85) / 10**5), sqrt(mpf(12) / 10**3)
        return [(r1 if T == 1 else r1 + (t - 1) * (rT - r1) / (T - 1)) ** 2 for t in range(1, T + 1)]
    f = lambda t: cos((mpf(t) / T + mpf(8) / 1000) / (mpf(1008) / 1000) * pi / 2) ** 2
    return [min(1 - f(t) / f(t - 1), mpf(999) / 1000) for t in range(1, T + 1)]


def rows(T):
    if T <= 50:
        return list(range(1, T + 1))
    ts = set(range(1, 41)) | set(range(T - 39, T + 1))
    ts |= {41 + (k * (T - 81)) // 48 for k in range(48)}
    return sorted(ts)


def fmt(x):
    if x == 0:
        return "0"
    if x == mpf("-inf"):
        return "-inf"
    return mp.nstr(x, 25, min_fixed=1, max_fixed=0)


def write(name, T):
    beta = [mpf(to_double(b)) for b in betas(name, T)]  # the published doubles, exactly
    abar = [mpf(1)]
    for b in beta:
        abar.append(abar[-1] * (1 - b))
    wanted = set(rows(T))
    lines = []
    for t in range(1, T + 1):
        if t not in wanted:
            continue
        b, a, ap = beta[t - 1], abar[t], abar[t - 1]
        c, cp = 1 - a, 1 - ap
        alpha = 1 - b
        pv = b * cp / c
        vals = [b, alpha, log(alpha) if alpha > 0 else mpf("-inf"), a, sqrt(a), log(a) if a > 0 else mpf("-inf"),
                c, sqrt(c), log1p(-a), a / c, log(a / c) if a > 0 else mpf("-inf"), pv,
                log(pv) if pv > 0 else mpf("-inf"), sqrt(ap) * b / c, sqrt(alpha) * cp / c]
        lines.append("\t".join([str(t)] + [fmt(v) for v in vals]))
    path = os.path.join(HERE, f"{name}-{T}.tsv")
    with open(path, "w") as out:
        out.write(f"# {name}, T = {T}: 60-digit mpmath reference, recipe in make_reference.py (this directory)\n")
        out.write("t\t" + "\t".join(COLUMNS) + "\n")
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    for name in ["linear", "linear_scaled", "scaled_linear", "cosine"]:
        for T in LENGTHS:
            if name == "linear_scaled" and T < 20:
                continue
            write(name, T)
            print(name, T)
