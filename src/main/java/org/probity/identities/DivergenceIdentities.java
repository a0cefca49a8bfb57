package org.probity.identities;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.probity.check.Gen;
import org.probity.check.Gens;
import org.probity.check.Property;
import org.probity.check.Verdict;
import org.probity.dist.Categorical;
import org.probity.dist.Gaussian;
import org.probity.divergence.Divergences;
import org.probity.divergence.Estimate;
import org.probity.divergence.MonteCarlo;
import org.probity.divergence.Quadrature;
import org.probity.identities.gen.DivergenceGens;
import org.probity.identities.gen.DivergenceGens.CategoricalPair;
import org.probity.identities.gen.DivergenceGens.GaussianPair;
import org.probity.math.FloatFormat;
import org.probity.math.NeumaierSum;
import org.probity.math.Tolerance;
import org.probity.math.Tolerances;

/**
 * The divergence identities as contracts (STYLE.md 7): the subject is the {@link Divergences}
 * implementation under test ({@link #of}), so the same identities run against Probity's library
 * ({@link #all()}) and against deliberately broken variants, which must fail. Instances come from
 * {@link DivergenceGens}. Tolerances are named rules ({@link Tolerances}): \( c\,u \) times the
 * magnitude of the terms a relation adds ({@link DivergenceRules}), the accuracy claims of the closed
 * forms (ulps), and the declared bounds of the second methods ({@link Quadrature},
 * {@link MonteCarlo}, false-alarm rate \( 10^{-9} \) per check).
 */
public final class DivergenceIdentities {
    private static final double ALPHA = MonteCarlo.DEFAULT_FALSE_ALARM;
    /** Central-difference step of the gradient identities. */
    private static final double H = 1e-4;
    /**
     * Smallest error a Monte Carlo check is sized to detect when the integrand barely varies: errors
     * below 1e-12 nats are left to the quadrature and the exact identities.
     */
    private static final double MC_FLOOR = 1e-12;

    private final Divergences d;

    private DivergenceIdentities(Divergences d) {
        this.d = Objects.requireNonNull(d, "d");
    }

    /** The divergence identities against {@code d}. */
    public static DivergenceIdentities of(Divergences d) {
        return new DivergenceIdentities(d);
    }

    /** Every divergence identity against Probity's implementation. */
    public static List<Identity> all() {
        return all(Divergences.library());
    }

    /** Every divergence identity against {@code d}, in catalog order. */
    public static List<Identity> all(Divergences d) {
        DivergenceIdentities f = of(d);
        return List.of(f.crossEntropyCategorical(), f.crossEntropyGaussian(), f.crossEntropyDiagonalGaussian(),
            f.gibbsCategorical(), f.gibbsGaussian(), f.selfDivergence(), f.gaussianSecondMethods(), f.binaryCrossEntropy(),
            f.multiClassCrossEntropy(), f.empiricalCrossEntropy(), f.mleGradientsCategorical(), f.mleGradientsGaussian(),
            f.decoderNormalization());
    }

    private static Identity identity(String name, String family, String statement, Property<?> property) {
        return Identity.of(name, family, statement, property);
    }

    // ----- identities

    /** \( H(p, q) = \mathrm{KL}(p\|q) + H(p) \) for probability vectors. */
    public Identity crossEntropyCategorical() {
        String name = "categorical: H(p, q) = KL(p || q) + H(p)";
        return identity(name, "categorical", "-sum_i p_i log q_i = sum_i p_i log(p_i/q_i) - sum_i p_i log p_i",
            Property.forAll(name, DivergenceGens.categoricalPairs(true), c -> Verdict.close("H(p, q) = KL(p || q) + H(p)",
                d.crossEntropyCategorical(c.p(), c.q()), d.klCategorical(c.p(), c.q()) + d.entropyCategorical(c.p()),
                DivergenceRules.roundoff(16, DivergenceRules.logMagnitude(c.p(), c.q()), "E_p|log p| + E_p|log q|")))
                .withExamples(DivergenceGens.categoricalExamples()));
    }

