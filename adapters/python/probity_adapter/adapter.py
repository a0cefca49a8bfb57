"""An adapter as a value: the ops and what ``describe`` says about them."""
from .protocol import PRECISIONS, serve


class Adapter:
    """The ops of an implementation with its name, precision and optional ``describe`` fields
    (``schedules``, ``limits``, ``variants``; PROTOCOL.md).

    ``ops`` maps op names to functions (see ``probity_adapter.serve``).  ``serve()`` answers requests
    on stdin/stdout; the pytest plugin serves it to ``probity check-impl`` from inside pytest.
    """

    def __init__(self, ops, name="python-adapter", precision="float64", schedules=None, limits=None, variants=None):
        if not isinstance(ops, dict) or not all(callable(f) for f in ops.values()):
            raise TypeError("ops must be a dict from op names to functions")
        if precision not in PRECISIONS:
            raise ValueError("precision must be 'float64' or 'float32', got %r" % (precision,))
        self.ops = dict(ops)
        self.name = name
        self.precision = precision
        self.schedules = schedules
        self.limits = limits
        self.variants = variants

    def serve(self, stdin=None, stdout=None, redirect_stdout=True):
        """Answers requests until end of input (see ``probity_adapter.serve``)."""
        serve(self.ops, name=self.name, precision=self.precision, schedules=self.schedules, limits=self.limits,
              variants=self.variants, stdin=stdin, stdout=stdout, redirect_stdout=redirect_stdout)

    def __repr__(self):
        return "Adapter(%s, %s, ops=%s)" % (self.name, self.precision, sorted(self.ops))
