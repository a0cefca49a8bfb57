"""The JSON-lines protocol loop of Probity's adapter protocol (PROTOCOL.md), standard library only.

One request per line on the input, one response per line on the output::

    {"id": 7, "op": "normal_kl", "args": {...}}   ->   {"id": 7, "result": [...]}   or   {"id": 7, "error": "..."}

Non-finite numbers travel as the strings "NaN", "Infinity", "-Infinity" in both directions.
"""
import json
import math
import sys
import traceback

from .batching import broadcast

# the named outputs of the ops that answer several arrays, in tuple order
FIELDS = {
    "q_mean_variance": ("mean", "variance", "log_variance"),
    "q_posterior_mean_variance": ("mean", "variance", "log_variance"),
    "ddim_step": ("mean", "std", "x_prev"),
    "beta_schedule": ("betas", "alphas_cumprod"),
}
_NONFINITE = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}
PRECISIONS = ("float64", "float32")


def decode(v):
    """JSON values to Python values, the non-finite strings to floats."""
    if isinstance(v, str) and v in _NONFINITE:
        return _NONFINITE[v]
    if isinstance(v, list):
        return [decode(x) for x in v]
    if isinstance(v, dict):
        return {k: decode(x) for k, x in v.items()}
    return v


def encode(v):
    """Python (and NumPy) values to JSON values, non-finite floats as strings."""
    if hasattr(v, "tolist"):  # numpy arrays and scalars
        v = v.tolist()
    if isinstance(v, float):
        if math.isnan(v):
            return "NaN"
        if math.isinf(v):
            return "Infinity" if v > 0 else "-Infinity"
        return v
    if isinstance(v, (list, tuple)):
        return [encode(x) for x in v]
    if isinstance(v, dict):
        return {k: encode(x) for k, x in v.items()}
    return v


def describe(ops, name, precision, schedules=None, limits=None, variants=None):
    """The answer to ``describe``: name, sorted op names, precision and the optional fields."""
    result = {"name": name, "ops": sorted(ops), "precision": precision}
    if schedules is not None:
        result["schedules"] = list(schedules)
    if limits is not None:
        result["limits"] = dict(limits)
    if variants is not None:
        result["variants"] = {k: list(v) for k, v in variants.items()}
    return result


def answer(ops, description, req):
    """The response to one decoded request (never raises)."""
    rid = req.get("id") if isinstance(req, dict) else None
    try:
        op = req["op"]
        if op == "describe":
            return {"id": rid, "result": description}
        if op not in ops:
            return {"id": rid, "error": "unsupported op"}
        result = ops[op](**broadcast(op, decode(req.get("args", {}))))
        fields = FIELDS.get(op)
        if fields is not None and isinstance(result, tuple) and len(result) == len(fields):
            result = dict(zip(fields, result))
        return {"id": rid, "result": encode(result)}
    except Exception as e:  # noqa: BLE001 -- every failure becomes an error response
        traceback.print_exc(file=sys.stderr)
        return {"id": rid, "error": "%s: %s" % (type(e).__name__, e)}


def serve(ops, name="python-adapter", precision="float64", schedules=None, limits=None, variants=None,
          stdin=None, stdout=None, redirect_stdout=True):
    """Answers requests from ``stdin`` (default sys.stdin) on ``stdout`` (default the real stdout)
    until end of input.

    ``ops`` maps op names to functions; each gets the request's arguments as keyword arguments.
    ``schedules``, ``limits`` (``{"min_T": a, "max_T": b}``) and ``variants`` (``{"op": [values]}``)
    are the optional fields of ``describe``.  With ``redirect_stdout`` (the default), ``sys.stdout``
    points at stderr while the functions run, so stray prints of the code under test cannot corrupt
    the protocol.
    """
    if precision not in PRECISIONS:
        raise ValueError("precision must be 'float64' or 'float32', got %r" % (precision,))
    description = describe(ops, name, precision, schedules, limits, variants)
    stdin = stdin or sys.stdin
    out = stdout or sys.stdout
    saved = sys.stdout
    if redirect_stdout:
        sys.stdout = sys.stderr
    try:
        for line in stdin:
            if not line.strip():
                continue
            try:
                req = json.loads(line)
            except ValueError as e:
                resp = {"id": None, "error": "request is not JSON: %s" % e}
            else:
                resp = answer(ops, description, req)
            out.write(json.dumps(resp, allow_nan=False) + "\n")
            out.flush()
    finally:
        if redirect_stdout:
            sys.stdout = saved
