package org.probity.spec.internal;

/** A lexical token with its 1-based position and its offset in the source. */
record Token(Kind kind, String text, int line, int column, int offset) {
    enum Kind { NUMBER, IDENT, STRING, SYMBOL, NEWLINE, EOF }

    /** How the token is named in "found ..." messages. */
    String describe() {
        switch (kind) {
            case NEWLINE:
                return "end of line";
            case EOF:
                return "end of file";
            case STRING:
                return "\"" + text + "\"";
            default:
                return "'" + text + "'";
        }
    }

    boolean is(String symbol) {
        return (kind == Kind.SYMBOL || kind == Kind.IDENT) && text.equals(symbol);
    }
}
