package org.probity.divergence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.probity.dist.Categorical;
import org.probity.dist.Gaussian;
import org.probity.math.Tolerance;

/**
 * {@link MonteCarlo}'s sample sizes and declared bounds are the ones its class comment derives: each n is
 * the least whose tail bound reaches the false-alarm rate (checked on both sides, n and n - 1), the
 * estimates draw exactly that many samples and declare that bound plus the stated rounding allowance,
 * the spreads are the standard deviations of the integrands (checked by quadrature), and bad input is
 * refused on every path.
 */
class MonteCarloDerivationTest {
    private static final double ALPHA = 1e-9;

    /** Hoeffding's two-sided tail at deviation t for n samples of range R: \( 2 e^{-2 n t^2 / R^2} \). */
    private static double hoeffdingTail(long n, double t, double range) {
        return 2 * Math.exp(-2 * n * t * t / (range * range));
    }

    @Test
    void hoeffdingSampleSizeIsTheLeastNWhoseTailAtHalfTheErrorIsAlpha() {
        double[][] cases = {{3, 0.1}, {0.5, 0.02}, {7.25, 1}, {1, 0.3}};
        for (double[] c : cases) {
            long n = MonteCarlo.hoeffdingSampleSize(c[0], ALPHA, c[1]);
            assertThat(hoeffdingTail(n, c[1] / 2, c[0])).as("R = %s, eps = %s", c[0], c[1]).isLessThanOrEqualTo(ALPHA * (1 + 1e-12));
            assertThat(hoeffdingTail(n - 1, c[1] / 2, c[0])).as("R = %s, eps = %s", c[0], c[1]).isGreaterThan(ALPHA);
        }
        // a constant integrand needs one sample
        assertThat(MonteCarlo.hoeffdingSampleSize(0, ALPHA, 0.1)).isEqualTo(1);
    }

    @Test
    void gaussianSampleSizeIsTheLeastNWithTheBoundWithinHalfTheError() {
        double[][] cases = {{0, 2, 0.05}, {5, 0, 0.1}, {-1, -0.5, 0.02}, {0.01, 3, 0.5}, {2.5, 0.25, 1e-3}};
        for (double[] c : cases) {
            long n = MonteCarlo.gaussianSampleSize(c[0], c[1], ALPHA, c[2]);
            assertThat(MonteCarlo.gaussianBound(c[0], c[1], ALPHA, n)).as("c1 %s c2 %s eps %s", c[0], c[1], c[2])
                .isLessThanOrEqualTo(c[2] / 2 * (1 + 1e-12));
            assertThat(MonteCarlo.gaussianBound(c[0], c[1], ALPHA, n - 1)).as("c1 %s c2 %s eps %s", c[0], c[1], c[2])
                .isGreaterThan(c[2] / 2);
        }
        // B(n) written out with x = ln(4/alpha): |c1| sqrt(2x/n) + |c2| (2 sqrt(x/n) + 2x/n)
        double x = Math.log(4 / ALPHA);
        assertThat(MonteCarlo.gaussianBound(-0.5, 0, ALPHA, 100)).isEqualTo(0.5 * Math.sqrt(2 * x / 100));
        assertThat(MonteCarlo.gaussianBound(0, -2, ALPHA, 50)).isEqualTo(2 * (2 * Math.sqrt(x / 50) + 2 * x / 50));
        // beyond the range of long: saturates
        assertThat(MonteCarlo.gaussianSampleSize(1, 1, ALPHA, 1e-300)).isEqualTo(Long.MAX_VALUE);
        assertThat(MonteCarlo.hoeffdingSampleSize(1, ALPHA, 1e-300)).isEqualTo(Long.MAX_VALUE);
    }

