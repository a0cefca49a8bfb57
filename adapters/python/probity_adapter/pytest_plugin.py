"""A pytest plugin that checks your adapter with ``probity check-impl`` (registered on install).

Write a fixture named ``probity_adapter`` in a test module; it names your ops::

    @pytest.fixture
    def probity_adapter():
        return Adapter({"normal_kl": mylosses.normal_kl}, name="mylosses", precision="float64")

and run ``pytest``.  The plugin makes one test per property that Probity checks for each op the
fixture lists (``probity check-impl --list-ops --json``), runs ``probity check-impl`` once per module
against the fixture's ops -- served from inside the pytest process through a local socket, so your
fixtures, imports and monkeypatches apply -- and reports each property as a test: passing properties
pass, each failing one fails with the shrunk input, the numbers and the command that replays it, and
a property Probity could not check is skipped with the reason.

The fixture may also return a dict of ops (name and precision then default), or an adapter command
(a list of strings such as ``["python3", "my_adapter.py"]``).  To learn which ops to make tests for,
the plugin calls the fixture's function once at collection when it takes no arguments; a fixture
with arguments gets a test for every op, and the ops it does not list are skipped.

Options: ``--probity-command`` (how to run Probity, default ``$PROBITY_COMMAND`` or ``probity``;
also the ini key ``probity_command``), ``--probity-seed``, ``--probity-tries``,
``--probity-max-shrink``, ``--probity-timeout-ms``, ``--probity-replay``.
"""
import inspect
import json
import os
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import threading

import pytest

from .adapter import Adapter

FIXTURE = "probity_adapter"
_RUNS = {}


def pytest_addoption(parser):
    group = parser.getgroup("probity", "checking an implementation with probity check-impl")
    group.addoption("--probity-command", default=None, metavar="CMD",
                    help="how to run Probity (default: $PROBITY_COMMAND, the ini key probity_command, or 'probity')")
    group.addoption("--probity-seed", default=None, type=int, metavar="N", help="seed of the generated cases")
    group.addoption("--probity-tries", default=None, type=int, metavar="N", help="cases per property")
    group.addoption("--probity-max-shrink", default=None, type=int, metavar="N", help="shrink candidates per finding")
    group.addoption("--probity-timeout-ms", default=None, type=int, metavar="N", help="per-request timeout")
    group.addoption("--probity-replay", default=None, metavar="TOKEN", help="rerun exactly the input of one finding")
    parser.addini("probity_command", "how to run Probity, e.g. 'java -jar /path/probity.jar'", default=None)


def _command(config):
    cmd = config.getoption("--probity-command") or os.environ.get("PROBITY_COMMAND") or config.getini("probity_command") \
        or "probity"
    return shlex.split(cmd)


def _catalog(config):
    """Every op and the properties Probity checks for it (check-impl --list-ops --json), once per session."""
    cached = getattr(config, "_probity_catalog", None)
    if cached is None:
        cmd = _command(config) + ["check-impl", "--list-ops", "--json"]
        if shutil.which(cmd[0]) is None and not os.path.exists(cmd[0]):
            raise _Unavailable("probity: cannot run %r: set --probity-command, the ini key probity_command or "
                               "$PROBITY_COMMAND to the Probity command line (e.g. 'java -jar probity.jar')" % cmd[0])
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            raise _Unavailable("probity: %s failed (exit %d): %s" % (" ".join(cmd), done.returncode, done.stderr.strip()[-500:]))
        cached = json.loads(done.stdout)["ops"]
        config._probity_catalog = cached
    return cached


class _Unavailable(Exception):
    """Probity cannot be run; reported as the module's collection error, one message without a traceback."""


def _listed_ops(fixture):
    """The op names the fixture lists, by calling its function when it takes no arguments; None if unknown."""
    func = inspect.unwrap(fixture)
    try:
        if inspect.signature(func).parameters:
            return None
        value = func()
    except Exception:  # noqa: BLE001 -- then every op gets a test and unlisted ones are skipped
        return None
    if isinstance(value, Adapter):
        return set(value.ops)
    if isinstance(value, dict):
        return set(value)
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_pycollect_makeitem(collector, name, obj):
    if name != FIXTURE or not isinstance(collector, pytest.Module):
        return None
    if getattr(obj, "_fixture_function_marker", None) is None and getattr(obj, "_pytestfixturefunction", None) is None:
        return None
    listed = _listed_ops(obj)
    items = []
    try:
        catalog = _catalog(collector.config)
    except _Unavailable as e:
        # a CollectError is shown as its message alone (a UsageError raised here came wrapped in pluggy's traceback)
        raise collector.CollectError(str(e)) from None
    for op in catalog:
        if listed is not None and op["op"] not in listed:
            continue
        for prop in op["properties"]:
            items.append(pytest.Function.from_parent(collector, name="probity[%s: %s]" % (op["op"], prop["name"]),
                                                     callobj=_test(op["op"], prop["name"]), originalname="probity"))
    return items


