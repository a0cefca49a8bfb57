"""Batching helpers: Probity sends whole batches (flat arrays evaluated element-wise, one request
each); these turn functions of scalars or of one row into batched ops, and broadcast scalars."""

# element-wise arguments of each op (broadcast to a common length); the others are passed as given
ELEMENTWISE = {
    "alphas_cumprod": (),
    "q_mean_variance": ("x0", "t"),
    "q_posterior_mean_variance": ("x0", "xt", "t"),
    "predict_x0_from_eps": ("xt", "t", "eps"),
    "normal_kl": ("mean1", "logvar1", "mean2", "logvar2"),
    "discretized_gaussian_log_likelihood": ("x", "mean", "log_scale"),
    "prior_kl": ("x0",),
    "vb_term": ("x0", "xt", "t", "model_mean", "model_log_variance"),
    "categorical_kl": (),
    "categorical_entropy": (),
    "categorical_cross_entropy": (),
    "beta_schedule": (),
    "snr": ("t",),
    "get_velocity": ("x0", "eps", "t"),
    "predict_x0_from_v": ("xt", "t", "v"),
    "loss_weight": ("t",),
    "inference_timesteps": (),
    "ddim_step": ("t", "t_prev", "xt", "eps", "noise"),
    "sigma_schedule": (),
    "d3pm_q_mat": (),
    "d3pm_q_probs": ("x0", "t"),
    "d3pm_q_posterior": ("x0", "xt", "t"),
}
# arguments that are integers on the wire (timesteps, states, lengths)
INTEGERS = ("t", "t_prev", "T", "n", "K")
# per-op integer arguments beyond INTEGERS (D3PM states)
_INTEGER_STATES = {"d3pm_q_probs": ("x0",), "d3pm_q_posterior": ("x0", "xt")}
def _int(x):
    return int(x) if isinstance(x, float) and x == int(x) else x


def broadcast(op, args):
    """The arguments of one request with every element-wise argument a list of the common length
    (a scalar repeated) and integer arguments as ``int``; raises ValueError on unequal lengths."""
    names = [n for n in ELEMENTWISE.get(op, ()) if n in args]
    n = max((len(args[k]) for k in names if isinstance(args[k], list)), default=1)
    out = dict(args)
    for k in names:
        if not isinstance(args[k], list):
            out[k] = [args[k]] * n
        elif len(args[k]) != n:
            raise ValueError("argument %s has %d values, expected %d" % (k, len(args[k]), n))
    for k in INTEGERS + _INTEGER_STATES.get(op, ()):
        if k in out:
            out[k] = [_int(x) for x in out[k]] if isinstance(out[k], list) else _int(out[k])
    return out


def pointwise(fn, shared=("betas", "prediction_type", "gamma", "eta", "kind", "K")):
    """Turns ``fn(**scalars)`` into a batched op: element-wise arguments are zipped and passed one
    element at a time, ``shared`` ones (the schedule and the op's scalar settings) passed whole.  A
    function returning a tuple (mean, variance, log_variance for the q_* ops; mean, std, x_prev for
    ddim_step) gives a tuple of lists, which the protocol loop answers as the op's named fields."""
    def batched(**args):
        keys = [k for k in args if k not in shared]
        n = len(args[keys[0]]) if keys else 0
        out = [fn(**{**{k: args[k] for k in shared if k in args}, **{k: args[k][i] for k in keys}})
               for i in range(n)]
        if out and isinstance(out[0], tuple):
            return tuple([o[j] for o in out] for j in range(len(out[0])))
        return out
    return batched


def rowwise(fn):
    """Turns ``fn(p_row)`` or ``fn(p_row, q_row)`` into a batched categorical op over rows."""
    def batched(**args):
        return [fn(*rows) for rows in zip(*args.values())]
    return batched
