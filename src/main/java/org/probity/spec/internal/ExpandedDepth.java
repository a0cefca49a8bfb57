package org.probity.spec.internal;

import java.util.Map;
import org.probity.spec.ast.Expr;

/**
 * How deep the evaluators recurse on an expression once its lets are expanded: one level per node,
 * a flat sum or product ({@link Chain}) one level over its deepest operand, a let name the depth of
 * its body (from {@code letDepths}, computed when the let was defined). Bounded by
 * {@link Limits#MAX_EXPANDED_DEPTH}; the walk itself recurses only on nesting, which the parser bounds.
 */
final class ExpandedDepth implements Expr.Visitor<Integer> {
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
    public Integer num(Expr.Num e) {
        return 1;
    }

    @Override
    public Integer steps(Expr.Steps e) {
        return 1;
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
    public Integer neg(Expr.Neg e) {
        return of(e.operand());
    }

    @Override
    public Integer bin(Expr.Bin e) {
        Chain c = Chain.of(e);
        int d = of(c.first());
        for (int k = 1; k <= c.size(); k++) {
            d = Math.max(d, of(c.operand(k)));
        }
        return d;
    }

    @Override
    public Integer call(Expr.Call e) {
        return of(e.arguments().toArray(new Expr[0]));
    }

    @Override
    public Integer identity(Expr.Identity e) {
        return 1;
    }

    @Override
    public Integer dims(Expr.Dims e) {
        return 1;
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
    public Integer noise(Expr.Noise e) {
        return 1;
    }

    @Override
    public Integer noiseExpect(Expr.NoiseExpect e) {
        int d = of(e.body());
        for (Expr v : e.values()) {
            d = Math.max(d, of(v));
        }
        return d;
    }
}
