#!/usr/bin/env python3
"""NumPy peer of Probity's exact Gaussian VLB (bench/gaussian_side_by_side.sh runs both on one instance).

The instance (same on both sides): Ho et al.'s linear schedule, T = 1000 (beta_t = (T + 199 t - 200) / (10^4 (T - 1)),
the values 1e-4 .. 0.02 as exact rationals), one image of D = 3072 pixels on the 256-level grid, pixel n being
(z_n >> 56) / 127.5 - 1 with z_n = SplitMix64(seed + (n + 1) * 0x9E3779B97F4A7C15); the eps-model
eps(x_t, t) = k_t x_t + j_t with k_t = 0.9 sqrt(1 - abar_t), j_t = 0.01, the learned variance interpolation
log sigma_t^2 = v log beta_t + (1 - v) log beta~_t (beta~_1 clipped to beta~_2, improved-diffusion), v = 0.5,
and the standard normal prior.

The work (what GaussianDiffusion.exactVlb does): every term in closed form, Ho et al. 2020 eq. 5 -
L_T = KL(q(x_T | x_0) || N(0, 1)), L_{t-1} = E_{q(x_t | x_0)} KL(q(x_{t-1} | x_t, x_0) || p(x_{t-1} | x_t)) for
t = 2..T (the expectation in closed form: the model mean is linear in x_t), L_0 = -E log N(x_0; g_1 x_1 + h_1,
sigma_1^2), each summed over the D pixels. Written as NumPy users write it: the schedule with cumprod, the
T x D terms as one broadcast expression. (Probity computes the same terms in O(T + D): the sum over pixels of
each step from the image's centred moments, taken once; see GaussianDiffusion.exactVlb and README.)

Usage: gaussian_vlb_peer.py SEED -> one JSON line {"side": "numpy", "seconds": ..., "vlb": ...}
(seconds: the median of 10 timed runs after 3 warm-up runs).
"""
import json
import sys
import time

import numpy as np

T = 1000
D = 3072
GAMMA = np.uint64(0x9E3779B97F4A7C15)


def image(seed):
    z = np.uint64(seed) + np.arange(1, D + 1, dtype=np.uint64) * GAMMA
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(56)).astype(np.float64) / 127.5 - 1


def exact_vlb(x):
    t = np.arange(1, T + 1)
    betas = (T + 199 * t - 200) / (10_000 * (T - 1))
    alphas = 1 - betas
    abar = np.cumprod(alphas)
    abar_prev = np.append(1.0, abar[:-1])
    post_var = betas * (1 - abar_prev) / (1 - abar)
    log_post_var_clipped = np.log(np.append(post_var[1], post_var[1:]))
    coef_x0 = betas * np.sqrt(abar_prev) / (1 - abar)
    coef_xt = (1 - abar_prev) * np.sqrt(alphas) / (1 - abar)
    k = 0.9 * np.sqrt(1 - abar)
    j = 0.01
    ra = 1 / np.sqrt(alphas)
    c = betas / np.sqrt(1 - abar)
    g = ra * (1 - c * k)
    h = -ra * c * j
    lv = 0.5 * np.log(betas) + 0.5 * log_post_var_clipped
    iv = np.exp(-lv)
    prior = 0.5 * np.sum(-np.log(1 - abar[-1]) + (1 - abar[-1]) + abar[-1] * x * x - 1)
    b = coef_xt[1:] - g[1:]
    u = coef_x0[1:] + b * np.sqrt(abar[1:])
    const = (lv[1:] - np.log(post_var[1:])) + np.exp(np.log(post_var[1:]) - lv[1:]) - 1 + b * b * (1 - abar[1:]) * iv[1:]
    m = u[:, None] * x[None, :] - h[1:, None]
    steps = 0.5 * (D * const + (m * m).sum(axis=1) * iv[1:])
    u1 = 1 - g[0] * np.sqrt(abar[0])
    decoder = 0.5 * np.sum(np.log(2 * np.pi) + lv[0] + g[0] ** 2 * (1 - abar[0]) * iv[0] + (u1 * x - h[0]) ** 2 * iv[0])
    return prior + steps.sum() + decoder


def main():
    seed = int(sys.argv[1])
    x = image(seed)
    for _ in range(3):
        vlb = exact_vlb(x)
    times = []
    for _ in range(10):
        t0 = time.perf_counter()
        vlb = exact_vlb(x)
        times.append(time.perf_counter() - t0)
    print(json.dumps({"side": "numpy", "T": T, "D": D, "seconds": float(np.median(times)), "vlb": float(vlb)}))


if __name__ == "__main__":
    main()
