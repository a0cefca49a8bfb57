package org.probity.spec.internal;

import java.util.Map;
import org.probity.spec.ast.Expr;

/**
 * The value of an index expression (SPEC-LANGUAGE.md: "indices are integer expressions in bound
 * index names and T"): whole numbers, {@code T}, index names, {@code + - *} and unary minus.
 * Everything else is not an index; what happens then is the caller's {@link Errors}.
 */
final class IndexValue implements Expr.Visitor<Integer> {
    /** Largest literal accepted in an index. */
    static final double MAX_LITERAL = 1e6;
    /** Largest magnitude of an index expression's value (and of every partial result). */
    static final long MAX_VALUE = 1_000_000_000L;

    /** What to throw for each way an expression is not an index. */
    interface Errors {
        /** A literal that is not a whole number of magnitude at most {@link #MAX_LITERAL}. */
        RuntimeException notWhole(Expr.Num n);

        /** A name that is no index in scope. */
        RuntimeException unbound(Expr.Name n);

        /** Any other node. */
        RuntimeException notIndex(Expr e);
    }

    private final int steps;
    private final Map<String, Integer> indices;
    private final Errors errors;

    IndexValue(int steps, Map<String, Integer> indices, Errors errors) {
        this.steps = steps;
        this.indices = indices;
        this.errors = errors;
    }

    int of(Expr e) {
        return e.accept(this);
    }

    @Override
    public Integer num(Expr.Num e) {
        if (e.value() != Math.rint(e.value()) || Math.abs(e.value()) > MAX_LITERAL) {
            throw errors.notWhole(e);
        }
        return (int) e.value();
    }

    @Override
    public Integer steps(Expr.Steps e) {
        return steps;
    }

    @Override
    public Integer name(Expr.Name e) {
        Integer v = indices.get(e.name());
        if (v == null) {
            throw errors.unbound(e);
        }
        return v;
    }

    @Override
    public Integer neg(Expr.Neg e) {
        return -of(e.operand());
    }

    @Override
    public Integer bin(Expr.Bin e) {
        Chain c = Chain.of(e);
        long acc = of(c.first());
        for (int k = 1; k <= c.size(); k++) {
            Expr.Bin node = c.nodes().get(k - 1);
            long r = of(c.operand(k));
            acc = switch (node.op()) {
                case ADD -> acc + r;
                case SUBTRACT -> acc - r;
                case MULTIPLY -> acc * r;
                case DIVIDE, POWER -> throw errors.notIndex(node);
            };
            if (Math.abs(acc) > MAX_VALUE) {
                throw errors.notIndex(node);
            }
        }
        return (int) acc;
    }

    @Override
    public Integer var(Expr.Var e) {
        throw errors.notIndex(e);
    }

    @Override
    public Integer call(Expr.Call e) {
        throw errors.notIndex(e);
    }

    @Override
    public Integer identity(Expr.Identity e) {
        throw errors.notIndex(e);
    }

    @Override
    public Integer dims(Expr.Dims e) {
        throw errors.notIndex(e);
    }

    @Override
    public Integer density(Expr.Density e) {
        throw errors.notIndex(e);
    }

    @Override
    public Integer normal(Expr.Normal e) {
        throw errors.notIndex(e);
    }

    @Override
    public Integer expect(Expr.Expect e) {
        throw errors.notIndex(e);
    }

    @Override
    public Integer integral(Expr.Integral e) {
        throw errors.notIndex(e);
    }

    @Override
    public Integer sum(Expr.Sum e) {
        throw errors.notIndex(e);
    }

    @Override
    public Integer kl(Expr.Kl e) {
        throw errors.notIndex(e);
    }

    @Override
    public Integer entropy(Expr.Entropy e) {
        throw errors.notIndex(e);
    }

    @Override
    public Integer net(Expr.Net e) {
        throw errors.notIndex(e);
    }

    @Override
    public Integer noise(Expr.Noise e) {
        throw errors.notIndex(e);
    }

    @Override
    public Integer noiseExpect(Expr.NoiseExpect e) {
        throw errors.notIndex(e);
    }

    @Override
    public Integer timeIntegral(Expr.TimeIntegral e) {
        throw errors.notIndex(e);
    }
}
