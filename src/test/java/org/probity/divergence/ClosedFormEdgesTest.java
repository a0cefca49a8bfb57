package org.probity.divergence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;
import org.probity.dist.DiagonalGaussian;
import org.probity.dist.DiscretizedGaussian;
import org.probity.dist.Gaussian;
import org.probity.math.HighPrecision;

/**
 * The closed forms on the paths the random accuracy sets do not reach: the Gaussian KL of mixed parameter
 * forms with the log-variance on p's side, cross-entropy and entropy of log-variance Gaussians and of
 * variances where \( 2\pi\sigma^2 \) leaves the normal range, against 64-digit references within the
 * budgets of {@code KlAccuracyTest} and {@code EntropyAccuracyTest}; {@link LibraryDivergences} as
 * exactly the closed forms; {@link Estimate}'s acceptance rule at its edge; each parameter's message.
 */
class ClosedFormEdgesTest {
    private static final Dfp ONE = HighPrecision.of(1);
    private static final Dfp TWO_PI = HighPrecision.field().getPi().multiply(2);
    private static final Dfp TWO_PI_E = TWO_PI.multiply(HighPrecision.exp(ONE));

    /** KL(N(m1, e^l1) || N(m2, v2)): the log-variance on p's side, the variance on q's. */
    private static Dfp klRef(double m1, Dfp v1, double m2, Dfp v2) {
        Dfp r = v1.divide(v2);
        Dfp dm = HighPrecision.of(m1).subtract(HighPrecision.of(m2));
        return r.subtract(ONE).subtract(HighPrecision.log(r)).add(dm.multiply(dm).divide(v2)).divide(2);
    }

    @Test
    void mixedFormsWithTheLogVarianceOnEitherSideKeepNearlyEqualGaussiansAccurate() {
        double[][] cases = {{0, 0.3, 0, 1e-9}, {1, -2.5, 1, 1e-12}, {0.25, 4, -0.5, 0.7}, {-3, 0.1, 2, 0.5}, {0, 40, 0, 1e-6},
            {0, -40, 0, -1e-7}};
        for (double[] c : cases) {
            double logv = c[1];
            // q's variance: nearly e^logv, so that the KL is tiny and every low part counts
            double v = Math.exp(logv) * (1 + c[3]);
            Dfp exactP = HighPrecision.exp(HighPrecision.of(logv));
            Dfp exactQ = HighPrecision.of(v);
            double pLog = Kl.gaussian(Gaussian.ofLogVariance(c[0], logv), Gaussian.of(c[2], v));
            assertThat(HighPrecision.ulpError(pLog, klRef(c[0], exactP, c[2], exactQ))).as("p log form %s", (Object) c)
                .isLessThanOrEqualTo(KlAccuracyTest.GAUSSIAN_BUDGET);
            double qLog = Kl.gaussian(Gaussian.of(c[2], v), Gaussian.ofLogVariance(c[0], logv));
            assertThat(HighPrecision.ulpError(qLog, klRef(c[2], exactQ, c[0], exactP))).as("q log form %s", (Object) c)
                .isLessThanOrEqualTo(KlAccuracyTest.GAUSSIAN_BUDGET);
        }
    }

    /** \( H(p, q) = \tfrac12 (\ln(2\pi\sigma_2^2) + \sigma_1^2/\sigma_2^2 + (\mu_1 - \mu_2)^2/\sigma_2^2) \). */
    private static Dfp crossEntropyRef(double m1, Dfp v1, double m2, Dfp v2) {
        Dfp dm = HighPrecision.of(m1).subtract(HighPrecision.of(m2));
        return HighPrecision.log(TWO_PI.multiply(v2)).add(v1.divide(v2)).add(dm.multiply(dm).divide(v2)).divide(2);
    }

