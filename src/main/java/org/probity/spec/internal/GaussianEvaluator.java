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
    private final Map<Expr, Map<Object, Closed>> closedCache = new IdentityHashMap<>();
    final double[] condition = {1};
    private double scale;

    private final Budget budget;
    /** Panels of the composite rule of {@code int_{t=a}^{b}}: {@link #FINE_PANELS}, or a coarser one for the error estimate. */
    private final int panels;
    /**
     * The Gauss–Legendre rule of every panel of {@code int_{t=a}^{b}} (Hipparchus, in double: the rule of
     * {@code GaussIntegratorFactory.legendre(8)}, without the factory, whose constructor sets up 40-digit Dfp).
     */
    static final org.hipparchus.analysis.integration.gauss.GaussIntegrator RULE =
        new org.hipparchus.analysis.integration.gauss.GaussIntegrator(
            new org.hipparchus.analysis.integration.gauss.LegendreRuleFactory().getRule(8));
    /**
     * Panels of the rules of {@code int_{t=a}^{b}}, finest last: the value is the finest rule's; the two
     * coarser ones give the declared error and the check that the rules converge ({@link InstanceCheck}).
     */
    static final int[] PANELS = {1, 2, 4};
    /** Panels of the rule whose value is used. */
    static final int FINE_PANELS = PANELS[PANELS.length - 1];
    /** Panels of the rule a failure must survive ({@link InstanceCheck}): four times the finest. */
    static final int CONFIRM_PANELS = 4 * FINE_PANELS;
    /** The noise variables bound somewhere in what is evaluated, in slot order after x_0..x_T. */
    private final List<String> noises;

    GaussianEvaluator(GaussianInstance g, Budget budget) {
        this(g, budget, List.of());
    }

    /** An evaluator with d extra slots per noise variable of {@code noises}, after the model's (T + 1) d. */
    GaussianEvaluator(GaussianInstance g, Budget budget, List<String> noises) {
        this(g, budget, noises, FINE_PANELS);
    }

    /** As {@link #GaussianEvaluator(GaussianInstance, Budget, List)}, with {@code panels} panels in {@code int_{t=a}^{b}}. */
    GaussianEvaluator(GaussianInstance g, Budget budget, List<String> noises, int panels) {
        this.panels = panels;
        this.g = g;
        this.n = g.n() + noises.size() * g.dims();
        this.budget = budget;
        this.noises = List.copyOf(noises);
    }

    /**
     * The nodes and weights of {@code int_{t=a}^{b}} on [lo, hi] ⊂ [0, 1], as {t_k} and {w_k}: composite
     * Gauss–Legendre ({@link #RULE}) over this evaluator's number of equal panels ({@link #PANELS}), in the model's log-SNR γ rather than in t: \( \int f\, dt = \int f(t(\gamma)) / \gamma'(t(\gamma))\, d\gamma \)
     * with γ strictly increasing (VDM §3; the change of variables of eq. 18–20 up to the factor SNR).
     * So the weight of SNR′(t) dt is −SNR dγ = −e^{−γ} dγ, smooth in γ whatever the schedule's shape,
     * where in t it is steep at the ends (the truncated cosine). Equal panels in t where the model
     * has no continuous schedule.
     */
    double[][] nodes(double lo, double hi) {
        int count = panels;
        org.probity.diffusion.LogSnrSchedule c = g.continuous();
        double a = c == null ? lo : c.gamma(lo);
        double b = c == null ? hi : c.gamma(hi);
        int m = RULE.getNumberOfPoints();
        double[] ts = new double[count * m];
        double[] ws = new double[count * m];
        for (int k = 0; k < count; k++) {
            double half = 0.5 * (b - a) / count;
            double mid = a + (b - a) * (k + 0.5) / count;
            for (int j = 0; j < m; j++) {
                double u = mid + half * RULE.getPoint(j);
                double t = c == null ? u : Math.min(hi, Math.max(lo, c.time(Math.min(b, Math.max(a, u)))));
                ts[k * m + j] = t;
                ws[k * m + j] = half * RULE.getWeight(j) / (c == null ? 1 : c.gammaDerivative(t));
            }
        }
        return new double[][] {ts, ws};
    }

    /** The slot of component i of the noise variable {@code name}. */
    int noiseSlot(String name, int i) {
        int k = noises.indexOf(name);
        if (k < 0) {
            throw new IllegalStateException("noise variable not collected by Auxiliaries: " + name);
        }
        return g.n() + k * g.dims() + i;
    }

    /** Every slot of the noise variable {@code name}. */
    List<Integer> noiseSlots(String name) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < g.dims(); i++) {
            out.add(noiseSlot(name, i));
        }
        return out;
    }

    /** {@code x} padded with zeros to every slot (noise slots are always bound, so their values never matter). */
    double[] pad(double[] x) {
        return x.length == n ? x : java.util.Arrays.copyOf(x, n);
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
        Map<Object, Closed> byScope = closedCache.computeIfAbsent(e, k -> new HashMap<>());
        Object key = s.key();
        Closed known = byScope.get(key);
        if (known == null) {
            known = note(e.accept(new GaussianExact(this, s)).from(e));
            byScope.put(key, known);
        }
        return known;
    }

    /** Caches a partial result of a flat chain computed on the way ({@link GaussianExact#bin}) and notes its scale. */
    Closed remember(Expr node, Scope s, Closed value) {
        closedCache.computeIfAbsent(node, k -> new HashMap<>()).putIfAbsent(s.key(), note(value));
        return value;
    }

    /**
     * Notes the coefficient scale of {@code r} (see {@link #coefficientScale}) and returns it: for a
     * quadratic formed on the way that no cache sees, such as the log-density ratio a KL integrates.
     */
    Closed note(Closed r) {
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
        double m = q.coefficientSum();
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

    /**
     * The log-density of a distribution: for N(x; m, v), \( \sum_i -(x_i - m_i)^2 / (2 v_i) - \tfrac12 \log(2\pi v_i) \)
     * directly, so that a mean with no Gaussian density of its own (a network, non-affine in its
     * input) still has a closed-form log; otherwise the log of {@link #density}.
     */
    Closed logDensity(Expr.Distribution dist, Scope s) {
        if (!(dist instanceof Expr.Normal nd)) {
            return density(dist, s).log();
        }
        int t = s.index(nd.at().from());
        Closed acc = Closed.constant(0, n);
        for (int i = 0; i < s.dims; i++) {
            Scope at = s.atComponent(i);
            Closed m = closed(nd.mean(), at);
            Closed v = m.available() ? closed(nd.variance(), at) : m;
            if (!v.available()) {
                return v.from(nd);
            }
            if (!v.isConstant()) {
                return Closed.none("N(x; m, v) with v not constant", n).from(nd);
            }
            double var = v.constantValue();
            if (!(var > 0)) {
                return Closed.constant(Double.NaN, n);
            }
            Closed r = Closed.poly(Quad.variable(at.slot(t), n)).plus(m.negate());
            acc = acc.plus(r.times(r).times(Closed.constant(-0.5 / var, n)))
                .plus(Closed.constant(-0.5 * Math.log(2 * Math.PI * var), n));
        }
        return acc;
    }

    /**
     * N(x; m, v) in d dimensions: the product over the components i of N(x_i; m_i, v_i), with m and v
     * evaluated at component i (a scalar variance is v I; {@code diag(w)} gives w_i).
     */
    private Closed normalDensity(Expr.Normal nd, Scope s) {
        int t = s.index(nd.at().from());
        Quad q = Quad.constant(0, n);
        for (int i = 0; i < s.dims; i++) {
            Scope at = s.atComponent(i);
            Closed m = closed(nd.mean(), at);
            if (!m.available()) {
                return m;
            }
            Closed v = closed(nd.variance(), at);
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
            Quad r = Quad.variable(at.slot(t), n).plus(mean.scale(-1));
            q = q.plus(r.times(r).scale(-0.5 / var).plus(Quad.constant(-0.5 * Math.log(2 * Math.PI * var), n)));
        }
        return Closed.expQuad(q);
    }

    private Closed modelDensity(Expr.Density d, Scope s) {
        List<Scope.Slot> targets = s.slots(d.targets());
        List<Scope.Slot> given = s.slots(d.given());
        if (targets.isEmpty()) {
            return Closed.constant(1, n);
        }
        Quad q = g.logDensity(d.generative(), Scope.variables(targets), Scope.variables(given), n);
        scale = Math.max(scale, coefficients(q));
        for (List<Scope.Slot> side : List.of(targets, given)) {
            for (Scope.Slot sl : side) {
                if (sl.pinned() == null) {
                    continue;
                }
                for (int i = 0; i < s.dims; i++) {
                    Closed v = closed(sl.pinned(), s.atComponent(i));
                    if (!v.available()) {
                        return v;
                    }
                    if (!v.isConstant()) {
                        return Closed.none("a variable pinned to a non-constant", n);
                    }
                    q = q.fix(sl.index() * s.dims + i, v.constantValue());
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
        List<Integer> a = s.slotsOf(s.targets(ex.distribution()));
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
            Estimate inner = exactAt(ex.body(), s, pt, mc, known, ex);
            if (!inner.available()) {
                return inner;
            }
            acc.add(inner.mean());
        }
        return Estimate.of(acc.mean(), acc.varianceOfMean(), count);
    }

    /**
     * E over ε ~ N(0, I) by Monte Carlo: ε drawn, each substituted variable set to its value (which
     * must be exact at the point), the body estimated there; the sample size fixed in advance.
     */
    Estimate noiseExpectation(Expr.NoiseExpect ex, Scope s, double[] x, MonteCarlo mc, Closed known) {
        List<Integer> slots = noiseSlots(ex.noise());
        MonteCarlo.Sampler sampler = mc.sampler(x, slots.size());
        MonteCarlo.Accumulator acc = mc.accumulator();
        long count = mc.sampleSize();
        double[] pt = x.clone();
        for (long r = 0; r < count; r++) {
            budget.check();
            double[] z = sampler.normals();
            for (int i = 0; i < slots.size(); i++) {
                pt[slots.get(i)] = z[i];
            }
            for (int k = 0; k < ex.substituted().size(); k++) {
                int t = s.index(ex.substituted().get(k).from());
                for (int m = 0; m < s.dims; m++) {
                    Estimate v = exactAt(ex.values().get(k), s.atComponent(m), pt, mc, known, ex);
                    if (!v.available()) {
                        return v;
                    }
                    pt[t * s.dims + m] = v.mean();
                }
            }
            Estimate inner = exactAt(ex.body(), s, pt, mc, known, ex);
            if (!inner.available()) {
                return inner;
            }
            acc.add(inner.mean());
        }
        return Estimate.of(acc.mean(), acc.varianceOfMean(), count);
    }

    /**
     * {@code e} estimated at {@code pt} inside the Monte Carlo loop of {@code outer}: as estimated
     * when exact or unavailable; an estimate with a variance would nest one Monte Carlo in another,
     * which the evaluator does not do, and is "not checked" with the closed form's reason.
     */
    private Estimate exactAt(Expr e, Scope s, double[] pt, MonteCarlo mc, Closed known, Expr outer) {
        Estimate v = estimate(e, s, pt, mc);
        if (v.available() && v.variance() != 0) {
            return Estimate.none("nested Monte Carlo (" + known.whyNot() + ")", outer);
        }
        return v;
    }
}
