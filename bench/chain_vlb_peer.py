#!/usr/bin/env python3
"""NumPy peer of Probity's exact finite-chain bound (bench/side_by_side.sh runs both on one instance).

The instance (same on both sides, bit for bit): SplitMix64 outputs z_n = mix(seed + (n + 1) * 0x9E3779B97F4A7C15)
make integer weights u = (z_n >> 44) + 1 in [1, 2^20]; each row of a matrix is u / sum(u) (an exact integer
sum, one correctly rounded division, so NumPy and Java get the same doubles). A pool of min(T, 64) forward
matrices Q (row x_{t-1} -> x_t) and reverse matrices P (row x_t -> x_{t-1}) is drawn in that order (n runs
over pool, row, column), then q(x_0) and p(x_T); step t uses pool entry (t - 1) mod pool. The pool is larger
than every cache, so memory traffic is that of all-distinct matrices.

The work (what VariationalBound.of + totalVlb + crossEntropy do in Probity): VLB(x_0) for every x_0 by the
backward dynamic program V_{t-1} = sum_j Q_t[i, j] (log Q_t[i, j] - log P_t[j, i]) + Q_t V_t, V_T = -log p(x_T)
(2 K^2 logs per step), log p(x_0) by pushing p(x_T) through P_T ... P_1, then L_VLB = q0 . VLB and
L_CE = -q0 . log p. Written as NumPy users write it (whole-matrix ufuncs, one matrix-vector product per step).

Usage: chain_vlb_peer.py K T SEED  -> one JSON line {"side": "numpy", "seconds": ..., "vlb": ..., "ce": ...}
(the time of the second of two runs: the first warms the caches).
"""
import json
import sys
import time

import numpy as np

GAMMA = np.uint64(0x9E3779B97F4A7C15)
POOL = 64


def splitmix(seed, start, count):
    z = np.uint64(seed) + (np.arange(start + 1, start + count + 1, dtype=np.uint64) * GAMMA)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def rows(seed, start, count, k):
    u = ((splitmix(seed, start, count * k) >> np.uint64(44)) + np.uint64(1)).astype(np.float64).reshape(count, k)
    return u / u.sum(axis=1, keepdims=True)


def instance(k, steps, seed):
    pool = min(steps, POOL)
    n = pool * k * k
    q = rows(seed, 0, pool * k, k).reshape(pool, k, k)
    p = rows(seed, n, pool * k, k).reshape(pool, k, k)
    q0 = rows(seed, 2 * n, 1, k)[0]
    prior = rows(seed, 2 * n + k, 1, k)[0]
    return q, p, q0, prior


def bound(q, p, q0, prior, steps):
    pool = q.shape[0]
    v = -np.log(prior)
    for t in range(steps, 0, -1):
        qt = q[(t - 1) % pool]
        pt = p[(t - 1) % pool]
        v = (qt * (np.log(qt) - np.log(pt.T))).sum(axis=1) + qt @ v
    m = prior
    for t in range(steps, 0, -1):
        m = m @ p[(t - 1) % pool]
    return float(q0 @ v), float(-(q0 @ np.log(m)))


def main():
    k, steps, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    q, p, q0, prior = instance(k, steps, seed)
    bound(q, p, q0, prior, steps)
    t0 = time.perf_counter()
    vlb, ce = bound(q, p, q0, prior, steps)
    seconds = time.perf_counter() - t0
    print(json.dumps({"side": "numpy", "K": k, "T": steps, "seconds": seconds, "vlb": vlb, "ce": ce}))


if __name__ == "__main__":
    main()
