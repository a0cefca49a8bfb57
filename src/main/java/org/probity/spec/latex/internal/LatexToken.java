package org.probity.spec.latex.internal;

/**
 * A token of LaTeX math: a control word ({@code \mathbf}), a control symbol ({@code \,}, {@code \\}),
 * a number, or one character. {@code start}/{@code end} are offsets in the fragment.
 */
record LatexToken(Kind kind, String text, int start, int end) {
    enum Kind { COMMAND, NUMBER, CHAR, END }

    boolean is(String s) {
        return kind != Kind.END && text.equals(s);
    }

    boolean isCommand(String name) {
        return kind == Kind.COMMAND && text.equals(name);
    }

    /** How the token is named in "found ..." messages. */
    String describe() {
        return kind == Kind.END ? "the end of the formula" : "'" + text + "'";
    }
}
