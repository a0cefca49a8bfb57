"""Probity adapter helper: the JSON-lines protocol loop (PROTOCOL.md), standard library only.

An adapter is a dictionary from op names to functions::

    from probity_adapter import serve
    serve({"normal_kl": my_normal_kl}, name="my-code", precision="float64")

Each function receives the request's arguments as keyword arguments (``betas`` as a list of
floats, element-wise arguments as lists of equal length -- scalars are broadcast -- and ``p``/``q``
as lists of rows) and returns a list (or, for ``q_mean_variance`` / ``q_posterior_mean_variance``,
a dict with ``mean``, ``variance``, ``log_variance`` lists, or a tuple of the three).  Use
``pointwise`` to turn a function of scalars into one over lists.  Non-finite numbers travel as the
strings "NaN", "Infinity", "-Infinity" in both directions.  An exception in a function becomes an
error response for that request (traceback on stderr); the loop keeps serving.  Anything printed to
stdout by the code under test would corrupt the protocol, so ``serve`` redirects ``sys.stdout`` to
stderr while the functions run.
"""
import json
import math
import sys
import traceback

# element-wise arguments of each op (broadcast to a common length); others are passed as given
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
}
_TRIPLE = ("mean", "variance", "log_variance")
_NONFINITE = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


def _decode(v):
    if isinstance(v, str) and v in _NONFINITE:
        return _NONFINITE[v]
    if isinstance(v, list):
        return [_decode(x) for x in v]
    if isinstance(v, dict):
        return {k: _decode(x) for k, x in v.items()}
    return v


def _encode(v):
    if hasattr(v, "tolist"):  # numpy arrays and scalars
        v = v.tolist()
    if isinstance(v, float):
        if math.isnan(v):
            return "NaN"
        if math.isinf(v):
            return "Infinity" if v > 0 else "-Infinity"
        return v
    if isinstance(v, (list, tuple)):
        return [_encode(x) for x in v]
    if isinstance(v, dict):
        return {k: _encode(x) for k, x in v.items()}
    return v


def _broadcast(op, args):
    names = [n for n in ELEMENTWISE.get(op, ()) if n in args]
    n = max((len(args[k]) for k in names if isinstance(args[k], list)), default=1)
    out = dict(args)
    for k in names:
        if not isinstance(args[k], list):
            out[k] = [args[k]] * n
        elif len(args[k]) != n:
            raise ValueError("argument %s has %d values, expected %d" % (k, len(args[k]), n))
    if "t" in out and isinstance(out["t"], list):
        out["t"] = [int(t) for t in out["t"]]
    return out


def pointwise(fn, shared=("betas",)):
    """Turns ``fn(**scalars)`` into a batched op: element-wise arguments are zipped, ``shared``
    ones (the schedule) passed whole.  A function returning a triple (mean, variance, log_variance)
    gives the dict the two ``q_*`` ops answer."""
    def batched(**args):
        keys = [k for k in args if k not in shared]
        n = len(args[keys[0]]) if keys else 0
        out = [fn(**{**{k: args[k] for k in shared if k in args}, **{k: args[k][i] for k in keys}})
               for i in range(n)]
        if out and isinstance(out[0], tuple):
            return {name: [o[j] for o in out] for j, name in enumerate(_TRIPLE)}
        return out
    return batched


def _answer(ops, name, precision, req):
    rid = req.get("id") if isinstance(req, dict) else None
    try:
        op = req["op"]
        if op == "describe":
            return {"id": rid, "result": {"name": name, "ops": sorted(ops), "precision": precision}}
        if op not in ops:
            return {"id": rid, "error": "unsupported op"}
        result = ops[op](**_broadcast(op, _decode(req.get("args", {}))))
        if isinstance(result, tuple) and len(result) == 3 and op in ("q_mean_variance", "q_posterior_mean_variance"):
            result = dict(zip(_TRIPLE, result))
        return {"id": rid, "result": _encode(result)}
    except Exception as e:  # noqa: BLE001 -- every failure becomes an error response
        traceback.print_exc(file=sys.stderr)
        return {"id": rid, "error": "%s: %s" % (type(e).__name__, e)}


def serve(ops, name="python-adapter", precision="float64", stdin=None, stdout=None):
    """Answers requests from ``stdin`` (default sys.stdin) on ``stdout`` (default the real stdout)
    until end of input."""
    if precision not in ("float64", "float32"):
        raise ValueError("precision must be 'float64' or 'float32', got %r" % (precision,))
    stdin = stdin or sys.stdin
    out = stdout or sys.stdout
    sys.stdout = sys.stderr  # stray prints of the code under test go to stderr, not into the protocol
    try:
        for line in stdin:
            if not line.strip():
                continue
            try:
                req = json.loads(line)
            except ValueError as e:
                resp = {"id": None, "error": "request is not JSON: %s" % e}
            else:
                resp = _answer(ops, name, precision, req)
            out.write(json.dumps(resp, allow_nan=False) + "\n")
            out.flush()
    finally:
        sys.stdout = out
