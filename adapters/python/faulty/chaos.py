"""Chaos adapter for Probity's fuzzer (src/test/java/org/probity/fuzz): a protocol-v1 adapter that
answers plausibly (zeros of the right shape) until, at the request number the configuration names,
it commits one fault. argv[1] is a JSON object:
  {"describe": VARIANT, "fault": KIND, "at": K, "code": N}
K = 0 is describe itself. The kinds and describe variants are listed below; none of them may make
Probity exit 3, print a JVM stack trace, run past its budget or leave a process behind."""
import json
import os
import signal
import sys
import time

cfg = json.loads(sys.argv[1])
OPS = ["normal_kl", "categorical_kl", "categorical_entropy", "categorical_cross_entropy", "alphas_cumprod",
       "q_mean_variance", "q_posterior_mean_variance", "predict_x0_from_eps", "prior_kl", "vb_term",
       "discretized_gaussian_log_likelihood"]


def describe_result():
    v = cfg.get("describe", "ok")
    ok = {"name": "chaos", "ops": cfg.get("ops", OPS), "precision": "float64"}
    return {
        "ok": ok,
        "no_ops": {"name": "chaos", "ops": []},
        "unknown_ops": {"name": "chaos", "ops": ["frobnicate", "normal_kl"]},
        "only_unknown": {"name": "chaos", "ops": ["frobnicate"]},
        "ops_not_array": {"name": "chaos", "ops": "normal_kl"},
        "bad_precision": {"name": "chaos", "ops": ["normal_kl"], "precision": "float16"},
        "float32": {"name": "chaos", "ops": ["normal_kl", "alphas_cumprod"], "precision": "float32"},
        "no_name": {"ops": ["normal_kl"]},
        "not_object": ["normal_kl"],
        "null": None,
        "weird_limits": {"name": "chaos", "ops": ["alphas_cumprod"], "limits": {"min_T": 5, "max_T": 2}},
        "huge_limits": {"name": "chaos", "ops": ["alphas_cumprod"], "limits": {"min_T": 1, "max_T": 10**12}},
        "ops_numbers": {"name": "chaos", "ops": [1, 2, None]},
    }[v]


def batch(op, args):
    """A plausible answer: zeros (ones for probabilities) of the shape the op returns."""
    if op.startswith("categorical"):
        return [0.0] * len(args.get("p", []))
    if op == "alphas_cumprod":
        return [1.0] * len(args.get("betas", []))
    n = len(args.get("x0", args.get("mean1", args.get("x", args.get("xt", [])))))
    if op in ("q_mean_variance", "q_posterior_mean_variance"):
        return {"mean": [0.0] * n, "variance": [1.0] * n, "log_variance": [0.0] * n}
    return [0.0] * n


def emit(text):
    sys.stdout.write(text)
    sys.stdout.flush()


def fault(req):
    kind = cfg["fault"]
    rid = req["id"]
    if kind == "exit":
        os._exit(cfg.get("code", 1))
    if kind == "signal":
        os.kill(os.getpid(), signal.SIGKILL)
    if kind == "hang":
        time.sleep(3600)
    if kind == "partial":
        emit('{"id": %d, "res' % rid)
        time.sleep(3600)
    if kind == "garbage":
        emit("computing ... 42%\n")
    elif kind == "malformed":
        emit('{"id": %d, "result": [0.0,\n' % rid)
    elif kind == "wrong_id":
        emit(json.dumps({"id": rid + 7, "result": batch(req["op"], req["args"])}) + "\n")
    elif kind == "string_id":
        emit(json.dumps({"id": str(rid), "result": batch(req["op"], req["args"])}) + "\n")
    elif kind == "no_result":
        emit(json.dumps({"id": rid}) + "\n")
    elif kind == "bare_nan":
        emit('{"id": %d, "result": [NaN, Infinity, -Infinity]}\n' % rid)
    elif kind == "huge_number":
        r = batch(req["op"], req["args"])
        emit(json.dumps({"id": rid, "result": r}).replace("0.0", "1e999", 1) + "\n")
    elif kind == "long_line":
        emit('{"id": %d, "result": [%s0.0]}\n' % (rid, "0.0, " * 2000000))
    elif kind == "binary":
        sys.stdout.buffer.write(b"\xff\xfe\x00\x01garbage\n")
        sys.stdout.flush()
    elif kind == "close_stdout":
        os.close(1)
        time.sleep(3600)
    elif kind == "fork_crash":
        if os.fork() == 0:
            time.sleep(3600)
            os._exit(0)
        os._exit(cfg.get("code", 1))
    elif kind == "stderr_flood":
        sys.stderr.write(("x" * 1000 + "\n") * 2000)
        sys.stderr.flush()
        emit(json.dumps({"id": rid, "result": batch(req["op"], req["args"])}) + "\n")
    elif kind == "twice":
        line = json.dumps({"id": rid, "result": batch(req["op"], req["args"])}) + "\n"
        emit(line + line)
    elif kind == "error":
        emit(json.dumps({"id": rid, "error": "chaos: " + "e" * 500}) + "\n")
    elif kind == "wrong_length":
        r = batch(req["op"], req["args"])
        emit(json.dumps({"id": rid, "result": (r + [0.0]) if isinstance(r, list) else r}) + "\n")
    else:
        raise SystemExit("chaos.py: unknown fault " + kind)


n = 0
for line in sys.stdin:
    req = json.loads(line)
    if n == cfg.get("at", -1):
        fault(req)
    elif req["op"] == "describe":
        emit(json.dumps({"id": req["id"], "result": describe_result()}) + "\n")
    else:
        emit(json.dumps({"id": req["id"], "result": batch(req["op"], req["args"])}) + "\n")
    n += 1
