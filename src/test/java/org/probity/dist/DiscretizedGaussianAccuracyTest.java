package org.probity.dist;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;
import org.probity.assertions.ProbityAssertions;
import org.probity.math.HighPrecision;
import org.probity.math.NeumaierSum;
import org.probity.math.Tolerance;
import org.probity.math.Tolerances;
import org.probity.math.UlpStats;

/**
 * The 256-bin decoder against 64-digit references (exact bin edges (2k - 256)/255, σ = exp(s) in Dfp,
 * {@link HighPrecision#logNormalProbability}), and the normalization of its probabilities (Ho et al.
 * 2020, eq. 13: the 256 bins partition the real line).
 */
class DiscretizedGaussianAccuracyTest {
    private static final long SEED = 255L;
    /** Measured max 1.9 (sharp) and 3.4 (flat) ulps per unit of condition (printed); budget 4. */
    private static final double BUDGET = 4;
    /** RMS budget of the same datasets: 1 ulp of the conditioned error (measured 0.60–0.73). */
    private static final double BUDGET_RMS = 1;

    private static Dfp[] standardizedEdges(double mean, double logScale, int k) {
        Dfp inv = HighPrecision.exp(HighPrecision.of(-logScale));
        Dfp m = HighPrecision.of(mean);
        Dfp lo = k == 0 ? HighPrecision.of(Double.NEGATIVE_INFINITY)
            : HighPrecision.of(2L * k - 256).divide(255).subtract(m).multiply(inv);
        Dfp hi = k == 255 ? HighPrecision.of(Double.POSITIVE_INFINITY)
            : HighPrecision.of(2L * k - 254).divide(255).subtract(m).multiply(inv);
        return new Dfp[] {lo, hi};
    }

    private static Dfp reference(double mean, double logScale, int k) {
        Dfp[] e = standardizedEdges(mean, logScale, k);
        return HighPrecision.logNormalProbability(e[0], e[1]);
    }

    /**
     * Relative condition number of \( \ln P \) in the quantities the decoder rounds: the standardized
     * edge (edge bins) or the standardized centre c and half-width h (interior bins):
     * \( (|c|\,|\varphi(b) - \varphi(a)| + h(\varphi(a) + \varphi(b))) / (P |\ln P|) \).
     */
    private static double condition(double mean, double logScale, int k, Dfp logP) {
        Dfp[] e = standardizedEdges(mean, logScale, k);
        double lp = HighPrecision.toDouble(logP);
        double a = e[0].toDouble();
        double b = e[1].toDouble();
        double phiA = Double.isInfinite(a) ? 0 : Math.exp(-0.5 * a * a - 0.5 * Math.log(2 * Math.PI) - lp);
        double phiB = Double.isInfinite(b) ? 0 : Math.exp(-0.5 * b * b - 0.5 * Math.log(2 * Math.PI) - lp);
        double k1;
        if (k == 0) {
            k1 = Math.abs(b) * phiB;
        } else if (k == 255) {
            k1 = Math.abs(a) * phiA;
        } else {
            double c = 0.5 * (a + b);
            double h = 0.5 * (b - a);
            k1 = Math.abs(c) * Math.abs(phiB - phiA) + h * (phiA + phiB);
        }
        return k1 / Math.abs(lp);
    }

    private static void add(UlpStats s, DiscretizedGaussian d, int k) {
        Dfp ref = reference(d.mean(), d.logScale(), k);
        s.addConditioned(d + " bin " + k, d.logProbabilityOfBin(k), ref, condition(d.mean(), d.logScale(), k, ref));
    }

    @Test
    void logProbabilitiesMatchTheReferenceFromSharpToFlatDecoders() {
        UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {SEED, 1});
        UlpStats sharp = UlpStats.of("decoder s in [-9, -3] / condition");
        UlpStats flat = UlpStats.of("decoder s in [-3, 3] / condition");
        for (int i = 0; i < 120; i++) {
            double mean = 3 * (r.nextDouble() - 0.5);
            int k = r.nextInt(256);
            int kEdge = r.nextBoolean() ? 0 : 255;
            double s = -9 + 6 * r.nextDouble();
            DiscretizedGaussian d = DiscretizedGaussian.of(mean, s);
            add(sharp, d, k);
            add(sharp, d, kEdge);
            double t = -3 + 6 * r.nextDouble();
            DiscretizedGaussian e = DiscretizedGaussian.of(mean, t);
            add(flat, e, k);
        }
        sharp.assertWithin(BUDGET, BUDGET_RMS);
        flat.assertWithin(BUDGET, BUDGET_RMS);
    }

    @Test
    void theDeepestTailBinIsFiniteAndExact() {
        // mean at the top edge, sigma = e^-9: bin 0 lies ~ 2.4e4 standard deviations away.
        DiscretizedGaussian d = DiscretizedGaussian.of(1, -9);
        double lp = d.logProbabilityOfBin(0);
        assertThat(lp).isFinite().isLessThan(-1e8);
        assertThat(HighPrecision.ulpError(lp, reference(1, -9, 0))).isLessThanOrEqualTo(BUDGET);
    }

    @Test
    void the256ProbabilitiesSumToOne() {
        UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {SEED, 2});
        // 256 probabilities, each within 4 ulps relative, summed with compensation: 256 * 4 u.
        Tolerance rule = Tolerances.roundedSum(256 * 4, 1).named("256 bins x 4 ulps");
        for (int i = 0; i < 200; i++) {
            double mean = 4 * (r.nextDouble() - 0.5);
            double s = -12 + 16 * r.nextDouble();
            double sum = NeumaierSum.sum(DiscretizedGaussian.of(mean, s).probabilities());
            ProbityAssertions.assertThat(sum).as("sum at mean %s, log-scale %s", mean, s).isCloseTo(1, rule);
        }
    }

    @Test
    void pixelValuesSelectTheirBin() {
        DiscretizedGaussian d = DiscretizedGaussian.of(0.2, -2);
        for (int k = 0; k < 256; k++) {
            assertThat(d.logProbability(DiscretizedGaussian.center(k))).isEqualTo(d.logProbabilityOfBin(k));
        }
        assertThat(d.logProbability(-1.0)).isEqualTo(d.logProbabilityOfBin(0));
    }
}
