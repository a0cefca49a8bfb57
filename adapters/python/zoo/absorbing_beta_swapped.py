"""Bug zoo (protocol v2): an absorbing-state D3PM one-step matrix with beta and 1 - beta swapped
(a token stays with probability beta_t and is masked with probability 1 - beta_t).
Flagged on op `d3pm_q_mat` (reference).  `--fixed` keeps with probability 1 - beta_t."""
import math  # noqa: F401
import os
import struct  # noqa: F401
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

FIXED = "--fixed" in sys.argv


def d3pm_q_mat(kind, betas, K, t):
    ref._check_t(t, len(betas))
    b = betas[t - 1]
    if kind == "absorbing" and not FIXED:
        return ref.d3pm_matrix(kind, b, 1.0 - b, int(K))
    return ref.d3pm_matrix(kind, 1.0 - b, b, int(K))


ref.d3pm_q_mat = d3pm_q_mat

if __name__ == "__main__":
    ref.main(name="zoo-absorbing-beta-swapped" + ("-fixed" if FIXED else ""), only={"d3pm_q_mat", "d3pm_q_probs",
                                                                                  "d3pm_q_posterior"})
