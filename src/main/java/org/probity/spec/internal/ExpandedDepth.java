package org.probity.spec.internal;

import java.util.List;
import java.util.Map;
import org.probity.spec.ast.Expr;

/**
 * How deep the evaluators recurse on an expression once its lets are expanded: one level per node,
 * a flat sum or product ({@link Chain}) one level over its deepest operand, a let name the depth of
 * its body (from {@code letDepths}, computed when the let was defined). Bounded by
 * {@link Limits#MAX_EXPANDED_DEPTH}; the walk itself recurses only on nesting, which the parser bounds.
 */
final class ExpandedDepth extends OperandVisitor<Integer> {
    private final Map<String, Integer> letDepths;

    private ExpandedDepth(Map<String, Integer> letDepths) {
        this.letDepths = letDepths;
    }

    /** The expanded depth of {@code e} (0 for null). */
    static int of(Expr e, Map<String, Integer> letDepths) {
        return e == null ? 0 : e.accept(new ExpandedDepth(letDepths));
    }

    private int of(Expr... es) {
        int d = 0;
        for (Expr e : es) {
            d = Math.max(d, of(e, letDepths));
        }
        return 1 + d;
    }

    @Override
    Integer leaf(Expr e) {
        return 1;
    }

    @Override
    Integer operands(Expr e, List<Expr> operands) {
        return of(operands.toArray(new Expr[0]));
    }

    @Override
    public Integer name(Expr.Name e) {
        return 1 + letDepths.getOrDefault(e.name(), 0);
    }

    @Override
    public Integer var(Expr.Var e) {
        return of(e.index());
    }

    @Override
    public Integer density(Expr.Density e) {
        return of(Walk.children(e).toArray(new Expr[0]));
    }

    @Override
    public Integer normal(Expr.Normal e) {
        return of(Walk.children(e).toArray(new Expr[0]));
    }

    @Override
    public Integer expect(Expr.Expect e) {
        return of(e.distribution(), e.body());
    }

    @Override
    public Integer integral(Expr.Integral e) {
        return of(Walk.children(e).toArray(new Expr[0]));
    }

    @Override
    public Integer sum(Expr.Sum e) {
        return of(e.from(), e.to(), e.body());
    }

    @Override
    public Integer kl(Expr.Kl e) {
        return of(e.first(), e.second());
    }

    @Override
    public Integer entropy(Expr.Entropy e) {
        return of(e.first(), e.second());
    }

    @Override
    public Integer net(Expr.Net e) {
        int d = of(e.step());
        for (Expr a : e.inputs()) {
            d = Math.max(d, of(a));
        }
        return d;
    }

    @Override
    public Integer noiseExpect(Expr.NoiseExpect e) {
        int d = of(e.body());
        for (Expr v : e.values()) {
            d = Math.max(d, of(v));
        }
        return d;
    }

    @Override
    public Integer timeIntegral(Expr.TimeIntegral e) {
        return of(e.from(), e.to(), e.body());
    }
}
