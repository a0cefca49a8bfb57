package org.probity.spec.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Operator;

/**
 * Evaluation on a {@code gaussian} instance. {@link #closed} gives the exact value as a function of
 * the free variables ({@link Closed}): densities and conditionals (from the chain factors,
 * {@link GaussianChain}), KL and entropies,
 * expectations and integrals of polynomials of degree <= 2 times exp-quadratics. What has no closed
 * form is {@link Closed#none}, with the reason; {@link #estimate} then estimates expectations by
 * Monte Carlo (sampling the expectation's Gaussian exactly), with the sample size fixed in advance.
 */
final class GaussianEvaluator {
    private final GaussianInstance g;
    private final int n;
    /** Per node and index values: its closed form or why it has none (Monte Carlo evaluates nodes many times). */
    private final Map<Expr, Map<Map<String, Integer>, Closed>> closedCache = new IdentityHashMap<>();
    final double[] condition = {1};
    private double scale;

    GaussianEvaluator(GaussianInstance g) {
        this.g = g;
        this.n = g.n();
    }

    /**
     * The largest coefficient magnitude \( |c| + \sum |b_i| + \sum |M_{ij}| \) of any quadratic
     * formed while evaluating (cancellations between such terms are where rounding error comes from).
     */
    double coefficientScale() {
        return scale;
    }

    /** The exact value of {@code e} as a function of the free variables, or {@link Closed#none} with the reason. */
    Closed closed(Expr e, Scope s) {
        Closed r = e.accept(new Exact(s)).from(e);
        for (Closed.Term t : r.terms) {
            scale = Math.max(scale, Math.max(coefficients(t.poly()), coefficients(t.expo())));
        }
        return r;
    }

    private static double coefficients(Quad q) {
        double m = Math.abs(q.c);
        for (int i = 0; i < q.n(); i++) {
            m += Math.abs(q.b[i]);
            for (int j = 0; j < q.n(); j++) {
                m += Math.abs(q.m[i][j]);
            }
        }
        return Double.isFinite(m) ? m : 0;
    }

    /** Closed forms under one scope; each method evaluates its operands in order and stops at the first none. */
    private final class Exact implements Expr.Visitor<Closed> {
        private final Scope s;

        Exact(Scope s) {
            this.s = s;
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
            return i != null ? Closed.constant(i, n) : closed(s.lets.get(e.name()), s);
        }

        @Override
        public Closed var(Expr.Var e) {
            return Closed.poly(Quad.variable(s.index(e.index()), n));
        }

        @Override
        public Closed neg(Expr.Neg e) {
            return closed(e.operand(), s).negate();
        }

        @Override
        public Closed bin(Expr.Bin b) {
            Closed l = closed(b.left(), s);
            if (!l.available()) {
                return l;
            }
            Closed r = closed(b.right(), s);
            if (!r.available()) {
                return r;
            }
            return switch (b.op()) {
                case ADD -> l.plus(r);
                case SUBTRACT -> l.plus(r.negate());
                case MULTIPLY -> isZero(l) || isZero(r) ? Closed.constant(0, n) : l.times(r);
                case DIVIDE -> isZero(l) ? Closed.constant(isZero(r) ? Double.NaN : 0, n) : l.dividedBy(r);
                case POWER -> r.isConstant() ? l.power(r.constantValue()) : Closed.none("a variable exponent", n);
            };
        }

        @Override
        public Closed call(Expr.Call c) {
            if (c.function().isSchedule()) {
                return Closed.constant(g.schedule(c.function(), s.index(c.argument())), n);
            }
            Closed a = closed(c.argument(), s);
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
            return GaussianEvaluator.this.density(e, s);
        }

        @Override
        public Closed normal(Expr.Normal e) {
            return GaussianEvaluator.this.density(e, s);
        }

        @Override
        public Closed expect(Expr.Expect x) {
            Closed body = closed(x.body(), s);
            if (!body.available()) {
                return body;
            }
            return body.times(GaussianEvaluator.this.density(x.distribution(), s)).integrate(s.targets(x.distribution()), condition);
        }

        @Override
        public Closed integral(Expr.Integral in) {
            List<Integer> vars = new ArrayList<>();
            for (Scope.Slot sl : s.slots(in.variables())) {
                vars.add(sl.index());
            }
            return closed(in.body(), s).integrate(vars, condition);
        }

