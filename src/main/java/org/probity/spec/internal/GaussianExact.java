package org.probity.spec.internal;

import java.util.ArrayList;
import java.util.List;
import org.probity.spec.ast.Expr;

/**
 * The closed forms of {@link GaussianEvaluator} under one scope: one method per node; each
 * evaluates its operands in order and stops at the first that has no closed form (whose
 * {@link Closed#none} it returns). A flat sum or product ({@link Chain}) is evaluated iteratively,
 * and the closed form of each of its partial results is cached for the Monte Carlo path.
 */
final class GaussianExact implements Expr.Visitor<Closed> {
    private final GaussianEvaluator ev;
    private final Scope s;
    private final int n;

    GaussianExact(GaussianEvaluator ev, Scope s) {
        this.ev = ev;
        this.s = s;
        this.n = ev.variables();
    }

    private Closed closed(Expr e) {
        return ev.closed(e, s);
    }

    @Override
    public Closed num(Expr.Num e) {
        return Closed.constant(e.value(), n);
    }

    @Override
    public Closed steps(Expr.Steps e) {
        return Closed.constant(s.steps, n);
    }

    @Override
    public Closed name(Expr.Name e) {
        Integer i = s.indices.get(e.name());
        return i != null ? Closed.constant(i, n) : closed(s.lets.get(e.name()));
    }

    @Override
    public Closed var(Expr.Var e) {
        return Closed.poly(Quad.variable(s.index(e.index()), n));
    }

    @Override
    public Closed neg(Expr.Neg e) {
        return closed(e.operand()).negate();
    }

    @Override
    public Closed bin(Expr.Bin b) {
        Chain c = Chain.of(b);
        Closed acc = closed(c.first());
        for (int k = 1; k <= c.size(); k++) {
            Expr.Bin node = c.nodes().get(k - 1);
            Closed r = acc.available() ? closed(c.operand(k)) : acc;
            acc = !r.available() ? r : apply(node, acc, r);
            if (k < c.size()) {
                acc = ev.remember(node, s, acc.from(node));
            }
        }
        return acc;
    }

    /** {@code l op r} for closed forms, with 0 * anything = 0, 0 / x = 0 (x != 0), 0 / 0 undefined. */
    private Closed apply(Expr.Bin b, Closed l, Closed r) {
        return switch (b.op()) {
            case ADD -> l.plus(r);
            case SUBTRACT -> l.plus(r.negate());
            case MULTIPLY -> isZero(l) || isZero(r) ? Closed.constant(0, n) : l.times(r);
            case DIVIDE -> isZero(l) ? Closed.constant(isZero(r) ? Double.NaN : 0, n) : l.dividedBy(r);
            case POWER -> r.isConstant() ? l.power(r.constantValue()) : Closed.none("a variable exponent", n);
        };
    }

    private static boolean isZero(Closed c) {
        return c.isConstant() && c.constantValue() == 0;
    }

    @Override
    public Closed call(Expr.Call c) {
        if (c.function().isSchedule()) {
            return Closed.constant(ev.instance().schedule(c.function(), s.index(c.argument())), n);
        }
        Closed a = closed(c.argument());
        return switch (c.function()) {
            case LOG -> a.log();
            case EXP -> a.exp();
            case SQRT, ABS -> !a.available() ? a : a.isConstant()
                ? Closed.constant(Scalar.apply(c.function(), a.constantValue()), n)
                : Closed.none(c.function() + " of a variable", n);
            case BETA, ALPHA, ABAR, SNR -> throw new IllegalStateException("schedule functions handled above");
        };
    }

    @Override
    public Closed density(Expr.Density e) {
        return ev.density(e, s);
    }

    @Override
    public Closed normal(Expr.Normal e) {
        return ev.density(e, s);
    }

    @Override
    public Closed expect(Expr.Expect x) {
        Closed body = closed(x.body());
        if (!body.available()) {
            return body;
        }
        return body.times(ev.density(x.distribution(), s)).integrate(s.targets(x.distribution()), ev.condition, ev.budget());
    }

    @Override
    public Closed integral(Expr.Integral in) {
        List<Integer> vars = new ArrayList<>();
        for (Scope.Slot sl : s.slots(in.variables())) {
            vars.add(sl.index());
        }
        return closed(in.body()).integrate(vars, ev.condition, ev.budget());
    }

    @Override
    public Closed sum(Expr.Sum sm) {
        int lo = s.index(sm.from());
        int hi = s.index(sm.to());
        Closed acc = Closed.constant(sm.product() ? 1 : 0, n);
        for (int i = lo; i <= hi && acc.available(); i++) {
            ev.budget().check();
            Closed v = ev.closed(sm.body(), s.with(sm.index(), i));
            acc = !v.available() ? v : sm.product() ? acc.times(v) : acc.plus(v);
        }
        return acc;
    }

    @Override
    public Closed kl(Expr.Kl k) {
        Closed d1 = ev.density(k.first(), s);
        if (!d1.available()) {
            return d1;
        }
        Closed integrand = d1.log().plus(ev.density(k.second(), s).log().negate());
        return integrand.times(d1).integrate(s.targets(k.first()), ev.condition, ev.budget());
    }

    @Override
    public Closed entropy(Expr.Entropy h) {
        Closed d1 = ev.density(h.first(), s);
        if (!d1.available()) {
            return d1;
        }
        Closed d2 = h.second() == null ? d1 : ev.density(h.second(), s);
        return d2.log().negate().times(d1).integrate(s.targets(h.first()), ev.condition, ev.budget());
    }
}
