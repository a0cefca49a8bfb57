package org.probity.spec.internal;

import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Operator;
import org.probity.spec.internal.GaussianEvaluator.Estimate;

/**
 * Estimates of the nodes that have no closed form ({@link GaussianEvaluator#estimate}): linear
 * combinations of estimates, functions of exact values, and expectations by Monte Carlo; anything
 * else has no estimate, for the reason the closed form gave. A flat sum is combined iteratively,
 * starting from its largest leading part that has a closed form.
 */
final class GaussianEstimator implements Expr.Visitor<Estimate> {
    private final GaussianEvaluator ev;
    private final Scope s;
    private final double[] x;
    private final MonteCarlo mc;
    private final Closed known;
    private final String why;

    GaussianEstimator(GaussianEvaluator ev, Scope s, double[] x, MonteCarlo mc, Closed known) {
        this.ev = ev;
        this.s = s;
        this.x = x;
        this.mc = mc;
        this.known = known;
        this.why = known.whyNot();
    }

    private Estimate none() {
        return Estimate.none(why, known.origin());
    }

    private Estimate sub(Expr e) {
        return ev.estimate(e, s, x, mc);
    }

    @Override
    public Estimate num(Expr.Num e) {
        return none();
    }

    @Override
    public Estimate steps(Expr.Steps e) {
        return none();
    }

    @Override
    public Estimate name(Expr.Name e) {
        return s.indices.containsKey(e.name()) || s.times.containsKey(e.name()) ? none() : sub(s.lets.get(e.name()));
    }

    @Override
    public Estimate var(Expr.Var e) {
        return none();
    }

    @Override
    public Estimate neg(Expr.Neg e) {
        Estimate a = sub(e.operand());
        return a.available() ? Estimate.of(-a.mean(), a.variance(), a.samples()) : a;
    }

    @Override
    public Estimate bin(Expr.Bin b) {
        Chain c = Chain.of(b);
        // the partial results that have a closed form are a leading part of the chain (none propagates)
        int exact = 0;
        while (exact < c.size() - 1 && ev.closed(c.nodes().get(exact), s).available()) {
            exact++;
        }
        Estimate acc = exact > 0 ? Estimate.exact(ev.closed(c.nodes().get(exact - 1), s).at(x)) : sub(c.first());
        for (int k = exact + 1; k <= c.size() && acc.available(); k++) {
            Estimate r = sub(c.operand(k));
            acc = r.available() ? combine(c.nodes().get(k - 1), acc, r) : r;
        }
        return acc;
    }

    private Estimate combine(Expr.Bin b, Estimate l, Estimate r) {
        long k = l.samples() + r.samples();
        if (b.op() == Operator.ADD || b.op() == Operator.SUBTRACT) {
            return Estimate.of(b.op() == Operator.ADD ? l.mean() + r.mean() : l.mean() - r.mean(),
                l.variance() + r.variance(), k);
        }
        if (l.variance() == 0 && r.variance() == 0) {
            return Estimate.of(Scalar.apply(b.op(), l.mean(), r.mean()), 0, k);
        }
        if (b.op() == Operator.MULTIPLY && r.variance() == 0) {
            return Estimate.of(l.mean() * r.mean(), l.variance() * r.mean() * r.mean(), k);
        }
        if (b.op() == Operator.MULTIPLY && l.variance() == 0) {
            return Estimate.of(l.mean() * r.mean(), r.variance() * l.mean() * l.mean(), k);
        }
        if (b.op() == Operator.DIVIDE && r.variance() == 0) {
            return Estimate.of(l.mean() / r.mean(), l.variance() / (r.mean() * r.mean()), k);
        }
        return Estimate.none("a Monte Carlo estimate used non-linearly (" + why + ")", b);
    }

    @Override
    public Estimate call(Expr.Call c) {
        return switch (c.function().kind()) {
            case SCHEDULE, TIME -> none();
            case STATIONARY -> throw new IllegalStateException("pi(x) on gaussian: Semantics admits it only in "
                + "markov stationary models");
            case DIAGONAL -> sub(c.argument());
            case ELEMENTWISE -> {
                Estimate a = sub(c.argument());
                if (!a.available()) {
                    yield a;
                }
                if (a.variance() != 0) {
                    yield Estimate.none("a Monte Carlo estimate inside " + c.function() + "(...)", c);
                }
                yield Estimate.of(Scalar.apply(c.function(), a.mean()), 0, a.samples());
            }
            case REDUCTION -> reduce(c);
        };
    }

