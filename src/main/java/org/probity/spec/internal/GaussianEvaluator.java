package org.probity.spec.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.exception.MathIllegalArgumentException;
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

    private final Budget budget;

    GaussianEvaluator(GaussianInstance g, Budget budget) {
        this.g = g;
        this.n = g.n();
        this.budget = budget;
    }

    /**
     * The largest coefficient magnitude \( |c| + \sum |b_i| + \sum |M_{ij}| \) of any quadratic
     * formed while evaluating (cancellations between such terms are where rounding error comes from).
     */
    double coefficientScale() {
        return scale;
    }

    /**
     * The exact value of {@code e} as a function of the free variables, or {@link Closed#none} with
     * the reason; cached per node and index values (Monte Carlo asks for the same nodes many times).
     */
    Closed closed(Expr e, Scope s) {
        Map<Map<String, Integer>, Closed> byIndex = closedCache.computeIfAbsent(e, k -> new HashMap<>());
        Closed known = byIndex.get(s.indices);
        if (known == null) {
            known = note(e.accept(new GaussianExact(this, s)).from(e));
            byIndex.put(s.indices, known);
        }
        return known;
    }

    /** Caches a partial result of a flat chain computed on the way ({@link GaussianExact#bin}) and notes its scale. */
    Closed remember(Expr node, Scope s, Closed value) {
        closedCache.computeIfAbsent(node, k -> new HashMap<>()).putIfAbsent(s.indices, note(value));
        return value;
    }

    private Closed note(Closed r) {
        for (Closed.Term t : r.terms) {
            scale = Math.max(scale, Math.max(coefficients(t.poly()), coefficients(t.expo())));
        }
        return r;
    }

    /** The number of variables x_0..x_T. */
    int variables() {
        return n;
    }

    /** The model instance. */
    GaussianInstance instance() {
        return g;
    }

    /** The time budget of the try being evaluated. */
    Budget budget() {
        return budget;
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
        Closed known = closed(e, s);
        if (known.available()) {
            return Estimate.exact(known.at(x));
        }
        return e.accept(new GaussianEstimator(this, s, x, mc, known));
    }

    Estimate expectation(Expr.Expect ex, Scope s, double[] x, MonteCarlo mc, Closed known) {
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
        RealMatrix cov;
        RealMatrix lower;
        try {
            cov = new CholeskyDecomposition(MatrixUtils.createRealMatrix(lam)).getSolver().getInverse();
            lower = new CholeskyDecomposition(cov.add(cov.transpose()).scalarMultiply(0.5)).getL();
        } catch (MathIllegalArgumentException e) {
            return Estimate.none("an expectation over a distribution that is not a normalisable Gaussian here", ex);
        }
        double[] mean = cov.operate(eta);
        MonteCarlo.Sampler sampler = mc.sampler(x, k);
        double[] pt = x.clone();
        MonteCarlo.Accumulator acc = mc.accumulator();
        long count = mc.sampleSize();
        for (long r = 0; r < count; r++) {
            budget.check();
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