    @Test
    void crossEntropyOfLogVarianceFormsAndOfVariancesOutsideTheNormalRange() {
        double[][] logCases = {{0.5, 1.5, -1, -0.75}, {2, -30, 2.5, -29}, {-1, 3, 4, 2}};
        for (double[] c : logCases) {
            Dfp v1 = HighPrecision.exp(HighPrecision.of(c[1]));
            Dfp v2 = HighPrecision.exp(HighPrecision.of(c[3]));
            double both = CrossEntropy.gaussian(Gaussian.ofLogVariance(c[0], c[1]), Gaussian.ofLogVariance(c[2], c[3]));
            assertThat(HighPrecision.ulpError(both, crossEntropyRef(c[0], v1, c[2], v2))).as("%s", (Object) c)
                .isLessThanOrEqualTo(KlAccuracyTest.GAUSSIAN_BUDGET);
        }
        // 2 pi v2 below the smallest normal and above the largest double
        double[][] cases = {{0, 1e-309, 0, 3e-310}, {1e-160, 2e-310, 0, 1e-309}, {0, 1e308, 1, 1e308}, {5, 3e307, 1, 2e307}};
        for (double[] c : cases) {
            double h = CrossEntropy.gaussian(c[0], c[1], c[2], c[3]);
            assertThat(HighPrecision.ulpError(h, crossEntropyRef(c[0], HighPrecision.of(c[1]), c[2], HighPrecision.of(c[3]))))
                .as("%s", (Object) c).isLessThanOrEqualTo(KlAccuracyTest.GAUSSIAN_BUDGET);
        }
    }

