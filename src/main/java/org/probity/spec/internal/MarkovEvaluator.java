package org.probity.spec.internal;

import java.util.ArrayList;
import java.util.List;
import org.probity.math.LogSpace;
import org.probity.math.NeumaierSum;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Function;
import org.probity.spec.ast.Operator;

/**
 * Exact evaluation on a {@code markov} instance: expectations, KL, entropies and {@code int} by
 * enumeration of the variables they bind (at most K^(T+1) points), every density from the joint
 * table. Conventions of SPEC-LANGUAGE.md ({@link Scalar}): {@code 0 * anything = 0} and
 * {@code 0 / x = 0} for x ≠ 0 (so 0·log 0 = 0), 0/0 undefined; inside E, int and sum a point where a
 * factor of the integrand (or the expectation's density) is 0 contributes 0, even where the
 * integrand is 0/0.
 *
 * <p>Alongside the value it records {@link #magnitude()}: the largest sum of absolute values of the
 * terms of any sum it formed, from which the tolerance of {@code ==} is derived.
 */
final class MarkovEvaluator {
    private final MarkovInstance m;
    private final Budget budget;
    private double magnitude;

    MarkovEvaluator(MarkovInstance m, Budget budget) {
        this.m = m;
        this.budget = budget;
    }

    double magnitude() {
        return magnitude;
    }

    private void note(double absSum) {
        if (absSum > magnitude && absSum < Double.POSITIVE_INFINITY) {
            magnitude = absSum;
        }
    }

    /** The value of {@code e} with index names from {@code s} and the states {@code x} of the free variables. */
    double eval(Expr e, Scope s, int[] x) {
        return e.accept(new At(s, x));
    }

    /** Evaluation at one scope and one assignment of states. */
    private final class At implements Expr.Visitor<Double> {
        private final Scope s;
        private final int[] x;

        At(Scope s, int[] x) {
            this.s = s;
            this.x = x;
        }

        private double eval(Expr e) {
            return e.accept(this);
        }

        @Override
        public Double num(Expr.Num e) {
            return e.value();
        }

        @Override
        public Double steps(Expr.Steps e) {
            return (double) s.steps;
        }

        @Override
        public Double name(Expr.Name e) {
            Integer i = s.indices.get(e.name());
            return i != null ? i : eval(s.lets.get(e.name()));
        }

        @Override
        public Double var(Expr.Var e) {
            return (double) x[s.index(e.index())];
        }

        @Override
        public Double neg(Expr.Neg e) {
            return -eval(e.operand());
        }

        @Override
        public Double bin(Expr.Bin e) {
            Chain c = Chain.of(e);
            double acc = eval(c.first());
            for (int k = 1; k <= c.size(); k++) {
                acc = binary(c.op(k), acc, eval(c.operand(k)));
            }
            return acc;
        }

        @Override
        public Double call(Expr.Call e) {
            return switch (e.function().kind()) {
                case ELEMENTWISE -> {
                    double a = eval(e.argument());
                    note(Math.abs(a));
                    if (e.function() == Function.LOG) {
                        // A relative error d in the argument is an absolute error d in its log, whatever its size.
                        note(1);
                    }
                    yield Scalar.apply(e.function(), a);
                }
                case TIME -> throw new IllegalStateException("time functions on markov: Semantics admits them only in "
                    + "vdm models");
                case SCHEDULE -> throw new IllegalStateException("schedule functions on markov: Semantics admits them "
                    + "only in gaussian-only models");
                case REDUCTION -> reduce(e);
                case DIAGONAL -> eval(e.argument());
                case STATIONARY -> m.stationary((int) eval(e.argument()));
            };
        }

        /** sumdims, dot, norm2, tr, det over the components 0..d-1 (d = 1 on markov). */
        private double reduce(Expr.Call e) {
            double acc = e.function() == Function.DET ? 1 : 0;
            for (int i = 0; i < s.dims; i++) {
                At c = new At(s.atComponent(i), x);
                double a = c.eval(e.argument());
                double term = switch (e.function()) {
                    case DOT -> binary(Operator.MULTIPLY, a, c.eval(e.arguments().get(1)));
                    case NORM2 -> binary(Operator.MULTIPLY, a, a);
                    default -> a;
                };
                acc = e.function() == Function.DET ? binary(Operator.MULTIPLY, acc, term)
                    : binary(Operator.ADD, acc, term);
            }
            return acc;
        }

