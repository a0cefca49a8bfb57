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
    GREATER(">"),
    /**
     * {@code propto_{x_a, ...}}: proportional in the stated variables — the ratio of the two sides
     * does not depend on them (it may depend on every other variable).
     */
    PROPTO("propto");

    private final String symbol;

    Relation(String symbol) {
        this.symbol = symbol;
    }

    /** The source symbol. */
    public String symbol() {
        return symbol;
    }

    /** The relation written {@code symbol}, or null when it is none ({@code propto} is written with its variables). */
    public static Relation of(String symbol) {
        for (Relation r : values()) {
            if (r != PROPTO && r.symbol.equals(symbol)) {
                return r;
            }
        }
        return null;
    }

    /**
     * The relation of a chain {@code a R1 b R2 c}: {@code ==} steps are neutral, {@code <=} and
     * {@code <} compose to {@code <} (likewise for {@code >=}, {@code >}), {@code ==} and
     * {@code propto} to {@code propto}; null when the chain mixes directions, or an inequality
     * with {@code propto}, and so says nothing about its ends.
     */
    public static Relation compose(Iterable<Relation> chain) {
        Relation acc = EQUAL;
        for (Relation r : chain) {
            if (r == EQUAL) {
                continue;
            }
            if (r == PROPTO || acc == PROPTO) {
                if (r != PROPTO || acc != PROPTO && acc != EQUAL) {
                    return null;
                }
                acc = PROPTO;
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