def _replay_args(request):
    """The test's id as the user's shell sees it, and the options that chose the probity command.

    pytest's node id is relative to its rootdir, which need not be the directory pytest was started in (an
    option value that is a path can move the rootdir); a replay line is pasted where pytest was started.
    """
    config = request.config
    rest = request.node.nodeid.partition("::")[2]
    here = str(config.invocation_params.dir)
    where = os.path.relpath(str(request.node.path), here)
    args = [where + "::" + rest]
    if config.getoption("--probity-command"):
        args += ["--probity-command", config.getoption("--probity-command")]
    return args


def _test(op, prop):
    def probity(probity_adapter, request):
        run = _RUNS.get(request.node.parent.nodeid)
        if run is None:
            run = _RUNS[request.node.parent.nodeid] = _Run(request.config, probity_adapter)
        run.verdict(op, prop, _replay_args(request))
    probity.__doc__ = "%s: %s (probity check-impl)" % (op, prop)
    return probity


class _Server:
    """Serves an Adapter on one local TCP connection, from a thread of the pytest process."""

    def __init__(self, adapter):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        self.sock.settimeout(120)
        self.address = "127.0.0.1:%d" % self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, args=(adapter,), daemon=True)
        self.thread.start()

    def _serve(self, adapter):
        try:
            conn, _ = self.sock.accept()
        except OSError:
            return
        with conn, conn.makefile("r", encoding="utf-8") as rd, conn.makefile("w", encoding="utf-8") as wr:
            adapter.serve(stdin=rd, stdout=wr, redirect_stdout=False)

    def close(self):
        self.sock.close()


class _Run:
    """One probity check-impl run for a module's fixture, and the verdict of each property."""

    def __init__(self, config, fixture_value):
        self.config = config
        package_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        server = None
        if isinstance(fixture_value, (list, tuple)) and all(isinstance(x, str) for x in fixture_value):
            adapter_cmd = list(fixture_value)
        else:
            adapter = fixture_value if isinstance(fixture_value, Adapter) else Adapter(dict(fixture_value), name="pytest-adapter")
            self.ops = set(adapter.ops)
            server = _Server(adapter)
            adapter_cmd = [sys.executable, "-m", "probity_adapter.bridge", server.address]
        options = []
        for flag in ("seed", "tries", "max-shrink", "timeout-ms", "replay"):
            value = config.getoption("--probity-" + flag)
            if value is not None:
                options += ["--" + flag, str(value)]
        report = tempfile.mkdtemp(prefix="probity-")
        self.args = _command(config) + ["check-impl"] + options + ["--report", report, "--"] + adapter_cmd
        env = dict(os.environ)
        env["PYTHONPATH"] = package_root + os.pathsep + env.get("PYTHONPATH", "")
        try:
            done = subprocess.run(self.args, capture_output=True, text=True, env=env)
        finally:
            if server is not None:
                server.close()
        self.stdout, self.stderr, self.code = done.stdout, done.stderr, done.returncode
        self.report = None
        if done.returncode in (0, 1):
            with open(os.path.join(report, "conformance.json"), encoding="utf-8") as f:
                self.report = json.load(f)
        shutil.rmtree(report, ignore_errors=True)

    def verdict(self, op, prop, replay_args):
        if self.report is None:
            pytest.fail("probity check-impl could not check the adapter (exit %d):\n%s\n%s" % (
                self.code, self.stderr.strip(), "command: " + " ".join(shlex.quote(a) for a in self.args)), pytrace=False)
        entry = next((o for o in self.report["ops"] if o["op"] == op), None)
        if entry is None or entry["verdict"] == "not checked" and not entry["properties"]:
            reason = entry["skipped"] if entry and entry["skipped"] else ["%s does not list %s" % (self.report["implementation"], op)]
            pytest.skip("not checked: " + "; ".join(reason))
        run = next((p for p in entry["properties"] if p["name"] == prop), None)
        if run is None:
            why = [s for s in entry["skipped"] if s.startswith(prop)]
            pytest.skip("not checked: " + (why[0] if why else prop + " did not run"))
        if run["passed"]:
            return
        finding = next((f for f in self.report["findings"] if f["op"] == op and f["property"] == prop), None)
        lines = ["%s — %s" % (op, prop)]
        if finding is not None:
            lines += ["input: " + finding["input"], finding["detail"]]
            replay = ["pytest"] + replay_args
            if finding.get("replay_token"):
                replay += ["--probity-replay", finding["replay_token"]]
            else:
                replay += ["--probity-seed", str(self.report["seed"]), "--probity-tries", str(self.report["tries"])]
            lines.append("replay: " + " ".join(shlex.quote(a) for a in replay))
        pytest.fail("\n".join(lines), pytrace=False)