        @Override
        public Double identity(Expr.Identity e) {
            return 1.0;
        }

        @Override
        public Double dims(Expr.Dims e) {
            return (double) s.dims;
        }

        @Override
        public Double density(Expr.Density d) {
            return MarkovEvaluator.this.density(d, s, x);
        }

        @Override
        public Double normal(Expr.Normal e) {
            throw new IllegalStateException("N(...) on markov: Semantics admits it only in gaussian-only models");
        }

        @Override
        public Double expect(Expr.Expect ex) {
            Expr.Density d = markovDensity(ex.distribution());
            return enumerate(s.targets(d), x, pt -> {
                double w = MarkovEvaluator.this.density(d, s, pt);
                if (w == 0) {
                    return 0;
                }
                return binary(Operator.MULTIPLY, w, term(ex.body(), s, pt));
            });
        }

        @Override
        public Double integral(Expr.Integral in) {
            List<Integer> vars = new ArrayList<>();
            for (Scope.Slot sl : s.slots(in.variables())) {
                vars.add(sl.index());
            }
            return enumerate(vars, x, pt -> term(in.body(), s, pt));
        }

        @Override
        public Double sum(Expr.Sum sm) {
            int lo = s.index(sm.from());
            int hi = s.index(sm.to());
            if (sm.product()) {
                double prod = 1;
                for (int i = lo; i <= hi; i++) {
                    prod = binary(Operator.MULTIPLY, prod, MarkovEvaluator.this.eval(sm.body(), s.with(sm.index(), i), x));
                }
                return prod;
            }
            NeumaierSum acc = NeumaierSum.create();
            double abs = 0;
            for (int i = lo; i <= hi; i++) {
                budget.check();
                double v = term(sm.body(), s.with(sm.index(), i), x);
                acc.add(v);
                abs += Math.abs(v);
            }
            note(abs);
            return acc.sum();
        }

        @Override
        public Double kl(Expr.Kl k) {
            Expr.Density d1 = markovDensity(k.first());
            Expr.Density d2 = markovDensity(k.second());
            double[] scale = {0};
            double kl = enumerate(s.targets(d1), x, pt -> {
                double a = MarkovEvaluator.this.density(d1, s, pt);
                double b = MarkovEvaluator.this.density(d2, s, pt);
                scale[0] += sensitivity(a, b, 2);
                return LogSpace.klTerm(a, b);
            });
            note(scale[0]);
            return kl;
        }

        @Override
        public Double entropy(Expr.Entropy h) {
            Expr.Density d1 = markovDensity(h.first());
            Expr.Density d2 = markovDensity(h.second() == null ? h.first() : h.second());
            double[] scale = {0};
            double entropy = enumerate(s.targets(d1), x, pt -> {
                double a = MarkovEvaluator.this.density(d1, s, pt);
                double b = MarkovEvaluator.this.density(d2, s, pt);
                scale[0] += sensitivity(a, b, 1);
                return a == 0 ? 0 : -LogSpace.xlogy(a, b);
            });
            note(scale[0]);
            return entropy;
        }

        @Override
        public Double net(Expr.Net e) {
            throw new IllegalStateException("networks on markov: Semantics admits them only in gaussian-only models");
        }

        @Override
        public Double noise(Expr.Noise e) {
            throw new IllegalStateException("noise on markov: Semantics admits it only in gaussian-only models");
        }

        @Override
        public Double noiseExpect(Expr.NoiseExpect e) {
            throw new IllegalStateException("noise on markov: Semantics admits it only in gaussian-only models");
        }

        @Override
        public Double timeIntegral(Expr.TimeIntegral e) {
            throw new IllegalStateException("int_{t=a}^{b} on markov: Semantics admits it only in vdm models");
        }
    }

