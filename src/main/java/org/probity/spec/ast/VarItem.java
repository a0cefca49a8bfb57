package org.probity.spec.ast;

/**
 * One entry of a variable list: {@code x_i} ({@code to == null}), {@code x_{a:b}} (a range), or
 * {@code x_i = v} (a variable pinned to a state or value; {@code pinned != null}, never a range).
 */
public record VarItem(Expr from, Expr to, Expr pinned) {
    /** A single variable {@code x_index}. */
    public static VarItem of(Expr index) {
        return new VarItem(index, null, null);
    }

    /** Whether this item is a range {@code x_{from:to}}. */
    public boolean isRange() {
        return to != null;
    }
}