    @Test
    void gaussianEntropyFromLogVariancesAndBeyondTheNormalRange() {
        double[] logVariances = {-700, -2.5, 0, 1e-3, 3, 650};
        for (double l : logVariances) {
            Dfp ref = HighPrecision.log(TWO_PI_E).add(HighPrecision.of(l)).divide(2);
            assertThat(HighPrecision.ulpError(Entropy.gaussianLogVariance(l), ref)).as("log variance %s", l).isLessThanOrEqualTo(2);
            assertThat(Entropy.gaussian(Gaussian.ofLogVariance(0, l))).isEqualTo(Entropy.gaussianLogVariance(l));
        }
        double[] variances = {4.9e-324, 1e-310, 1e308, Double.MAX_VALUE};
        for (double v : variances) {
            Dfp ref = HighPrecision.log(TWO_PI_E.multiply(HighPrecision.of(v))).divide(2);
            assertThat(HighPrecision.ulpError(Entropy.gaussian(v), ref)).as("variance %s", v).isLessThanOrEqualTo(2);
        }
        assertThatThrownBy(() -> Entropy.gaussianLogVariance(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("logVariance: expected a finite number, got NaN");
    }

    @Test
    void theLibraryImplementationIsTheClosedForms() {
        Divergences d = Divergences.library();
        double[] p = {0.2, 0.3, 0.5};
        double[] q = {0.4, 0.4, 0.2};
        DiagonalGaussian a = DiagonalGaussian.of(new double[] {0, 1}, new double[] {1, 2});
        DiagonalGaussian b = DiagonalGaussian.of(new double[] {1, -1}, new double[] {3, 0.5});
        assertThat(d.klCategorical(p, q)).isEqualTo(Kl.categorical(p, q)).isPositive();
        assertThat(d.entropyCategorical(p)).isEqualTo(Entropy.categorical(p)).isPositive();
        assertThat(d.crossEntropyCategorical(p, q)).isEqualTo(CrossEntropy.categorical(p, q)).isPositive();
        assertThat(d.klGaussian(0, 1, 1, 2)).isEqualTo(Kl.gaussian(0, 1, 1, 2)).isPositive();
        assertThat(d.entropyGaussian(2)).isEqualTo(Entropy.gaussian(2)).isPositive();
        assertThat(d.crossEntropyGaussian(0, 1, 1, 2)).isEqualTo(CrossEntropy.gaussian(0, 1, 1, 2)).isPositive();
        assertThat(d.klDiagonalGaussian(a, b)).isEqualTo(Kl.diagonalGaussian(a, b)).isPositive();
        assertThat(d.entropyDiagonalGaussian(a)).isEqualTo(Entropy.diagonalGaussian(a)).isPositive();
        assertThat(d.crossEntropyDiagonalGaussian(a, b)).isEqualTo(CrossEntropy.diagonalGaussian(a, b)).isPositive();
        assertThat(d.binaryCrossEntropyWithLogit(0.3, -1.7)).isEqualTo(CrossEntropy.binaryWithLogit(0.3, -1.7)).isPositive();
        double[] logits = {0.5, -2, 3};
        assertThat(d.crossEntropyWithLogits(p, logits)).isEqualTo(CrossEntropy.withLogits(p, logits)).isPositive();
        assertThat(d.decoderLogProbabilities(0.1, -3)).containsExactly(DiscretizedGaussian.of(0.1, -3).logProbabilities());
    }

    @Test
    void anEstimateAgreesWithinItsBoundPlusSlackAndWithItsOwnInfiniteValue() {
        Estimate e = new Estimate(1.0, 0.25, 10, "m");
        assertThat(e.agreesWith(1.25, 0)).isTrue();
        assertThat(e.agreesWith(0.75, 0)).isTrue();
        assertThat(e.agreesWith(Math.nextUp(1.25), 0)).isFalse();
        assertThat(e.agreesWith(1.5, 0.25)).isTrue();
        assertThat(e.agreesWith(1.5, 0.2)).isFalse();
        Estimate inf = new Estimate(Double.POSITIVE_INFINITY, 0, 0, "m");
        assertThat(inf.agreesWith(Double.POSITIVE_INFINITY, 0)).isTrue();
        assertThat(inf.agreesWith(1e308, 0)).isFalse();
        assertThat(e).hasToString("1.0 ± 0.25 (m, 10 evaluations)");
        assertThatThrownBy(() -> new Estimate(0, Double.NaN, 0, "x")).hasMessage("errorBound: expected a number >= 0, got NaN");
        assertThat(new Estimate(0, 0, 0, "x").errorBound()).isZero();
    }

    @Test
    void eachParameterIsNamedWhenRefused() {
        refuses(() -> Kl.gaussian(Double.NaN, 1, 0, 1), "m1: expected a finite number, got NaN");
        refuses(() -> Kl.gaussian(0, Double.POSITIVE_INFINITY, 0, 1), "v1: expected a finite number > 0, got Infinity");
        refuses(() -> Kl.gaussian(0, 1, Double.NEGATIVE_INFINITY, 1), "m2: expected a finite number, got -Infinity");
        refuses(() -> Kl.gaussian(0, 1, 0, -1), "v2: expected a finite number > 0, got -1.0");
        refuses(() -> Kl.gaussian(0, 1, 0, Double.POSITIVE_INFINITY), "v2: expected a finite number > 0, got Infinity");
        refuses(() -> Kl.gaussianLogVariance(Double.POSITIVE_INFINITY, 0, 0, 0), "m1: expected a finite number, got Infinity");
        refuses(() -> Kl.gaussianLogVariance(0, Double.NaN, 0, 0), "logv1: expected a finite number, got NaN");
        refuses(() -> Kl.gaussianLogVariance(0, 0, Double.NaN, 0), "m2: expected a finite number, got NaN");
        refuses(() -> CrossEntropy.gaussian(0, 0, 0, 1), "v1: expected a finite number > 0, got 0.0");
        refuses(() -> CrossEntropy.binaryWithLogit(-0.1, 0), "y: expected a probability in [0, 1], got -0.1");
        refuses(() -> CrossEntropy.binaryWithLogit(0.5, Double.NaN), "logit: expected a finite number, got NaN");
        refuses(() -> CrossEntropy.withLogits(new double[] {0.5, 0.5}, new double[] {0, Double.POSITIVE_INFINITY}),
            "logits[1]: expected a finite number, got Infinity");
        refuses(() -> CrossEntropy.diagonalGaussian(DiagonalGaussian.of(new double[] {0}, new double[] {1}),
            DiagonalGaussian.of(new double[] {0, 0}, new double[] {1, 1})), "q: expected dimension 1 (the dimension of p), got 2");
        refuses(() -> CrossEntropy.categorical(new double[] {1}, new double[] {0.5, 0.5}), "q: expected 1 entries (the length of p), got 2");
        // the binary cross-entropy at the ends of [0, 1] is a softplus
        Dfp e2 = HighPrecision.exp(HighPrecision.of(2));
        assertThat(HighPrecision.ulpError(CrossEntropy.binaryWithLogit(0, 2), HighPrecision.log1p(e2))).isLessThanOrEqualTo(1);
        assertThat(HighPrecision.ulpError(CrossEntropy.binaryWithLogit(1, 2), HighPrecision.log1p(ONE.divide(e2))))
            .isLessThanOrEqualTo(1);
    }

    private static void refuses(Runnable r, String message) {
        assertThatThrownBy(r::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
