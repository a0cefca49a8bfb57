package org.probity.spec.latex.internal;

/**
 * Why a LaTeX fragment was not translated. A {@link Kind#SYNTAX} problem is malformed input (a
 * parse error: exit 2 at its position); {@link Kind#UNCHECKABLE} is well-formed math that has no
 * meaning in Probity's model families (reported as NOT CHECKED with the reason).
 */
public final class LatexProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The two kinds of problem. */
    public enum Kind { SYNTAX, UNCHECKABLE }

    private final Kind kind;
    private final int offset;
    private final String found;

    LatexProblem(Kind kind, String message, int offset, String found) {
        super(message, null, false, false);
        this.kind = kind;
        this.offset = offset;
        this.found = found;
    }

    static LatexProblem syntax(String expected, LatexToken at) {
        return new LatexProblem(Kind.SYNTAX, expected, at.start(), at.describe());
    }

    static LatexProblem uncheckable(String reason, LatexToken at) {
        return new LatexProblem(Kind.UNCHECKABLE, reason, at.start(), at.describe());
    }

    /** Syntax error or not checkable. */
    public Kind kind() {
        return kind;
    }

    /** Offset in the fragment. */
    public int offset() {
        return offset;
    }

    /** The token found there, as in "found ...". */
    public String found() {
        return found;
    }
}
