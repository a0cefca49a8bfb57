"""Faulty adapter for Probity's tests: answers describe, then dies with exit code 3 on the first op."""
import json
import sys

for line in sys.stdin:
    req = json.loads(line)
    if req["op"] == "describe":
        print(json.dumps({"id": req["id"], "result": {"name": "crash", "ops": ["normal_kl", "categorical_kl"]}}), flush=True)
        continue
    print("crash.py: simulated segfault while computing " + req["op"], file=sys.stderr, flush=True)
    sys.exit(3)