    /** The spreads are the standard deviations of the integrands, here by 20-point Gauss-Legendre quadrature. */
    @Test
    void spreadsAreTheStandardDeviationsOfTheIntegrands() {
        Gaussian[][] pairs = {{Gaussian.of(0.3, 0.5), Gaussian.of(-1, 2)}, {Gaussian.of(2, 3), Gaussian.of(0.5, 0.25)}};
        for (Gaussian[] pq : pairs) {
            Gaussian p = pq[0];
            Gaussian q = pq[1];
            double kl = Kl.gaussian(p, q);
            double klVariance = Quadrature.expectation(p, x -> Math.pow(p.logDensity(x) - q.logDensity(x) - kl, 2),
                x -> 1, "variance").value();
            assertThat(MonteCarlo.gaussianKlSpread(p, q)).isCloseTo(Math.sqrt(klVariance), relative(1e-12));
            double h = CrossEntropy.gaussian(p, q);
            double ceVariance = Quadrature.expectation(p, x -> Math.pow(-q.logDensity(x) - h, 2), x -> 1, "variance").value();
            assertThat(MonteCarlo.gaussianCrossEntropySpread(p, q)).isCloseTo(Math.sqrt(ceVariance), relative(1e-12));
        }
    }

    private static org.assertj.core.data.Percentage relative(double fraction) {
        return org.assertj.core.data.Percentage.withPercentage(100 * fraction);
    }

    /**
     * The Gaussian estimates draw the derived n for c1 = ab and c2 = (b^2 - 1)/2 (KL) or b^2/2 (cross-entropy)
     * and declare B(n) plus 16u times the mean magnitude of the log densities (a few units here, so under 1e-13).
     */
    @Test
    void gaussianEstimatesDrawTheDerivedSampleAndDeclareTheDerivedBound() {
        Gaussian p = Gaussian.of(1.5, 1);
        Gaussian q = Gaussian.of(-0.5, 0.25);
        double a = (1.5 - -0.5) / 0.5;
        double b = 1 / 0.5;
        double eps = 0.5;
        Estimate kl = MonteCarlo.klGaussian(p, q, ALPHA, eps, KlAccuracyTest.rng(40));
        long n = MonteCarlo.gaussianSampleSize(a * b, (b * b - 1) / 2, ALPHA, eps);
        assertThat(kl.evaluations()).isEqualTo(n);
        double rounding = kl.errorBound() - MonteCarlo.gaussianBound(a * b, (b * b - 1) / 2, ALPHA, n);
        assertThat(rounding).isPositive().isLessThan(1e-13);
        assertThat(kl.method()).isEqualTo("Monte Carlo KL, false-alarm rate 1.0E-9");
        assertThat(kl.agreesWith(Kl.gaussian(p, q), 0)).as("%s", kl).isTrue();

        Estimate ce = MonteCarlo.crossEntropyGaussian(p, q, ALPHA, eps, KlAccuracyTest.rng(41));
        long m = MonteCarlo.gaussianSampleSize(a * b, b * b / 2, ALPHA, eps);
        assertThat(ce.evaluations()).isEqualTo(m);
        double ceRounding = ce.errorBound() - MonteCarlo.gaussianBound(a * b, b * b / 2, ALPHA, m);
        assertThat(ceRounding).isPositive().isLessThan(1e-13);
        assertThat(ce.method()).isEqualTo("Monte Carlo cross-entropy, false-alarm rate 1.0E-9");
        assertThat(ce.agreesWith(CrossEntropy.gaussian(p, q), 0)).as("%s", ce).isTrue();
    }

