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
    private final int opening;
    private final int line;
    private final int column;

    LatexProblem(Kind kind, String message, int offset, String found) {
        this(kind, message, offset, found, -1, 0, 0);
    }

    private LatexProblem(Kind kind, String message, int offset, String found, int opening, int line, int column) {
        super(message, null, false, false);
        this.kind = kind;
        this.offset = offset;
        this.found = found;
        this.opening = opening;
        this.line = line;
        this.column = column;
    }

    static LatexProblem syntax(String expected, LatexToken at) {
        return new LatexProblem(Kind.SYNTAX, expected, at.start(), at.describe());
    }

    /**
     * A bracket, group or environment opened at offset {@code opening} and not closed where {@code at}
     * stands; the message names the opening's place once the fragment's source positions are known.
     */
    static LatexProblem unclosed(String expected, int opening, int offset, String found) {
        return new LatexProblem(Kind.SYNTAX, expected, offset, found, opening, 0, 0);
    }

    /** A problem of the document's structure at a 1-based {@code line}:{@code column} of the file. */
    static LatexProblem inFile(int line, int column, String expected, String found) {
        return new LatexProblem(Kind.SYNTAX, expected, -1, found, -1, line, column);
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

    /** Offset in the fragment of the bracket or {@code \\begin} left open, or -1. */
    public int opening() {
        return opening;
    }

    /** 1-based line in the file of a problem of the document's structure, or 0 when the offset locates it. */
    public int line() {
        return line;
    }

    /** 1-based column in the file of a problem of the document's structure, or 0. */
    public int column() {
        return column;
    }

    /** The token found there, as in "found ...". */
    public String found() {
        return found;
    }
}