        @Override
        public Closed sum(Expr.Sum sm) {
            int lo = s.index(sm.from());
            int hi = s.index(sm.to());
            Closed acc = Closed.constant(sm.product() ? 1 : 0, n);
            for (int i = lo; i <= hi && acc.available(); i++) {
                Closed v = closed(sm.body(), s.with(sm.index(), i));
                acc = !v.available() ? v : sm.product() ? acc.times(v) : acc.plus(v);
            }
            return acc;
        }

        @Override
        public Closed kl(Expr.Kl k) {
            Closed d1 = GaussianEvaluator.this.density(k.first(), s);
            if (!d1.available()) {
                return d1;
            }
            Closed integrand = d1.log().plus(GaussianEvaluator.this.density(k.second(), s).log().negate());
            return integrand.times(d1).integrate(s.targets(k.first()), condition);
        }

        @Override
        public Closed entropy(Expr.Entropy h) {
            Closed d1 = GaussianEvaluator.this.density(h.first(), s);
            if (!d1.available()) {
                return d1;
            }
            Closed d2 = h.second() == null ? d1 : GaussianEvaluator.this.density(h.second(), s);
            return d2.log().negate().times(d1).integrate(s.targets(h.first()), condition);
        }
    }

    private static boolean isZero(Closed c) {
        return c.isConstant() && c.constantValue() == 0;
    }

    /** A density as a single exp-quadratic term, or none with the reason. */
    Closed density(Expr.Distribution dist, Scope s) {
        return dist.match(new Expr.DistributionVisitor<Closed>() {
            @Override
            public Closed density(Expr.Density d) {
                return modelDensity(d, s);
            }

            @Override
            public Closed normal(Expr.Normal nd) {
                return normalDensity(nd, s);
            }
        }).from(dist);
    }

    private Closed normalDensity(Expr.Normal nd, Scope s) {
        int i = s.index(nd.at().from());
        Closed m = closed(nd.mean(), s);
        if (!m.available()) {
            return m;
        }
        Closed v = closed(nd.variance(), s);
        if (!v.available()) {
            return v;
        }
        if (!v.isConstant() || m.terms.size() > 1
            || (!m.terms.isEmpty() && (m.terms.get(0).poly().degree() > 1 || m.terms.get(0).expo().degree() > 0
                || m.terms.get(0).expo().c != 0))) {
            return Closed.none("N(x; m, v) with m not affine or v not constant", n);
        }
        double var = v.constantValue();
        if (!(var > 0)) {
            // a variance <= 0 (or NaN) leaves the density undefined at every point
            return Closed.constant(Double.NaN, n);
        }
        Quad mean = m.terms.isEmpty() ? Quad.constant(0, n) : m.terms.get(0).poly();
        Quad r = Quad.variable(i, n).plus(mean.scale(-1));
        Quad q = r.times(r).scale(-0.5 / var).plus(Quad.constant(-0.5 * Math.log(2 * Math.PI * var), n));
        return Closed.expQuad(q);
    }

    private Closed modelDensity(Expr.Density d, Scope s) {
        List<Scope.Slot> targets = s.slots(d.targets());
        List<Scope.Slot> given = s.slots(d.given());
        if (targets.isEmpty()) {
            return Closed.constant(1, n);
        }
        Quad q = g.logDensity(d.generative(), Scope.variables(targets), Scope.variables(given));
        scale = Math.max(scale, coefficients(q));
        for (List<Scope.Slot> side : List.of(targets, given)) {
            for (Scope.Slot sl : side) {
                if (sl.pinned() != null) {
                    Closed v = closed(sl.pinned(), s);
                    if (!v.available()) {
                        return v;
                    }
                    if (!v.isConstant()) {
                        return Closed.none("a variable pinned to a non-constant", n);
                    }
                    q = q.fix(sl.index(), v.constantValue());
                }
            }
        }
        return Closed.expQuad(q);
    }

    /**
     * A Monte Carlo or exact value: mean and variance of the mean (0 when exact), and samples drawn;
     * or, when {@code whyNot} is not null, no estimate, with the reason.
     */
    record Estimate(double mean, double variance, long samples, String whyNot, Object origin) {
        static Estimate exact(double v) {
            return new Estimate(v, 0, 0, null, null);
        }

