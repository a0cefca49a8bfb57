package org.probity.divergence;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.probity.dist.Categorical;
import org.probity.dist.Gaussian;
import org.probity.math.NeumaierSum;
import org.probity.math.Tolerance;

/**
 * Second method for the closed forms: Monte Carlo averages of the defining integrand, with a sample
 * size derived in advance from a declared false-alarm rate \( \alpha \) and the smallest error
 * \( \varepsilon \) the check must detect, and never stopped early.
 *
 * <p><b>Categorical</b> (Hoeffding 1963): the integrand \( f(X) \) (e.g. \( \ln p_X - \ln q_X \)) takes values in
 * an interval of width R over the support of p, so \( P(|\bar f_n - \mathbb E f| \ge t) \le 2 e^{-2nt^2/R^2} \).
 * Setting this to \( \alpha \) with \( t = \varepsilon/2 \) gives \( n = \lceil 2 R^2 \ln(2/\alpha) / \varepsilon^2 \rceil \)
 * and the declared bound \( t = R \sqrt{\ln(2/\alpha) / (2n)} \le \varepsilon/2 \).
 *
 * <p><b>Gaussian</b>: with \( X = \mu_1 + \sigma_1 Z \), \( a = (\mu_1 - \mu_2)/\sigma_2 \), \( b = \sigma_1/\sigma_2 \), the
 * integrands are quadratics in Z: \( f - \mathbb E f = c_1 Z + c_2 (Z^2 - 1) \) with \( c_1 = ab \) and
 * \( c_2 = (b^2 - 1)/2 \) (KL) or \( b^2/2 \) (cross-entropy). The Gaussian tail bound
 * \( P(|\bar Z_n| \ge \sqrt{2x/n}) \le 2e^{-x} \) and the Laurent–Massart bounds for \( \chi^2_n \) (Ann. Stat.
 * 2000, Lemma 1: \( P(|\chi^2_n - n| \ge 2\sqrt{nx} + 2x) \le 2e^{-x} \)) give, with \( x = \ln(4/\alpha) \) and
 * probability at least \( 1 - \alpha \), \( |\bar f_n - \mathbb E f| \le B(n) = |c_1|\sqrt{2x/n} + |c_2|(2\sqrt{x/n} + 2x/n) \).
 * The sample size is the least n with \( B(n) \le \varepsilon/2 \): with \( A = |c_1|\sqrt{2x} + 2|c_2|\sqrt x \),
 * \( C = 2|c_2|x \), \( n = \lceil (A + \sqrt{A^2 + 2C\varepsilon})^2 / \varepsilon^2 \rceil \). The coefficients
 * only size the sample; the samples are evaluated from the log densities.
 *
 * <p>So a closed form that is wrong by more than \( \varepsilon \) lies outside the declared bound with
 * probability at least \( 1 - \alpha \), and a correct one inside it with the same probability. Each
 * bound also adds \( 16u \) times the mean magnitude of the subtracted log densities for rounding.
 *
 * <p><b>Integrands of unknown shape</b> (the spec evaluators): a z-test on the sample mean with its
 * estimated standard error (normal approximation), accepting within \( z_{\alpha/2} \) standard errors;
 * the sample size that detects an error of \( \delta \) standard deviations of the integrand with power
 * \( 1 - \beta \) is \( n = \lceil ((z_{\alpha/2} + z_\beta)/\delta)^2 \rceil \) ({@link #normalSampleSize}).
 *
 * <p>This is Probity's one Monte Carlo policy: one default false-alarm rate
 * ({@link #DEFAULT_FALSE_ALARM}), the sample size always derived before sampling from it and from the
 * smallest error to detect, by one of the three bounds above according to what is known of the
 * integrand, and never stopped early.
 */
