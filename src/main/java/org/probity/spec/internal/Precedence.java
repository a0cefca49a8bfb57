package org.probity.spec.internal;

import org.probity.spec.ast.Expr;

/**
 * Binding strength of a node, for printing with the fewest parentheses: an operator's
 * ({@link org.probity.spec.ast.Operator#precedence()}), unary minus' ({@link #UNARY}), or that of a
 * primary ({@link #PRIMARY}: numbers, names, variables, calls and every bracketed form).
 */
final class Precedence implements Expr.Visitor<Integer> {
    static final int UNARY = 3;
    static final int PRIMARY = 5;
    private static final Precedence INSTANCE = new Precedence();

    private Precedence() {
    }

    /** The binding strength of {@code e}. */
    static int of(Expr e) {
        return e.accept(INSTANCE);
    }

    @Override
    public Integer num(Expr.Num e) {
        return PRIMARY;
    }

    @Override
    public Integer steps(Expr.Steps e) {
        return PRIMARY;
    }

    @Override
    public Integer name(Expr.Name e) {
        return PRIMARY;
    }

    @Override
    public Integer var(Expr.Var e) {
        return PRIMARY;
    }

    @Override
    public Integer neg(Expr.Neg e) {
        return UNARY;
    }

    @Override
    public Integer bin(Expr.Bin e) {
        return e.op().precedence();
    }

    @Override
    public Integer call(Expr.Call e) {
        return PRIMARY;
    }

    @Override
    public Integer identity(Expr.Identity e) {
        return PRIMARY;
    }

    @Override
    public Integer dims(Expr.Dims e) {
        return PRIMARY;
    }

    @Override
    public Integer density(Expr.Density e) {
        return PRIMARY;
    }

    @Override
    public Integer normal(Expr.Normal e) {
        return PRIMARY;
    }

    @Override
    public Integer expect(Expr.Expect e) {
        return PRIMARY;
    }

    @Override
    public Integer integral(Expr.Integral e) {
        return PRIMARY;
    }

    @Override
    public Integer sum(Expr.Sum e) {
        return PRIMARY;
    }

    @Override
    public Integer kl(Expr.Kl e) {
        return PRIMARY;
    }

    @Override
    public Integer entropy(Expr.Entropy e) {
        return PRIMARY;
    }

    @Override
    public Integer net(Expr.Net e) {
        return PRIMARY;
    }

    @Override
    public Integer noise(Expr.Noise e) {
        return PRIMARY;
    }

    @Override
    public Integer noiseExpect(Expr.NoiseExpect e) {
        return PRIMARY;
    }

    @Override
    public Integer timeIntegral(Expr.TimeIntegral e) {
        return PRIMARY;
    }
}
