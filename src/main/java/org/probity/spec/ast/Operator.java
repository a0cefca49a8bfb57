package org.probity.spec.ast;

/**
 * The binary arithmetic operators of the spec language, loosest first by {@link #precedence()}.
 * {@code ^} is right-associative; the others associate to the left.
 */
public enum Operator {
    /** {@code a + b}. */
    ADD('+', 1),
    /** {@code a - b}. */
    SUBTRACT('-', 1),
    /** {@code a * b}. */
    MULTIPLY('*', 2),
    /** {@code a / b}. */
    DIVIDE('/', 2),
    /** {@code a ^ b}. */
    POWER('^', 4);

    private final char symbol;
    private final int precedence;

    Operator(char symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    /** The source symbol. */
    public char symbol() {
        return symbol;
    }

    /** Binding strength: 1 for {@code + -}, 2 for {@code * /}, 4 for {@code ^} (3 is unary minus). */
    public int precedence() {
        return precedence;
    }

    /**
     * The operator written {@code symbol}.
     *
     * @throws IllegalArgumentException if {@code symbol} is none of {@code + - * / ^}
     */
    public static Operator of(char symbol) {
        for (Operator o : values()) {
            if (o.symbol == symbol) {
                return o;
            }
        }
        throw new IllegalArgumentException("operator: expected one of + - * / ^, got '" + symbol + "'");
    }

    @Override
    public String toString() {
        return String.valueOf(symbol);
    }
}