        static Estimate of(double mean, double variance, long samples) {
            return new Estimate(mean, variance, samples, null, null);
        }

        /** No estimate, for the reason {@code why}, at the AST node {@code origin}. */
        static Estimate none(String why, Object origin) {
            return new Estimate(Double.NaN, Double.NaN, 0, why, origin);
        }

        boolean available() {
            return whyNot == null;
        }
    }

    /** The value at point x: exact where {@link #closed} has a closed form, else Monte Carlo over expectations. */
    Estimate estimate(Expr e, Scope s, double[] x, MonteCarlo mc) {
        Closed known = closedCache.computeIfAbsent(e, k -> new HashMap<>())
            .computeIfAbsent(s.indices, k -> closed(e, s));
        if (known.available()) {
            return Estimate.exact(known.at(x));
        }
        return e.accept(new Estimator(s, x, mc, known));
    }

    /**
     * Estimates of the nodes that have no closed form: linear combinations of estimates, functions of
     * exact values, and expectations by Monte Carlo; anything else has no estimate, for the reason
     * the closed form gave ({@code why}).
     */
    private final class Estimator implements Expr.Visitor<Estimate> {
        private final Scope s;
        private final double[] x;
        private final MonteCarlo mc;
        private final Closed known;
        private final String why;

        Estimator(Scope s, double[] x, MonteCarlo mc, Closed known) {
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
            return estimate(e, s, x, mc);
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
            return s.indices.containsKey(e.name()) ? none() : sub(s.lets.get(e.name()));
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
            Estimate l = sub(b.left());
            if (!l.available()) {
                return l;
            }
            Estimate r = sub(b.right());
            if (!r.available()) {
                return r;
            }
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
            if (c.function().isSchedule()) {
                return none();
            }
            Estimate a = sub(c.argument());
            if (!a.available()) {
                return a;
            }
            if (a.variance() != 0) {
                return Estimate.none("a Monte Carlo estimate inside " + c.function() + "(...)", c);
            }
            return Estimate.of(Scalar.apply(c.function(), a.mean()), 0, a.samples());
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
            return expectation(ex, s, x, mc, known);
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
                Estimate t = estimate(sm.body(), s.with(sm.index(), i), x, mc);
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
    }

    private Estimate expectation(Expr.Expect ex, Scope s, double[] x, MonteCarlo mc, Closed known) {
        List<Integer> a = s.targets(ex.distribution());
        Closed dist = density(ex.distribution(), s);
        if (!dist.available()) {
            return Estimate.none(dist.whyNot(), dist.origin());
        }
        Quad q = dist.terms.get(0).expo();
        for (int i = 0; i < n; i++) {
            if (!a.contains(i)) {
                q = q.fix(i, x[i]);
            }
        }
        int k = a.size();
        double[][] lam = new double[k][k];
        double[] eta = new double[k];
        for (int i = 0; i < k; i++) {
            eta[i] = q.b[a.get(i)];
            for (int j = 0; j < k; j++) {
                lam[i][j] = -2 * q.m[a.get(i)][a.get(j)];
            }
        }
        RealMatrix cov = new CholeskyDecomposition(MatrixUtils.createRealMatrix(lam)).getSolver().getInverse();
        double[] mean = cov.operate(eta);
        RealMatrix lower = new CholeskyDecomposition(cov.add(cov.transpose()).scalarMultiply(0.5)).getL();
        MonteCarlo.Sampler sampler = mc.sampler(x, k);
        double[] pt = x.clone();
        MonteCarlo.Accumulator acc = mc.accumulator();
        long count = mc.sampleSize();
        for (long r = 0; r < count; r++) {
            double[] z = sampler.normals();
            for (int i = 0; i < k; i++) {
                double v = mean[i];
                for (int j = 0; j <= i; j++) {
                    v += lower.getEntry(i, j) * z[j];
                }
                pt[a.get(i)] = v;
            }
            Estimate inner = estimate(ex.body(), s, pt, mc);
            if (!inner.available()) {
                return inner;
            }
            if (inner.variance() != 0) {
                return Estimate.none("nested Monte Carlo (" + known.whyNot() + ")", ex);
            }
            acc.add(inner.mean());
        }
        return Estimate.of(acc.mean(), acc.varianceOfMean(), count);
    }
}
