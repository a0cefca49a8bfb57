"""Probity's adapter side: serve your functions to ``probity check-impl`` (PROTOCOL.md), standard
library only.

An adapter is a dictionary from op names to functions::

    from probity_adapter import serve
    serve({"normal_kl": my_normal_kl}, name="my-code", precision="float64")

Each function receives the request's arguments as keyword arguments (``betas`` as a list of floats,
element-wise arguments as lists of equal length -- scalars are broadcast -- ``p``/``q`` as lists of
rows, timesteps and states as ints) and returns a list, a NumPy array, or for the ops with several
outputs a dict or a tuple of them (``q_mean_variance``: mean, variance, log_variance; ``ddim_step``:
mean, std, x_prev; ``beta_schedule``: betas, alphas_cumprod).  ``pointwise`` and ``rowwise`` turn
functions of scalars or of one row into batched ops.  An exception becomes an error response for that
request (traceback on stderr) and the loop keeps serving.

``Adapter`` bundles the ops with what ``describe`` says about them; the pytest plugin
(``probity_adapter.pytest_plugin``, registered on install) checks an ``Adapter`` returned by a
fixture named ``probity_adapter``.
"""
from .adapter import Adapter
from .batching import ELEMENTWISE, broadcast, pointwise, rowwise
from .protocol import serve

__all__ = ["Adapter", "ELEMENTWISE", "broadcast", "pointwise", "rowwise", "serve"]
__version__ = "0.2.0"
