"""Faulty adapter for Probity's tests: answers with bare NaN / Infinity tokens (Python's json.dumps
default), which are not JSON; PROTOCOL.md writes them as the strings "NaN", "Infinity", "-Infinity"."""
import json
import sys

for line in sys.stdin:
    req = json.loads(line)
    if req["op"] == "describe":
        print(json.dumps({"id": req["id"], "result": {"name": "bare-nan", "ops": ["normal_kl"]}}), flush=True)
        continue
    n = len(req["args"]["mean1"])
    print(json.dumps({"id": req["id"], "result": [float("nan")] + [float("inf")] * (n - 1)}), flush=True)