    /** \( H(p, q) = \mathrm{KL}(p\|q) + H(p) \) for univariate Gaussians. */
    public Identity crossEntropyGaussian() {
        String name = "gaussian: H(p, q) = KL(p || q) + H(p)";
        return identity(name, "gaussian", "1/2 log(2 pi v2) + (v1 + (m1 - m2)^2)/(2 v2) = KL + 1/2 log(2 pi e v1)",
            Property.forAll(name, DivergenceGens.gaussianPairs(), g -> Verdict.close("H(p, q) = KL(p || q) + H(p)",
                d.crossEntropyGaussian(g.m1(), g.v1(), g.m2(), g.v2()),
                d.klGaussian(g.m1(), g.v1(), g.m2(), g.v2()) + d.entropyGaussian(g.v1()),
                DivergenceRules.roundoff(16, DivergenceRules.gaussianMagnitude(g.m1(), g.v1(), g.m2(), g.v2()), "sum of |terms|")))
                .withExamples(DivergenceGens.gaussianExamples())
                .cover("nearly equal, KL < 1e-10", 5, g -> org.probity.divergence.Kl.gaussian(g.m1(), g.v1(), g.m2(),
                    g.v2()) < 1e-10));
    }

    /** \( H(p, q) = \mathrm{KL}(p\|q) + H(p) \) for diagonal Gaussians. */
    public Identity crossEntropyDiagonalGaussian() {
        String name = "diagonal gaussian: H(p, q) = KL(p || q) + H(p)";
        return identity(name, "diagonal-gaussian", "sum over dimensions of the univariate identity",
            Property.forAll(name, DivergenceGens.diagonalPairs(), pq -> {
                double mag = 0;
                for (int i = 0; i < pq[0].dimension(); i++) {
                    Gaussian a = pq[0].component(i);
                    Gaussian b = pq[1].component(i);
                    mag += DivergenceRules.gaussianMagnitude(a.mean(), a.variance(), b.mean(), b.variance());
                }
                return Verdict.close("H(p, q) = KL(p || q) + H(p)", d.crossEntropyDiagonalGaussian(pq[0], pq[1]),
                    d.klDiagonalGaussian(pq[0], pq[1]) + d.entropyDiagonalGaussian(pq[0]),
                    DivergenceRules.roundoff(32, mag, "sum of |terms| over dimensions"));
            }));
    }

    /**
     * Gibbs' inequality with Pinsker's lower bound \( \mathrm{KL}(p\|q) \ge \tfrac12 \|p - q\|_1^2 \), so KL is
     * 0 only for equal vectors; support mismatches give \( +\infty \).
     *
     * <p>Domain: probability vectors as doubles, which sum to 1 only within rounding ({@link
     * org.probity.check.Gens#probabilityVectors}: within 8 K u). With \( S_p = \sum p_i \),
     * \( S_q = \sum q_i \), \( \delta = |S_p - 1| + |S_q - 1| \) and the normalised \( \tilde p = p / S_p \),
     * \( \tilde q = q / S_q \): \( \mathrm{KL}(p\|q) = S_p \mathrm{KL}(\tilde p\|\tilde q) + S_p \log(S_p/S_q) \)
     * and \( \|p - q\|_1 \le \|\tilde p - \tilde q\|_1 + \delta \), so Pinsker on \( \tilde p, \tilde q \)
     * gives \( \mathrm{KL}(p\|q) \ge \tfrac12\|p - q\|_1^2 - 5\delta - O(\delta^2) \). The tolerance is
     * \( 6\delta \) with δ summed exactly (compensated, with the 1 inside the sum: a rounded
     * \( \sum q_i \) hides a deviation of \( 2^{-54} \)), or 64 ulps for the rounding of KL and of
     * the bound. Found by {@code verify --seed 3 --tries 1000}: p = (0, 1), q = (2^-54, 1) has KL = 0
     * against a bound of 1.5e-33.
     */
    public Identity gibbsCategorical() {
        String name = "categorical: Gibbs, KL(p || q) >= ||p - q||_1^2 / 2 >= 0";
        Gen<CategoricalPair> gen = Gens.frequency(Gens.weighted(3, DivergenceGens.categoricalPairs(false)),
            Gens.weighted(1, Gens.probabilityVectors(Gens.integers(2, 16)).map(p -> new CategoricalPair(p, p))));
        return identity(name, "categorical", "KL(p || q) >= 1/2 (sum_i |p_i - q_i|)^2 (Pinsker), = 0 iff p = q; "
                + "for p, q summing to 1 within delta: >= Pinsker - 6 delta",
            Property.forAll(name, gen, c -> pinsker(c))
                .withExamples(List.of(new CategoricalPair(new double[] {0, 1}, new double[] {0x1.0p-54, 1})))
                .cover("p = q", 5, c -> java.util.Arrays.equals(c.p(), c.q())));
    }

