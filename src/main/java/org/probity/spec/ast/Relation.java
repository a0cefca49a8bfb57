package org.probity.spec.ast;

/** The relation of a claim or derivation step (SPEC-LANGUAGE.md: {@code REL} is {@code == <= >= < >}). */
public enum Relation {
    /** {@code ==}: equal within the tolerance. */
    EQUAL("=="),
    /** {@code <=}: at most, with the same slack as {@code ==}. */
    AT_MOST("<="),
    /** {@code >=}: at least, with the same slack as {@code ==}. */
    AT_LEAST(">="),
    /** {@code <}: smaller by more than the tolerance. */
    LESS("<"),
    /** {@code >}: larger by more than the tolerance. */
    GREATER(">");

    private final String symbol;

    Relation(String symbol) {
        this.symbol = symbol;
    }

    /** The source symbol. */
    public String symbol() {
        return symbol;
    }

    /** The relation written {@code symbol}, or null when it is none. */
    public static Relation of(String symbol) {
        for (Relation r : values()) {
            if (r.symbol.equals(symbol)) {
                return r;
            }
        }
        return null;
    }

    /**
     * The relation of a chain {@code a R1 b R2 c}: {@code ==} steps are neutral, {@code <=} and
     * {@code <} compose to {@code <} (likewise for {@code >=}, {@code >}); null when the chain
     * mixes directions and so says nothing about its ends.
     */
    public static Relation compose(Iterable<Relation> chain) {
        Relation acc = EQUAL;
        for (Relation r : chain) {
            if (r == EQUAL) {
                continue;
            }
            if (acc == EQUAL) {
                acc = r;
            } else if (acc.upward() != r.upward()) {
                return null;
            } else if (r == LESS || r == GREATER) {
                acc = r;
            }
        }
        return acc;
    }

    private boolean upward() {
        return this == AT_MOST || this == LESS;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
