"""Faulty adapter for Probity's tests: answers describe, then never answers again."""
import json
import sys
import time

for line in sys.stdin:
    req = json.loads(line)
    if req["op"] == "describe":
        print(json.dumps({"id": req["id"], "result": {"name": "hang", "ops": ["normal_kl", "categorical_kl"]}}), flush=True)
        continue
    print("hang.py: stuck in an infinite loop", file=sys.stderr, flush=True)
    while True:
        time.sleep(1)