    /** The verdict of {@link #gibbsCategorical} on one pair. */
    Verdict pinsker(CategoricalPair c) {
        NeumaierSum l1 = NeumaierSum.create();
        for (int i = 0; i < c.p().length; i++) {
            l1.add(Math.abs(c.p()[i] - c.q()[i]));
        }
        double pinsker = 0.5 * l1.sum() * l1.sum();
        double kl = d.klCategorical(c.p(), c.q());
        double delta = DivergenceRules.normalizationError(c.p()) + DivergenceRules.normalizationError(c.q());
        Tolerance tol = Tolerances.conditioned(64, 1)
            .or(Tolerance.absolute(6 * delta).named("6 x normalization error of p and q"))
            .or(Tolerances.belowNormalRange(FloatFormat.FLOAT64, 1));
        return Verdict.atLeast("KL(p || q) >= Pinsker bound", kl, pinsker, tol);
    }

    /** \( \mathrm{KL} \ge 0 \) for Gaussians, and \( &gt; 0 \) whenever the parameters differ measurably. */
    public Identity gibbsGaussian() {
        String name = "gaussian: Gibbs, KL(p || q) >= 0, > 0 unless p = q";
        return identity(name, "gaussian", "KL(N(m1, v1) || N(m2, v2)) >= 0 with equality iff m1 = m2 and v1 = v2",
            Property.forAll(name, DivergenceGens.gaussianPairs(), g -> {
                double kl = d.klGaussian(g.m1(), g.v1(), g.m2(), g.v2());
                double dm = g.m1() - g.m2();
                double dv = (g.v1() - g.v2()) / g.v2();
                boolean measurable = dm * dm / g.v2() + dv * dv > 1e-290;
                return Verdict.atLeast("KL >= 0", kl, 0, Tolerance.absolute(0).named("exactly"))
                    .and(Verdict.check(!measurable || kl > 0, "KL > 0 for p != q, got " + kl));
            }));
    }

    /** \( \mathrm{KL}(p\|p) = 0 \) for categorical and Gaussian p. */
    public Identity selfDivergence() {
        String name = "KL(p || p) = 0 (categorical and gaussian)";
        Gen<Object[]> gen = Gens.combine(Gens.probabilityVectors(Gens.integers(1, 16)), Gens.doubles(-10, 10),
            Gens.doubles(-6, 6), (p, m, l) -> new Object[] {p, m, Math.exp(l)});
        return identity(name, "divergence", "KL(p || p) = 0", Property.forAll(name, gen, o -> {
            double[] p = (double[]) o[0];
            double m = (double) o[1];
            double v = (double) o[2];
            return Verdict.close("KL(p || p) = 0 (categorical)", d.klCategorical(p, p), 0,
                DivergenceRules.roundoff(16, DivergenceRules.logMagnitude(p, p), "E_p|log p|"))
                .and(Verdict.close("KL(p || p) = 0 (gaussian)", d.klGaussian(m, v, m, v), 0,
                    DivergenceRules.roundoff(16, Math.abs(0.5 * Math.log(v)), "|log v|/2")));
        }));
    }

