package org.probity.spec.internal;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.probity.spec.ast.Expr;

/**
 * Evaluation on a {@code gaussian} instance. {@link #closed} gives the exact value as a function of
 * the free variables ({@link Closed}): densities, conditionals (Schur complement), KL and entropies,
 * expectations and integrals of polynomials of degree <= 2 times exp-quadratics. What has no closed
 * form throws {@link NotClosedForm}; {@link #estimate} then estimates expectations by Monte Carlo
 * (sampling the expectation's Gaussian exactly), with the sample size fixed in advance.
 */
final class GaussianEvaluator {
    private final GaussianInstance g;
    private final int n;
    /** Per node and index values: its closed form, or why it has none (Monte Carlo evaluates nodes many times). */
    private final java.util.Map<Expr, java.util.Map<java.util.Map<String, Integer>, Object>> closedCache =
        new java.util.IdentityHashMap<>();
    final double[] condition = {1};

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

    private double scale;

    Closed closed(Expr e, Scope s) {
        Closed r = closedRaw(e, s);
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

    private Closed closedRaw(Expr e, Scope s) {
        if (e instanceof Expr.Num num) {
            return Closed.constant(num.value(), n);
        }
        if (e instanceof Expr.Steps) {
            return Closed.constant(s.steps, n);
        }
        if (e instanceof Expr.Name nm) {
            Integer i = s.indices.get(nm.name());
            return i != null ? Closed.constant(i, n) : closed(s.lets.get(nm.name()), s);
        }
        if (e instanceof Expr.Var v) {
            return Closed.poly(Quad.variable(s.index(v.index()), n));
        }
        if (e instanceof Expr.Neg ng) {
            return closed(ng.operand(), s).negate();
        }
        if (e instanceof Expr.Bin b) {
            Closed l = closed(b.left(), s);
            Closed r = closed(b.right(), s);
            switch (b.op()) {
                case '+':
                    return l.plus(r);
                case '-':
                    return l.plus(r.negate());
                case '*':
                    if (isZero(l) || isZero(r)) {
                        return Closed.constant(0, n);
                    }
                    return l.times(r);
                case '/':
                    if (isZero(l)) {
                        return Closed.constant(0, n);
                    }
                    return l.dividedBy(r);
                default:
                    if (!r.isConstant()) {
                        throw new NotClosedForm("a variable exponent");
                    }
                    return l.power(r.constantValue());
            }
        }
        if (e instanceof Expr.Call c) {
            switch (c.function()) {
                case "beta":
                    return Closed.constant(g.beta(s.index(c.argument())), n);
                case "alpha":
                    return Closed.constant(1 - g.beta(s.index(c.argument())), n);
                case "abar":
                    return Closed.constant(g.alphaBar(s.index(c.argument())), n);
                case "snr": {
                    double a = g.alphaBar(s.index(c.argument()));
                    return Closed.constant(a / (1 - a), n);
                }
                case "log":
                    return closed(c.argument(), s).log();
                case "exp":
                    return closed(c.argument(), s).exp();
                default: {
                    Closed a = closed(c.argument(), s);
                    if (!a.isConstant()) {
                        throw new NotClosedForm(c.function() + " of a variable");
                    }
                    return Closed.constant(MarkovEvaluator.function(c.function(), a.constantValue()), n);
                }
            }
        }
        if (e instanceof Expr.Density || e instanceof Expr.Normal) {
            return density(e, s);
        }
        if (e instanceof Expr.Expect x) {
            Closed body = closed(x.body(), s);
            return body.times(density(x.distribution(), s)).integrate(s.targets(x.distribution()), condition);
        }
        if (e instanceof Expr.Integral in) {
            List<Integer> vars = new ArrayList<>();
            for (Scope.Slot sl : s.slots(in.variables())) {
                vars.add(sl.index());
            }
            return closed(in.body(), s).integrate(vars, condition);
        }
        if (e instanceof Expr.Sum sm) {
            int lo = s.index(sm.from());
            int hi = s.index(sm.to());
            Closed acc = Closed.constant(sm.product() ? 1 : 0, n);
            for (int i = lo; i <= hi; i++) {
                Closed v = closed(sm.body(), s.with(sm.index(), i));
                acc = sm.product() ? acc.times(v) : acc.plus(v);
            }
            return acc;
        }
        if (e instanceof Expr.Kl k) {
            Closed d1 = density(k.first(), s);
            Closed integrand = d1.log().plus(density(k.second(), s).log().negate());
            return integrand.times(d1).integrate(s.targets(k.first()), condition);
        }
        if (e instanceof Expr.Entropy h) {
            Closed d1 = density(h.first(), s);
            Closed d2 = h.second() == null ? d1 : density(h.second(), s);
            return d2.log().negate().times(d1).integrate(s.targets(h.first()), condition);
        }
        throw new IllegalStateException("not a gaussian expression: " + Printer.print(e));
    }

    private static boolean isZero(Closed c) {
        return c.isConstant() && c.constantValue() == 0;
    }

    /** A density as a single exp-quadratic term. */
    Closed density(Expr dist, Scope s) {
        if (dist instanceof Expr.Normal nd) {
            int i = s.index(nd.at().from());
            Closed m = closed(nd.mean(), s);
            Closed v = closed(nd.variance(), s);
            if (!v.isConstant() || m.terms.size() > 1
                || (!m.terms.isEmpty() && (m.terms.get(0).poly().degree() > 1 || m.terms.get(0).expo().degree() > 0
                    || m.terms.get(0).expo().c != 0))) {
                throw new NotClosedForm("N(x; m, v) with m not affine or v not constant");
            }
            double var = v.constantValue();
            if (!(var > 0)) {
                throw new NotClosedForm("N(x; m, v) with v <= 0");
            }
            Quad mean = m.terms.isEmpty() ? Quad.constant(0, n) : m.terms.get(0).poly();
            Quad r = Quad.variable(i, n).plus(mean.scale(-1));
            Quad q = r.times(r).scale(-0.5 / var).plus(Quad.constant(-0.5 * Math.log(2 * Math.PI * var), n));
            return Closed.expQuad(q);
        }
        Expr.Density d = (Expr.Density) dist;
        List<Scope.Slot> targets = s.slots(d.targets());
        List<Scope.Slot> given = s.slots(d.given());
        int a = Scope.mask(targets);
        if (a == 0) {
            return Closed.constant(1, n);
        }
        Quad q = g.logDensity(d.generative(), a, Scope.mask(given));
        condition[0] = Math.max(condition[0], g.condition());
        scale = Math.max(scale, coefficients(q));
        for (List<Scope.Slot> side : List.of(targets, given)) {
            for (Scope.Slot sl : side) {
                if (sl.pinned() != null) {
                    Closed v = closed(sl.pinned(), s);
                    if (!v.isConstant()) {
                        throw new NotClosedForm("a variable pinned to a non-constant");
                    }
                    q = q.fix(sl.index(), v.constantValue());
                }
            }
        }
        return Closed.expQuad(q);
    }

    /** A Monte Carlo or exact value: mean and variance of the mean (0 when exact), and samples drawn. */
    record Estimate(double mean, double variance, long samples) {
        static Estimate exact(double v) {
            return new Estimate(v, 0, 0);
        }
    }

    /** The value at point x: exact where {@link #closed} succeeds, else Monte Carlo over expectations. */
    Estimate estimate(Expr e, Scope s, double[] x, MonteCarlo mc) {
        Object known = closedCache.computeIfAbsent(e, k -> new java.util.HashMap<>()).computeIfAbsent(s.indices, k -> {
            try {
                return closed(e, s);
            } catch (NotClosedForm nc) {
                return nc;
            }
        });
        if (known instanceof Closed c) {
            return Estimate.exact(c.at(x));
        }
        {
            NotClosedForm nc = (NotClosedForm) known;
            if (e instanceof Expr.Name nm && !s.indices.containsKey(nm.name())) {
                return estimate(s.lets.get(nm.name()), s, x, mc);
            }
            if (e instanceof Expr.Neg ng) {
                Estimate a = estimate(ng.operand(), s, x, mc);
                return new Estimate(-a.mean(), a.variance(), a.samples());
            }
            if (e instanceof Expr.Bin b) {
                Estimate l = estimate(b.left(), s, x, mc);
                Estimate r = estimate(b.right(), s, x, mc);
                long k = l.samples() + r.samples();
                if (b.op() == '+' || b.op() == '-') {
                    return new Estimate(b.op() == '+' ? l.mean() + r.mean() : l.mean() - r.mean(),
                        l.variance() + r.variance(), k);
                }
                if (l.variance() == 0 && r.variance() == 0) {
                    return new Estimate(new MarkovEvaluator(null).binary(b.op(), l.mean(), r.mean()), 0, k);
                }
                if (b.op() == '*' && r.variance() == 0) {
                    return new Estimate(l.mean() * r.mean(), l.variance() * r.mean() * r.mean(), k);
                }
                if (b.op() == '*' && l.variance() == 0) {
                    return new Estimate(l.mean() * r.mean(), r.variance() * l.mean() * l.mean(), k);
                }
                if (b.op() == '/' && r.variance() == 0) {
                    return new Estimate(l.mean() / r.mean(), l.variance() / (r.mean() * r.mean()), k);
                }
                throw new NotClosedForm("a Monte Carlo estimate used non-linearly (" + nc.getMessage() + ")");
            }
            if (e instanceof Expr.Call c) {
                Estimate a = estimate(c.argument(), s, x, mc);
                if (a.variance() != 0) {
                    throw new NotClosedForm("a Monte Carlo estimate inside " + c.function() + "(...)");
                }
                return new Estimate(MarkovEvaluator.function(c.function(), a.mean()), 0, a.samples());
            }
            if (e instanceof Expr.Sum sm && !sm.product()) {
                double m = 0;
                double v = 0;
                long k = 0;
                for (int i = s.index(sm.from()); i <= s.index(sm.to()); i++) {
                    Estimate t = estimate(sm.body(), s.with(sm.index(), i), x, mc);
                    m += t.mean();
                    v += t.variance();
                    k += t.samples();
                }
                return new Estimate(m, v, k);
            }
            if (e instanceof Expr.Expect ex) {
                return expectation(ex, s, x, mc, nc);
            }
            throw nc;
        }
    }

    private Estimate expectation(Expr.Expect ex, Scope s, double[] x, MonteCarlo mc, NotClosedForm why) {
        List<Integer> a = s.targets(ex.distribution());
        Quad q = density(ex.distribution(), s).terms.get(0).expo();
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
            if (inner.variance() != 0) {
                throw new NotClosedForm("nested Monte Carlo (" + why.getMessage() + ")");
            }
            acc.add(inner.mean());
        }
        return new Estimate(acc.mean(), acc.varianceOfMean(), count);
    }
}