    /** sumdims and tr are linear in their components; dot, norm2 and det need exact components. */
    private Estimate reduce(Expr.Call c) {
        boolean product = c.function() == org.probity.spec.ast.Function.DET;
        double mean = product ? 1 : 0;
        double variance = 0;
        long samples = 0;
        for (int i = 0; i < s.dims; i++) {
            Scope at = s.atComponent(i);
            Estimate a = ev.estimate(c.argument(), at, x, mc);
            if (!a.available()) {
                return a;
            }
            Estimate b = c.function() == org.probity.spec.ast.Function.DOT
                ? ev.estimate(c.arguments().get(1), at, x, mc) : a;
            if (!b.available()) {
                return b;
            }
            boolean linear = c.function() == org.probity.spec.ast.Function.SUMDIMS
                || c.function() == org.probity.spec.ast.Function.TR;
            if (!linear && (a.variance() != 0 || b.variance() != 0)) {
                return Estimate.none("a Monte Carlo estimate inside " + c.function() + "(...)", c);
            }
            double term = switch (c.function()) {
                case DOT -> a.mean() * b.mean();
                case NORM2 -> a.mean() * a.mean();
                default -> a.mean();
            };
            mean = product ? mean * term : mean + term;
            variance += linear ? a.variance() : 0;
            samples += a.samples() + (b == a ? 0 : b.samples());
        }
        return Estimate.of(mean, variance, samples);
    }

    @Override
    public Estimate identity(Expr.Identity e) {
        return none();
    }

    @Override
    public Estimate dims(Expr.Dims e) {
        return none();
    }

    @Override
    public Estimate density(Expr.Density e) {
        return none();
    }

    @Override
    public Estimate normal(Expr.Normal e) {
        return none();
    }

    @Override
    public Estimate expect(Expr.Expect ex) {
        return ev.expectation(ex, s, x, mc, known);
    }

    @Override
    public Estimate integral(Expr.Integral e) {
        return none();
    }

    @Override
    public Estimate sum(Expr.Sum sm) {
        if (sm.product()) {
            return none();
        }
        double m = 0;
        double v = 0;
        long k = 0;
        for (int i = s.index(sm.from()); i <= s.index(sm.to()); i++) {
            Estimate t = ev.estimate(sm.body(), s.with(sm.index(), i), x, mc);
            if (!t.available()) {
                return t;
            }
            m += t.mean();
            v += t.variance();
            k += t.samples();
        }
        return Estimate.of(m, v, k);
    }

    @Override
    public Estimate kl(Expr.Kl e) {
        return none();
    }

    @Override
    public Estimate entropy(Expr.Entropy e) {
        return none();
    }

    /** A network of inputs that have exact values at this point (no closed form: a non-affine input). */
    @Override
    public Estimate net(Expr.Net e) {
        int key = e.step() == null ? 0 : s.index(e.step());
        double[] v = new double[e.inputs().size() * s.dims];
        long samples = 0;
        int j = 0;
        for (Expr input : e.inputs()) {
            for (int m = 0; m < s.dims; m++, j++) {
                Estimate a = ev.estimate(input, s.atComponent(m), x, mc);
                if (!a.available()) {
                    return a;
                }
                if (a.variance() != 0) {
                    return Estimate.none("a Monte Carlo estimate as the input of a network", e);
                }
                v[j] = a.mean();
                samples += a.samples();
            }
        }
        return Estimate.of(ev.instance().networks().unit(e.name(), key, s.component).at(v), 0, samples);
    }

    @Override
    public Estimate noise(Expr.Noise e) {
        return none();
    }

    @Override
    public Estimate timeIntegral(Expr.TimeIntegral e) {
        // a time integral is summed from closed forms at its nodes; an integrand without one is not estimated
        return none();
    }

    @Override
    public Estimate noiseExpect(Expr.NoiseExpect e) {
        return ev.noiseExpectation(e, s, x, mc, known);
    }
}