    /** Closed-form Gaussian KL = Gauss–Legendre quadrature = Monte Carlo, within their declared bounds. */
    public Identity gaussianSecondMethods() {
        String name = "gaussian: closed-form KL = quadrature = Monte Carlo";
        return identity(name, "gaussian", "KL closed form = int p (log p - log q) dx (quadrature) = E_p[log p - log q] (MC)",
            Property.forAll(name, DivergenceGens.gaussianPairs(), g -> {
                double kl = d.klGaussian(g.m1(), g.v1(), g.m2(), g.v2());
                Estimate quad = Quadrature.klGaussian(g.p(), g.q());
                double sd = MonteCarlo.gaussianKlSpread(g.p(), g.q());
                Estimate mc = MonteCarlo.klGaussian(g.p(), g.q(), ALPHA, Math.max(0.2 * sd, MC_FLOOR), g.rng());
                return Verdict.close("KL closed form = quadrature", kl, quad.value(),
                        Tolerances.statistical(quad.errorBound(), 8, kl, "quadrature bound + 8 ulps"))
                    .and(Verdict.close("KL closed form = Monte Carlo (" + mc.evaluations() + " samples)", kl, mc.value(),
                        Tolerances.statistical(mc.errorBound(), 8, kl, "MC bound at false-alarm 1e-9 + 8 ulps")));
            }).withExamples(DivergenceGens.gaussianExamples()));
    }

    /** Binary cross-entropy with a logit is \( -\mathbb E_{(1-y, y)} \ln(1 - \sigma(\ell), \sigma(\ell)) \). */
    public Identity binaryCrossEntropy() {
        String name = "binary cross-entropy with logit = H((1-y, y), (1-s, s)), s = sigmoid(logit)";
        return identity(name, "categorical", "softplus(l) - y l = -(1-y) log(1 - sigmoid(l)) - y log sigmoid(l)",
            Property.forAll(name, Gens.zip(Gens.probabilities(), Gens.doubles(-40, 40)), yl -> {
                double y = yl.first();
                double l = yl.second();
                double[] target = {1 - y, y};
                double[] model = {1 / (1 + Math.exp(l)), 1 / (1 + Math.exp(-l))};
                return Verdict.close("BCE(y, l) = H(target, model)", d.binaryCrossEntropyWithLogit(y, l),
                    d.crossEntropyCategorical(target, model), DivergenceRules.roundoff(16, 1 + Math.abs(l), "1 + |logit|"));
            }));
    }

    /** Softmax cross-entropy with logits is \( -\mathbb E_t \ln \operatorname{softmax}(\ell) \). */
    public Identity multiClassCrossEntropy() {
        String name = "multi-class cross-entropy with logits = H(t, softmax(logits))";
        Gen<double[][]> gen = Gens.integers(2, 12).flatMap(k -> Gens.combine(Gens.probabilityVectors(k),
            Gens.doubles(-30, 30).arrays(k, k), (t, l) -> new double[][] {t, l}));
        return identity(name, "categorical", "sum_i t_i (logsumexp(l) - l_i) = -sum_i t_i log softmax(l)_i",
            Property.forAll(name, gen, tl -> {
                double mag = 1;
                for (double x : tl[1]) {
                    mag += 2 * Math.abs(x);
                }
                return Verdict.close("CE(t, logits) = H(t, softmax)", d.crossEntropyWithLogits(tl[0], tl[1]),
                    d.crossEntropyCategorical(tl[0], Categorical.ofLogits(tl[1]).probabilities()),
                    DivergenceRules.roundoff(16, mag, "1 + 2 sum |logits|"));
            }));
    }