public final class MonteCarlo {
    /** The default false-alarm rate of a check, \( 10^{-9} \). */
    public static final double DEFAULT_FALSE_ALARM = 1e-9;
    /** Refuse to draw more than this many samples for one estimate. */
    public static final long MAX_SAMPLES = 50_000_000L;
    static final String MSG_ALPHA = "falseAlarm: expected a probability in (0, 1), got %s";
    static final String MSG_EPS = "minDetectable: expected a finite number > 0, got %s";
    static final String MSG_POWER = "power: expected a probability in (0, 1), got %s";
    static final String MSG_TOO_MANY = "minDetectable: %s needs %.3g samples at false-alarm rate %s, more than %d";

    private MonteCarlo() {
    }

    /**
     * Sample size of the Gaussian-quadratic bound (see the class comment).
     *
     * @param c1 the coefficient of Z
     * @param c2 the coefficient of \( Z^2 - 1 \)
     * @param falseAlarm \( \alpha \in (0, 1) \)
     * @param minDetectable \( \varepsilon &gt; 0 \)
     * @return the least n with \( B(n) \le \varepsilon/2 \) (at least 1; {@link Long#MAX_VALUE} if it exceeds
     *     the range of long)
     */
    public static long gaussianSampleSize(double c1, double c2, double falseAlarm, double minDetectable) {
        check(falseAlarm, minDetectable);
        return ceiling(gaussianSamplesNeeded(c1, c2, falseAlarm, minDetectable));
    }

    /** The real-valued n of the Gaussian-quadratic bound before rounding up (may exceed the range of long). */
    private static double gaussianSamplesNeeded(double c1, double c2, double falseAlarm, double minDetectable) {
        double x = Math.log(4 / falseAlarm);
        double a = Math.abs(c1) * Math.sqrt(2 * x) + 2 * Math.abs(c2) * Math.sqrt(x);
        double c = 2 * Math.abs(c2) * x;
        double root = (a + Math.sqrt(a * a + 2 * c * minDetectable)) / minDetectable;
        return root * root;
    }

    /** The bound \( B(n) \) of the Gaussian-quadratic integrand. */
    public static double gaussianBound(double c1, double c2, double falseAlarm, long n) {
        double x = Math.log(4 / falseAlarm);
        return Math.abs(c1) * Math.sqrt(2 * x / n) + Math.abs(c2) * (2 * Math.sqrt(x / n) + 2 * x / n);
    }

    /**
     * Hoeffding sample size for an integrand with range R: \( \lceil 2R^2 \ln(2/\alpha)/\varepsilon^2 \rceil \).
     */
    public static long hoeffdingSampleSize(double range, double falseAlarm, double minDetectable) {
        check(falseAlarm, minDetectable);
        return ceiling(hoeffdingSamplesNeeded(range, falseAlarm, minDetectable));
    }

    private static double hoeffdingSamplesNeeded(double range, double falseAlarm, double minDetectable) {
        return 2 * range * range * Math.log(2 / falseAlarm) / (minDetectable * minDetectable);
    }

    /**
     * The two-sided standard normal quantile \( z_{\alpha/2} = \Phi^{-1}(1 - \alpha/2) \): a z-test that
     * accepts within \( z_{\alpha/2} \) standard errors rejects a true identity with probability \( \alpha \)
     * (6.1094 at \( \alpha = 10^{-9} \)).
     *
     * @param falseAlarm \( \alpha \in (0, 1) \)
     * @return the quantile
     */
    public static double twoSidedQuantile(double falseAlarm) {
        check(falseAlarm, 1);
        return NormalDistribution.of(0, 1).inverseSurvivalProbability(falseAlarm / 2);
    }

