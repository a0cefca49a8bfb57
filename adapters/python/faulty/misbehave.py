"""Faulty adapter for Probity's tests: one protocol violation chosen by argv[1]:
wrong_id, wrong_length, missing_field, malformed, bad_number, no_describe, bad_precision, string_id,
object_result."""
import json
import sys

mode = sys.argv[1]
for line in sys.stdin:
    req = json.loads(line)
    rid = req["id"]
    if req["op"] == "describe":
        if mode == "no_describe":
            print(json.dumps({"id": rid, "error": "unsupported op"}), flush=True)
        else:
            prec = "float16" if mode == "bad_precision" else "float64"
            print(json.dumps({"id": rid, "result": {"name": mode, "ops": ["normal_kl", "q_mean_variance"], "precision": prec}}), flush=True)
        continue
    n = len(req["args"].get("mean1", req["args"].get("x0", [])))
    if mode == "wrong_id":
        out = json.dumps({"id": rid + 1, "result": [0.0] * n})
    elif mode == "wrong_length":
        out = json.dumps({"id": rid, "result": [0.0] * (n + 1)})
    elif mode == "missing_field":
        out = json.dumps({"id": rid, "result": {"mean": [0.0] * n, "variance": [1.0] * n}}
                         if req["op"] == "q_mean_variance" else {"id": rid})
    elif mode == "string_id":
        out = json.dumps({"id": str(rid), "result": [0.0] * n})
    elif mode == "object_result":
        out = json.dumps({"id": rid, "result": {"kl": [0.0] * n}})
    elif mode == "malformed":
        out = '{"id": %d, "result": [0.0,' % rid
    else:  # bad_number
        out = json.dumps({"id": rid, "result": ["zero"] * n})
    print(out, flush=True)