    /** The empirical mean of \( -\ln q(X) \), \( X \sim p \), is within its Hoeffding / Laurent–Massart bound of \( H(p, q) \). */
    public Identity empiricalCrossEntropy() {
        String name = "empirical mean of -log q under p converges to H(p, q)";
        Gen<Object[]> gen = Gens.combine(DivergenceGens.categoricalPairs(true), DivergenceGens.gaussianPairs(), (c, g) -> new Object[] {c, g});
        return identity(name, "divergence", "(1/n) sum_i -log q(X_i), X_i ~ p, within its declared bound of H(p, q)",
            Property.forAll(name, gen, o -> {
                CategoricalPair c = (CategoricalPair) o[0];
                GaussianPair g = (GaussianPair) o[1];
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < c.p().length; i++) {
                    if (c.p()[i] > 0) {
                        lo = Math.min(lo, -Math.log(c.q()[i]));
                        hi = Math.max(hi, -Math.log(c.q()[i]));
                    }
                }
                Estimate ec = MonteCarlo.crossEntropyCategorical(Categorical.of(c.p()), Categorical.of(c.q()), ALPHA,
                    Math.max((hi - lo) / 8, MC_FLOOR), g.rng());
                double ce = d.crossEntropyCategorical(c.p(), c.q());
                double sd = MonteCarlo.gaussianCrossEntropySpread(g.p(), g.q());
                Estimate eg = MonteCarlo.crossEntropyGaussian(g.p(), g.q(), ALPHA, Math.max(0.25 * sd, MC_FLOOR), g.rng());
                double cg = d.crossEntropyGaussian(g.m1(), g.v1(), g.m2(), g.v2());
                return Verdict.close("H(p, q) = empirical mean (categorical, " + ec.evaluations() + " samples)", ce,
                        ec.value(), Tolerances.statistical(ec.errorBound(), 16, ce, "Hoeffding at 1e-9"))
                    .and(Verdict.close("H(p, q) = empirical mean (gaussian, " + eg.evaluations() + " samples)", cg,
                        eg.value(), Tolerances.statistical(eg.errorBound(), 16, cg, "Gaussian tail + Laurent-Massart at 1e-9")));
            }));
    }

    /**
     * MLE equivalence, categorical: with \( q_\theta = \operatorname{softmax}(\theta) \), the gradients of
     * \( H(p, q_\theta) \) and \( \mathrm{KL}(p\|q_\theta) \) in θ agree, and equal \( q_\theta - p \).
     */
    public Identity mleGradientsCategorical() {
        String name = "categorical: grad_theta H(p, q_theta) = grad_theta KL(p || q_theta) = q - p";
        Gen<double[][]> gen = Gens.integers(2, 8).flatMap(k -> Gens.combine(Gens.probabilityVectors(k),
            Gens.doubles(-5, 5).arrays(k, k), (p, t) -> new double[][] {p, t}));
        return identity(name, "categorical", "d/dtheta_j of H(p, softmax(theta)) and of KL(p || softmax(theta)) = q_j - p_j",
            Property.forAll(name, gen, pt -> {
                double[] p = pt[0];
                double[] theta = pt[1];
                double[] q = Categorical.ofLogits(theta).probabilities();
                double mag = 1 + DivergenceRules.logMagnitude(p, q) + 2 * java.util.Arrays.stream(theta).map(Math::abs).sum();
                // central difference: h^2/6 max|f'''| (|d^3 logsumexp| <= 0.1) + rounding 2 x 16 u M / (2h)
                Tolerance tol = Tolerances.differenceQuotient(H, H * H / 60, 16, mag).named("central difference, h = 1e-4");
                Verdict v = Verdict.pass();
                for (int j = 0; j < p.length; j++) {
                    final int jj = j;
                    Function<double[], Double> ce = th -> d.crossEntropyCategorical(p, Categorical.ofLogits(th).probabilities());
                    Function<double[], Double> kl = th -> d.klCategorical(p, Categorical.ofLogits(th).probabilities());
                    double gCe = central(ce, theta, jj);
                    double gKl = central(kl, theta, jj);
                    v = v.and(Verdict.close("dH/dtheta_" + j + " = q - p", gCe, q[j] - p[j], tol))
                        .and(Verdict.close("dKL/dtheta_" + j + " = dH/dtheta_" + j, gKl, gCe, tol));
                }
                return v;
            }));
    }

    private static double central(Function<double[], Double> f, double[] x, int j) {
        double[] up = x.clone();
        double[] down = x.clone();
        up[j] += H;
        down[j] -= H;
        return (f.apply(up) - f.apply(down)) / ((x[j] + H) - (x[j] - H));
    }

    /**
     * MLE equivalence, Gaussian: for a model \( \mathcal N(\mu, e^\lambda) \) and data \( \mathcal N(m, v) \), the
     * gradients of cross-entropy and KL in \( (\mu, \lambda) \) agree and equal \( ((\mu - m)/e^\lambda,\ \tfrac12 -
     * (v + (m - \mu)^2)/(2e^\lambda)) \).
     */
    public Identity mleGradientsGaussian() {
        String name = "gaussian: grad H(p, q_model) = grad KL(p || q_model) in the model's mean and log-variance";
        return identity(name, "gaussian", "d/dmu, d/dlambda of H(N(m, v), N(mu, e^lambda)) = of KL(...)",
            Property.forAll(name, DivergenceGens.gaussianPairs(), g -> {
                double m = g.m1();
                double v = g.v1();
                double mu = g.m2();
                double lambda = Math.log(g.v2());
                double hm = H * Math.sqrt(g.v2());
                double a = v + (m - mu) * (m - mu);
                double mag = 1 + DivergenceRules.gaussianMagnitude(m, v, mu, g.v2());
                // H and KL are quadratic in mu: the central difference is exact up to rounding.
                Tolerance tolMu = Tolerances.differenceQuotient(hm, 0, 16, mag).named("central difference in mu: rounding 16 u M / h");
                Tolerance tolL = Tolerances.differenceQuotient(H, H * H / 6 * a / g.v2(), 16, mag)
                    .named("central difference in lambda, h = 1e-4");
                double ceMu = (d.crossEntropyGaussian(m, v, mu + hm, g.v2()) - d.crossEntropyGaussian(m, v, mu - hm, g.v2()))
                    / ((mu + hm) - (mu - hm));
                double klMu = (d.klGaussian(m, v, mu + hm, g.v2()) - d.klGaussian(m, v, mu - hm, g.v2()))
                    / ((mu + hm) - (mu - hm));
                double ceL = (d.crossEntropyGaussian(m, v, mu, Math.exp(lambda + H))
                    - d.crossEntropyGaussian(m, v, mu, Math.exp(lambda - H))) / (2 * H);
                double klL = (d.klGaussian(m, v, mu, Math.exp(lambda + H)) - d.klGaussian(m, v, mu, Math.exp(lambda - H)))
                    / (2 * H);
                return Verdict.close("dH/dmu = (mu - m)/v_model", ceMu, (mu - m) / g.v2(), tolMu)
                    .and(Verdict.close("dKL/dmu = dH/dmu", klMu, ceMu, tolMu))
                    .and(Verdict.close("dH/dlambda = 1/2 - (v + (m - mu)^2)/(2 v_model)", ceL, 0.5 - 0.5 * a / g.v2(), tolL))
                    .and(Verdict.close("dKL/dlambda = dH/dlambda", klL, ceL, tolL));
            }));
    }

    /** The 256 probabilities of the discretized Gaussian decoder sum to 1 (Ho et al. 2020, eq. 13). */
    public Identity decoderNormalization() {
        String name = "discretized gaussian decoder: the 256 bin probabilities sum to 1";
        return identity(name, "discretized-gaussian", "sum_{k=0}^{255} P(bin k | mean, log-scale) = 1 (open edge bins)",
            Property.forAll(name, Gens.zip(Gens.doubles(-3, 3), Gens.doubles(-12, 4)), ms -> {
                double[] lp = d.decoderLogProbabilities(ms.first(), ms.second());
                NeumaierSum s = NeumaierSum.create();
                for (double x : lp) {
                    s.add(Math.exp(x));
                }
                return Verdict.close("sum of the 256 bin probabilities = 1", s.sum(), 1,
                    Tolerances.roundedSum(256 * 4, 1).named("256 bins x 4 ulps"));
            }));
    }
}
