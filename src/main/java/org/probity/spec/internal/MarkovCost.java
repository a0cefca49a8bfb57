package org.probity.spec.internal;

import java.util.List;
import org.probity.spec.ast.Expr;

/**
 * An upper estimate of the points an expression evaluates on one markov instance with K states
 * (for {@link Limits#MAX_MARKOV_POINTS}): every E, int, KL and H multiplies its body by K^n for the
 * n variables it binds, a sum by its number of terms (its body's cost taken at both ends of the
 * range, the larger), everything else adds up. Doubles, so that no estimate overflows.
 */
final class MarkovCost extends OperandVisitor<Double> {
    private final Scope s;
    private final int k;

    MarkovCost(Scope s, int k) {
        this.s = s;
        this.k = k;
    }

    static double of(Expr e, Scope s, int k) {
        return e == null ? 0 : e.accept(new MarkovCost(s, k));
    }

    private double of(Expr e) {
        return of(e, s, k);
    }

    private double sum(List<Expr> es) {
        double sum = 0;
        for (Expr e : es) {
            sum += of(e);
        }
        return sum;
    }

    private double points(int variables) {
        return Math.pow(k, variables);
    }

    @Override
    public Double name(Expr.Name e) {
        return s.indices.containsKey(e.name()) ? 1.0 : of(s.lets.get(e.name()));
    }

    @Override
    public Double var(Expr.Var e) {
        return 1.0;
    }

    @Override
    Double leaf(Expr e) {
        return 1.0;
    }

    /** One point for the operation and its operands' points. */
    @Override
    Double operands(Expr e, List<Expr> operands) {
        return 1 + sum(operands);
    }

    /** A chain of n operands is n - 1 operations. */
    @Override
    public Double bin(Expr.Bin e) {
        List<Expr> operands = Chain.of(e).operands();
        return operands.size() - 1 + sum(operands);
    }

    /** A schedule function's argument is a step, evaluated once. */
    @Override
    public Double call(Expr.Call e) {
        return e.function().isSchedule() || e.function().isTime() ? 1.0 : super.call(e);
    }

    @Override
    public Double density(Expr.Density e) {
        double sum = 1;
        for (List<Scope.Slot> side : List.of(s.slots(e.targets()), s.slots(e.given()))) {
            for (Scope.Slot sl : side) {
                sum += 1 + of(sl.pinned());
            }
        }
        return sum;
    }

    @Override
    public Double normal(Expr.Normal e) {
        return 1 + of(e.mean()) + of(e.variance());
    }

    @Override
    public Double expect(Expr.Expect e) {
        return points(s.targets(e.distribution()).size()) * (of(e.distribution()) + of(e.body()));
    }

    @Override
    public Double integral(Expr.Integral e) {
        return points(s.slots(e.variables()).size()) * of(e.body());
    }

    @Override
    public Double sum(Expr.Sum e) {
        int lo = s.index(e.from());
        int hi = s.index(e.to());
        if (hi < lo) {
            return 1.0;
        }
        double body = Math.max(of(e.body(), s.with(e.index(), lo), k), of(e.body(), s.with(e.index(), hi), k));
        return (hi - lo + 1.0) * body;
    }

    @Override
    public Double kl(Expr.Kl e) {
        return points(s.targets(e.first()).size()) * (of(e.first()) + of(e.second()));
    }

    @Override
    public Double entropy(Expr.Entropy e) {
        return points(s.targets(e.first()).size()) * (of(e.first()) + of(e.second()));
    }

    @Override
    public Double net(Expr.Net e) {
        return 1.0;
    }

    @Override
    public Double noiseExpect(Expr.NoiseExpect e) {
        return 1.0;
    }

    @Override
    public Double timeIntegral(Expr.TimeIntegral e) {
        return 1.0;
    }
}