    /**
     * The categorical estimates size the sample by the range of the integrand over the support of p only
     * (an entry with p_i = 0 is never drawn), declare \( R\sqrt{\ln(2/\alpha)/(2n)} + 16u \max|f| \), and a
     * constant integrand needs one draw.
     */
    @Test
    void categoricalEstimatesUseTheRangeOverTheSupport() {
        // f = ln(p/q) = [ln 2, ln 2] on the support: constant, one draw, the exact value ln 2
        Categorical p = Categorical.of(0, 0.5, 0.5);
        Categorical q = Categorical.of(0.5, 0.25, 0.25);
        Estimate one = MonteCarlo.klCategorical(p, q, ALPHA, 0.01, KlAccuracyTest.rng(42));
        assertThat(one.evaluations()).isEqualTo(1);
        assertThat(one.value()).isEqualTo(Math.log(0.5) - Math.log(0.25));
        assertThat(one.errorBound()).isEqualTo(16 * Tolerance.UNIT_ROUNDOFF * one.value());
        // cross-entropy f = -ln q = [ln 4, ln 2]: range ln 2
        Categorical r = Categorical.of(0.25, 0.75, 0);
        Categorical s = Categorical.of(0.25, 0.5, 0.25);
        double eps = 0.05;
        Estimate ce = MonteCarlo.crossEntropyCategorical(r, s, ALPHA, eps, KlAccuracyTest.rng(43));
        double range = Math.log(4) - Math.log(2);
        long n = MonteCarlo.hoeffdingSampleSize(range, ALPHA, eps);
        assertThat(ce.evaluations()).isEqualTo(n);
        double t = ce.errorBound() - 16 * Tolerance.UNIT_ROUNDOFF * Math.log(4);
        assertThat(t).isCloseTo(range * Math.sqrt(Math.log(2 / ALPHA) / (2.0 * n)), relative(1e-14));
        // the declared deviation is the one whose Hoeffding tail is alpha
        assertThat(hoeffdingTail(n, t, range)).isCloseTo(ALPHA, relative(1e-9));
        assertThat(ce.method()).isEqualTo("Monte Carlo cross-entropy, false-alarm rate 1.0E-9");
        assertThat(ce.agreesWith(CrossEntropy.categorical(r, s), 0)).as("%s", ce).isTrue();
        // support mismatch: +inf without sampling
        Estimate inf = MonteCarlo.crossEntropyCategorical(r, Categorical.of(0.5, 0, 0.5), ALPHA, eps, KlAccuracyTest.rng(44));
        assertThat(inf.value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(inf.evaluations()).isZero();
        assertThat(inf.method()).isEqualTo("Monte Carlo cross-entropy, false-alarm rate 1.0E-9, support mismatch");
    }

    @Test
    void badInputIsRefusedOnEveryPath() {
        Gaussian p = Gaussian.of(0, 1);
        Categorical a = Categorical.of(0.5, 0.5);
        Categorical mismatch = Categorical.of(1, 0);
        String alpha = "falseAlarm: expected a probability in (0, 1), got ";
        String eps = "minDetectable: expected a finite number > 0, got ";
        refuses(() -> MonteCarlo.hoeffdingSampleSize(1, 1, 0.1), alpha + "1.0");
        refuses(() -> MonteCarlo.hoeffdingSampleSize(1, 0.5, Double.POSITIVE_INFINITY), eps + "Infinity");
        refuses(() -> MonteCarlo.gaussianSampleSize(1, 1, ALPHA, 0), eps + "0.0");
        refuses(() -> MonteCarlo.twoSidedQuantile(1), alpha + "1.0");
        refuses(() -> MonteCarlo.klGaussian(p, p, 1.5, 0.1, KlAccuracyTest.rng(1)), alpha + "1.5");
        refuses(() -> MonteCarlo.klGaussian(p, p, ALPHA, Double.POSITIVE_INFINITY, KlAccuracyTest.rng(1)), eps + "Infinity");
        refuses(() -> MonteCarlo.crossEntropyGaussian(p, p, 1, 0.1, KlAccuracyTest.rng(1)), alpha + "1.0");
        refuses(() -> MonteCarlo.crossEntropyGaussian(p, p, ALPHA, Double.POSITIVE_INFINITY, KlAccuracyTest.rng(1)),
            eps + "Infinity");
        // also when the answer (+inf) would need no samples
        refuses(() -> MonteCarlo.klCategorical(a, mismatch, 0, 0.1, KlAccuracyTest.rng(1)), alpha + "0.0");
        refuses(() -> MonteCarlo.crossEntropyCategorical(a, mismatch, ALPHA, -1, KlAccuracyTest.rng(1)), eps + "-1.0");
        refuses(() -> MonteCarlo.klCategorical(a, Categorical.of(0.2, 0.3, 0.5), ALPHA, 0.1, KlAccuracyTest.rng(1)),
            "q: expected 2 entries (the length of p), got 3");
        refuses(() -> MonteCarlo.crossEntropyCategorical(a, Categorical.of(1), ALPHA, 0.1, KlAccuracyTest.rng(1)),
            "q: expected 2 entries (the length of p), got 1");
        refuses(() -> MonteCarlo.normalSampleSize(ALPHA, 0, 0.1), "power: expected a probability in (0, 1), got 0.0");
    }

    private static void refuses(Runnable r, String message) {
        assertThatThrownBy(r::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
