package org.probity.conformance;

/**
 * An implementation refused or failed to evaluate an op on an input it declared it supports: the
 * adapter answered {@code {"id": n, "error": "..."}}, or a JVM implementation threw. A conformance
 * check reports it as a finding for that op (exit 1), with the shrunk input.
 */
public final class OpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Op op;

    /**
     * @param op the op that failed
     * @param message the implementation's error text
     */
    public OpError(Op op, String message) {
        super(op.wireName() + ": " + message);
        this.op = op;
    }

    /** The op that failed. */
    public Op op() {
        return op;
    }
}
