"""Faulty adapter for Probity's tests: prints a debugging line on stdout before each answer."""
import json
import sys

for line in sys.stdin:
    req = json.loads(line)
    if req["op"] == "describe":
        print(json.dumps({"id": req["id"], "result": {"name": "garbage", "ops": ["normal_kl", "categorical_kl"]}}), flush=True)
        continue
    print("computing %s ..." % req["op"], flush=True)
    n = len(req["args"].get("mean1", req["args"].get("p", [])))
    print(json.dumps({"id": req["id"], "result": [0.0] * n}), flush=True)
