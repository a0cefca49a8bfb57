"""improved-diffusion itself (openai/improved-diffusion, Nichol & Dhariwal 2021) behind the adapter
protocol: every op calls the library's own code -- GaussianDiffusion's tables and methods, and
losses.normal_kl / losses.discretized_gaussian_log_likelihood -- with nothing re-typed and nothing
padded (T = 1 goes to the library as it is).  Its tables are float64, but every value is read through
`_extract_into_tensor`, which returns float32, and its losses run on the float32 tensors of training,
so the adapter declares float32.

    IMPROVED_DIFFUSION=/path/to/improved-diffusion probity check-impl -- /usr/bin/python3 improved_diffusion.py

Environment:
    IMPROVED_DIFFUSION   the checkout of the library: the directory that holds the `improved_diffusion`
                         package (e.g. `git clone https://github.com/openai/improved-diffusion`).  The
                         source stays outside Probity's repository.
Needs PyTorch and NumPy (Debian: `apt-get install python3-torch`, which installs them for
/usr/bin/python3).  Without them or without the checkout it writes one line to stderr and exits 2.

What Probity finds (docs/adapters.md, "improved-diffusion"): the constructor raises IndexError for
T = 1 (the clipped posterior log-variance reads posterior_variance[1]), reported once; the tanh
approximation of the normal CDF in discretized_gaussian_log_likelihood (~1e-3 in log-probability),
and so in vb_term at t = 1; nothing on the exact ops.
"""
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from probity_adapter import serve  # noqa: E402

SOURCE = os.environ.get("IMPROVED_DIFFUSION", "")
try:
    import numpy as np
    import torch as th
except ImportError as e:
    sys.stderr.write("improved_diffusion.py: needs PyTorch and NumPy (%s); Debian: apt-get install python3-torch, "
                     "then run it with /usr/bin/python3\n" % e)
    sys.exit(2)
if not os.path.isfile(os.path.join(SOURCE, "improved_diffusion", "gaussian_diffusion.py")):
    sys.stderr.write("improved_diffusion.py: IMPROVED_DIFFUSION=%r: expected the directory that holds the "
                     "improved_diffusion package (a checkout of github.com/openai/improved-diffusion)\n" % SOURCE)
    sys.exit(2)
sys.path.insert(0, SOURCE)
from improved_diffusion import gaussian_diffusion as gd  # noqa: E402
from improved_diffusion.losses import discretized_gaussian_log_likelihood as _dgll  # noqa: E402
from improved_diffusion.losses import normal_kl as _normal_kl  # noqa: E402

LN2 = math.log(2.0)


def _diffusion(betas):
    """The library's GaussianDiffusion for these betas (the constructor builds every table)."""
    return gd.GaussianDiffusion(betas=np.asarray(betas, dtype=np.float64), model_mean_type=gd.ModelMeanType.EPSILON,
                                model_var_type=gd.ModelVarType.LEARNED_RANGE, loss_type=gd.LossType.RESCALED_MSE)


def _f32(x):
    """An argument as the float32 tensor training code passes."""
    return th.tensor(np.asarray(x, dtype=np.float64), dtype=th.float32)


def _index(t):
    """Protocol timesteps are 1-based; the library's are 0-based."""
    return th.tensor(np.asarray(t, dtype=np.int64) - 1)


def alphas_cumprod(betas):
    d = _diffusion(betas)
    t = th.arange(d.num_timesteps)
    return gd._extract_into_tensor(d.alphas_cumprod, t, t.shape).numpy()


def q_mean_variance(betas, x0, t):
    mean, variance, log_variance = _diffusion(betas).q_mean_variance(_f32(x0), _index(t))
    return {"mean": mean.numpy(), "variance": variance.numpy(), "log_variance": log_variance.numpy()}


def q_posterior_mean_variance(betas, x0, xt, t):
    mean, variance, log_variance = _diffusion(betas).q_posterior_mean_variance(_f32(x0), _f32(xt), _index(t))
    return {"mean": mean.numpy(), "variance": variance.numpy(), "log_variance": log_variance.numpy()}


def predict_x0_from_eps(betas, xt, t, eps):
    return _diffusion(betas)._predict_xstart_from_eps(_f32(xt), _index(t), _f32(eps)).numpy()


def normal_kl(mean1, logvar1, mean2, logvar2):
    return _normal_kl(_f32(mean1), _f32(logvar1), _f32(mean2), _f32(logvar2)).numpy()


def discretized_gaussian_log_likelihood(x, mean, log_scale):
    return _dgll(_f32(x), means=_f32(mean), log_scales=_f32(log_scale)).numpy()


def prior_kl(betas, x0):
    """GaussianDiffusion._prior_bpd on a batch of one-dimensional images, converted from bits to nats."""
    return (_diffusion(betas)._prior_bpd(_f32(x0)[:, None]) * LN2).numpy()


def vb_term(betas, x0, xt, t, model_mean, model_log_variance):
    """The body of GaussianDiffusion._vb_terms_bpd with the model's output given (it calls the model
    through p_mean_variance, which this protocol replaces by model_mean and model_log_variance), in nats."""
    d = _diffusion(betas)
    x_start, x_t, idx = _f32(x0), _f32(xt), _index(t)
    out_mean, out_log_variance = _f32(model_mean), _f32(model_log_variance)
    true_mean, _, true_log_variance_clipped = d.q_posterior_mean_variance(x_start=x_start, x_t=x_t, t=idx)
    kl = _normal_kl(true_mean, true_log_variance_clipped, out_mean, out_log_variance)
    decoder_nll = -_dgll(x_start, means=out_mean, log_scales=0.5 * out_log_variance)
    return th.where(idx == 0, decoder_nll, kl).numpy()


if __name__ == "__main__":
    serve({"alphas_cumprod": alphas_cumprod, "q_mean_variance": q_mean_variance,
           "q_posterior_mean_variance": q_posterior_mean_variance, "predict_x0_from_eps": predict_x0_from_eps,
           "normal_kl": normal_kl, "discretized_gaussian_log_likelihood": discretized_gaussian_log_likelihood,
           "prior_kl": prior_kl, "vb_term": vb_term},
          name="improved-diffusion", precision="float32")