    /**
     * A term of E, int or sum: the integrand's value, or 0 where it is undefined but one of its
     * factors is 0 (SPEC-LANGUAGE.md: such a point contributes 0).
     */
    private double term(Expr body, Scope s, int[] x) {
        double v = eval(body, s, x);
        return Double.isNaN(v) && zeroFactor(body, s, x) ? 0 : v;
    }

    /** Whether a factor of the product (numerators and denominators, through minus signs and lets) is 0 at x. */
    private boolean zeroFactor(Expr e, Scope s, int[] x) {
        if (e instanceof Expr.Bin b && (b.op() == Operator.MULTIPLY || b.op() == Operator.DIVIDE)) {
            Chain c = Chain.of(b);
            for (int k = 1; k <= c.size(); k++) {
                if (zeroFactor(c.operand(k), s, x)) {
                    return true;
                }
            }
            return zeroFactor(c.first(), s, x);
        }
        if (e instanceof Expr.Neg n) {
            return zeroFactor(n.operand(), s, x);
        }
        if (e instanceof Expr.Name n && !s.indices.containsKey(n.name())) {
            return zeroFactor(s.lets.get(n.name()), s, x);
        }
        return eval(e, s, x) == 0;
    }

    /** The distributions of a markov model are its densities; N(...) is gaussian-only ({@link Semantics}). */
    private static Expr.Density markovDensity(Expr.Distribution d) {
        return d.match(new Expr.DistributionVisitor<>() {
            @Override
            public Expr.Density density(Expr.Density density) {
                return density;
            }

            @Override
            public Expr.Density normal(Expr.Normal n) {
                throw new IllegalStateException("N(...) on markov: Semantics admits it only in gaussian-only models");
            }
        });
    }

    /**
     * How much a term {@code a log(a / b)} (KL, {@code k = 2}) or {@code -a log b} (entropy and
     * cross-entropy, {@code k = 1}) moves per unit relative error in {@code a} and {@code b}:
     * {@code a (k + |log(a / b)|)}, resp. {@code a (k + |log b|)}. The densities come from sums
     * over the joint table, so they carry relative errors of a few u even when the KL they feed is 0.
     */
    private static double sensitivity(double a, double b, int k) {
        if (!(a > 0 && b > 0)) {
            return 0;
        }
        double s = a * (k + Math.abs(k == 2 ? Math.log(a / b) : Math.log(b)));
        return Double.isFinite(s) ? s : 0;
    }

    private interface PointFunction {
        double at(int[] x);
    }

    /** Sums f over every assignment of {@code vars} (other entries of x kept), skipping exact zeros. */
    private double enumerate(List<Integer> vars, int[] x, PointFunction f) {
        int[] pt = x.clone();
        long count = Limits.power(m.states(), vars.size());
        NeumaierSum acc = NeumaierSum.create();
        double abs = 0;
        for (long c = 0; c < count; c++) {
            budget.check();
            long r = c;
            for (int v : vars) {
                pt[v] = (int) (r % m.states());
                r /= m.states();
            }
            double val = f.at(pt);
            if (val != 0) {
                acc.add(val);
                abs += Math.abs(val);
            }
        }
        note(abs);
        return acc.sum();
    }

    private double density(Expr.Density d, Scope s, int[] x) {
        List<Scope.Slot> targets = s.slots(d.targets());
        List<Scope.Slot> given = s.slots(d.given());
        int[] pt = x;
        boolean copied = false;
        for (List<Scope.Slot> side : List.of(targets, given)) {
            for (Scope.Slot sl : side) {
                if (sl.pinned() != null) {
                    double v = eval(sl.pinned(), s, x);
                    if (!(v == Math.rint(v) && v >= 0 && v < m.states())) {
                        return side == targets ? 0 : Double.NaN;
                    }
                    if (!copied) {
                        pt = x.clone();
                        copied = true;
                    }
                    pt[sl.index()] = (int) v;
                }
            }
        }
        return m.density(d.generative(), Scope.variables(targets), Scope.variables(given), pt);
    }

    /** {@code l op r} under the language's conventions, noting the magnitude of sums and differences. */
    double binary(Operator op, double l, double r) {
        if (op == Operator.ADD || op == Operator.SUBTRACT) {
            note(Math.abs(l) + Math.abs(r));
        }
        return Scalar.apply(op, l, r);
    }

}
