"""Bug zoo (issue 13): the decoder of vb_term at t = 1 is given the model's log-variance as its
log-scale (log sigma^2 where log sigma belongs: the variance used as a scale), instead of
0.5 * model_log_variance.
Flagged on op `vb_term` (reference, t = 1).  `--fixed` is the reference."""
import math  # noqa: F401
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import reference as ref  # noqa: E402

FIXED = "--fixed" in sys.argv


def vb_term(betas, x0, xt, t, model_mean, model_log_variance):
    out = ref.vb_term_reference(betas, x0, xt, t, model_mean, model_log_variance)
    for i, (a, s, mm, mlv) in enumerate(zip(x0, t, model_mean, model_log_variance)):
        if s == 1:
            out[i] = -ref.discretized_log_prob(a, mm, mlv)
    return out


ref.vb_term_reference = ref.vb_term
if not FIXED:
    ref.vb_term = vb_term

if __name__ == "__main__":
    ref.main(name="zoo-decoder-variance-as-scale" + ("-fixed" if FIXED else ""),
             only={"q_posterior_mean_variance", "vb_term"})
