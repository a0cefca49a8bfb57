"""Faulty adapter for Probity's tests: starts processes of its own, which must not outlive Probity.

argv[1] is the mode, argv[2] a file into which every process started writes its PID (one a line):
  answer  a child that inherits stdout and sleeps; the adapter answers normally
  crash   a child that inherits stdout and sleeps; the adapter dies (exit 3) on the first op
  hang    a child that inherits stdout and sleeps; the adapter never answers an op
  daemon  a double-forked child in its own session (re-parented at once, not a descendant); answers normally
"""
import json
import os
import sys
import time

mode, pid_file = sys.argv[1], sys.argv[2]


def record(pid):
    with open(pid_file, "a") as f:
        f.write("%d\n" % pid)


def sleeper():
    """Forks a child that keeps the adapter's stdin/stdout/stderr open and sleeps for ten minutes."""
    pid = os.fork()
    if pid == 0:
        if mode == "daemon":
            os.setsid()
            if os.fork() != 0:
                os._exit(0)
            record(os.getpid())
        time.sleep(600)
        os._exit(0)
    if mode == "daemon":
        os.waitpid(pid, 0)
    else:
        record(pid)


sleeper()
for line in sys.stdin:
    req = json.loads(line)
    rid = req["id"]
    if req["op"] == "describe":
        print(json.dumps({"id": rid, "result": {"name": "fork-" + mode, "ops": ["normal_kl"]}}), flush=True)
        continue
    if mode == "crash":
        print("fork.py: dying behind a child that holds stdout", file=sys.stderr, flush=True)
        os._exit(3)
    if mode == "hang":
        while True:
            time.sleep(1)
    n = len(req["args"]["mean1"])
    print(json.dumps({"id": rid, "result": [0.0] * n}), flush=True)
