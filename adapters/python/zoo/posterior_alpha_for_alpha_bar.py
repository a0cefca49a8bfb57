"""Bug zoo (issue 13): the posterior variance written with the per-step alpha where alpha_bar belongs,
beta_t (1 - alpha_{t-1}) / (1 - alpha_t) (= beta_{t-1}) instead of beta_t (1 - alpha_bar_{t-1}) / (1 - alpha_bar_t).
Flagged on op `q_posterior_mean_variance` (reference, Bayes' rule).  `--fixed` is the reference."""
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

FIXED = "--fixed" in sys.argv


def posterior_variance(labs, betas, t):
    b = betas[t - 1]
    alpha_prev = 1.0 - betas[t - 2]   # alpha_{t-1}, where alpha_bar_{t-1} belongs
    alpha = 1.0 - b                   # alpha_t, where alpha_bar_t belongs
    v = b * (1.0 - alpha_prev) / (1.0 - alpha)
    return v, math.log(v) if v > 0 else -math.inf


if not FIXED:
    ref.posterior_variance = posterior_variance

if __name__ == "__main__":
    ref.main(name="zoo-posterior-alpha-for-alpha-bar" + ("-fixed" if FIXED else ""),
             only={"q_mean_variance", "q_posterior_mean_variance"})