    /**
     * Sample size of the z-test on an integrand of unknown shape: the least n with which an error of
     * {@code effect} standard deviations of the integrand is detected with probability {@code power} at
     * false-alarm rate \( \alpha \), \( n = \lceil ((z_{\alpha/2} + z_{1-\mathrm{power}})/\delta)^2 \rceil \)
     * (normal approximation of the sample mean).
     *
     * @param falseAlarm \( \alpha \in (0, 1) \)
     * @param power the probability of detecting the effect, in (0, 1)
     * @param effect \( \delta &gt; 0 \), in standard deviations of the integrand
     * @return the sample size (at least 1)
     */
    public static long normalSampleSize(double falseAlarm, double power, double effect) {
        check(falseAlarm, effect);
        if (!(power > 0 && power < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_POWER, power));
        }
        double z = twoSidedQuantile(falseAlarm) + NormalDistribution.of(0, 1).inverseSurvivalProbability(1 - power);
        return ceiling(z * z / (effect * effect));
    }

    private static long ceiling(double needed) {
        return needed >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, (long) Math.ceil(needed));
    }

    /**
     * The standard deviation \( \sqrt{c_1^2 + 2c_2^2} \) of the KL integrand \( \ln p(X) - \ln q(X) \), \( X \sim p \),
     * computed exactly as the sample size is; callers choose the detectable error as a fraction of it.
     */
    public static double gaussianKlSpread(Gaussian p, Gaussian q) {
        double a = (p.mean() - q.mean()) / q.standardDeviation();
        double b = p.standardDeviation() / q.standardDeviation();
        return Math.sqrt(a * b * (a * b) + 2 * (0.5 * (b * b - 1)) * (0.5 * (b * b - 1)));
    }

    /** The standard deviation of the cross-entropy integrand \( -\ln q(X) \), \( X \sim p \). */
    public static double gaussianCrossEntropySpread(Gaussian p, Gaussian q) {
        double a = (p.mean() - q.mean()) / q.standardDeviation();
        double b = p.standardDeviation() / q.standardDeviation();
        return Math.sqrt(a * b * (a * b) + 2 * (0.5 * b * b) * (0.5 * b * b));
    }

    /** \( \mathrm{KL}(p\|q) \approx \frac1n \sum_i [\ln p(X_i) - \ln q(X_i)] \), \( X_i \sim p \). */
    public static Estimate klGaussian(Gaussian p, Gaussian q, double falseAlarm, double minDetectable,
            UniformRandomProvider rng) {
        double a = (p.mean() - q.mean()) / q.standardDeviation();
        double b = p.standardDeviation() / q.standardDeviation();
        double c2 = 0.5 * (b * b - 1);
        long n = samples(gaussianSamplesNeeded(a * b, c2, falseAlarm, minDetectable), minDetectable, falseAlarm);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        NeumaierSum sum = NeumaierSum.create();
        NeumaierSum mag = NeumaierSum.create();
        for (long i = 0; i < n; i++) {
            double x = p.mean() + p.standardDeviation() * z.sample();
            double lp = p.logDensity(x);
            double lq = q.logDensity(x);
            sum.add(lp - lq);
            mag.add(Math.abs(lp) + Math.abs(lq));
        }
        double bound = gaussianBound(a * b, c2, falseAlarm, n) + 16 * Tolerance.UNIT_ROUNDOFF * mag.sum() / n;
        return new Estimate(sum.sum() / n, bound, n, label("KL", falseAlarm));
    }

    /** \( H(p, q) \approx -\frac1n \sum_i \ln q(X_i) \), \( X_i \sim p \). */
    public static Estimate crossEntropyGaussian(Gaussian p, Gaussian q, double falseAlarm, double minDetectable,
            UniformRandomProvider rng) {
        double a = (p.mean() - q.mean()) / q.standardDeviation();
        double b = p.standardDeviation() / q.standardDeviation();
        double c2 = 0.5 * b * b;
        long n = samples(gaussianSamplesNeeded(a * b, c2, falseAlarm, minDetectable), minDetectable, falseAlarm);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        NeumaierSum sum = NeumaierSum.create();
        NeumaierSum mag = NeumaierSum.create();
        for (long i = 0; i < n; i++) {
            double lq = q.logDensity(p.mean() + p.standardDeviation() * z.sample());
            sum.add(-lq);
            mag.add(Math.abs(lq));
        }
        double bound = gaussianBound(a * b, c2, falseAlarm, n) + 16 * Tolerance.UNIT_ROUNDOFF * mag.sum() / n;
        return new Estimate(sum.sum() / n, bound, n, label("cross-entropy", falseAlarm));
    }

    /** \( \mathrm{KL}(p\|q) \approx \frac1n \sum_i \ln(p_{X_i}/q_{X_i}) \), \( X_i \sim p \); \( +\infty \) on support mismatch. */
    public static Estimate klCategorical(Categorical p, Categorical q, double falseAlarm, double minDetectable,
            UniformRandomProvider rng) {
        double[] f = new double[p.size()];
        Kl.requireSameLength(f, new double[q.size()]);
        for (int i = 0; i < f.length; i++) {
            f[i] = p.probability(i) == 0 ? 0 : Math.log(p.probability(i)) - Math.log(q.probability(i));
        }
        return categoricalMean(p, f, falseAlarm, minDetectable, rng, "KL");
    }

    /** \( H(p, q) \approx -\frac1n \sum_i \ln q_{X_i} \), \( X_i \sim p \); \( +\infty \) on support mismatch. */
    public static Estimate crossEntropyCategorical(Categorical p, Categorical q, double falseAlarm, double minDetectable,
            UniformRandomProvider rng) {
        double[] f = new double[p.size()];
        Kl.requireSameLength(f, new double[q.size()]);
        for (int i = 0; i < f.length; i++) {
            f[i] = p.probability(i) == 0 ? 0 : -Math.log(q.probability(i));
        }
        return categoricalMean(p, f, falseAlarm, minDetectable, rng, "cross-entropy");
    }

    private static Estimate categoricalMean(Categorical p, double[] f, double falseAlarm, double minDetectable,
            UniformRandomProvider rng, String what) {
        check(falseAlarm, minDetectable);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double mag = 0;
        for (int i = 0; i < f.length; i++) {
            if (p.probability(i) > 0) {
                lo = Math.min(lo, f[i]);
                hi = Math.max(hi, f[i]);
                mag = Math.max(mag, Math.abs(f[i]));
            }
        }
        if (hi == Double.POSITIVE_INFINITY) {
            return new Estimate(Double.POSITIVE_INFINITY, 0, 0, label(what, falseAlarm) + ", support mismatch");
        }
        double range = hi - lo;
        long n = samples(range == 0 ? 1 : hoeffdingSamplesNeeded(range, falseAlarm, minDetectable), minDetectable, falseAlarm);
        SharedStateDiscreteSampler sampler = AliasMethodDiscreteSampler.of(rng, p.probabilities());
        NeumaierSum sum = NeumaierSum.create();
        for (long i = 0; i < n; i++) {
            sum.add(f[sampler.sample()]);
        }
        double bound = range * Math.sqrt(Math.log(2 / falseAlarm) / (2.0 * n)) + 16 * Tolerance.UNIT_ROUNDOFF * mag;
        return new Estimate(sum.sum() / n, bound, n, label(what, falseAlarm));
    }

    private static long samples(double needed, double minDetectable, double falseAlarm) {
        check(falseAlarm, minDetectable);
        if (!(needed <= MAX_SAMPLES)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_TOO_MANY, minDetectable, needed, falseAlarm,
                MAX_SAMPLES));
        }
        return Math.max(1, (long) Math.ceil(needed));
    }

    private static void check(double falseAlarm, double minDetectable) {
        if (!(falseAlarm > 0 && falseAlarm < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_ALPHA, falseAlarm));
        }
        if (!(minDetectable > 0 && minDetectable < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_EPS, minDetectable));
        }
    }

    private static String label(String what, double falseAlarm) {
        return String.format(Locale.ROOT, "Monte Carlo %s, false-alarm rate %s", what, falseAlarm);
    }
}
