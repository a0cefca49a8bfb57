package org.probity.diffusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.probity.divergence.Kl;
import org.probity.math.Constants;
import org.probity.math.Tolerance;

/**
 * The terms of {@link GaussianDiffusion#exactVlb(double[], LinearGaussianReverse)} at image scale
 * (D = 3072, T = 1000) against exact sums: each step term is
 * \( \tfrac12 \sum_n (k_t + (u_t x_n - h_t)^2 w_t) \) over the double coefficients the method forms
 * (the same expressions, evaluated here), summed in exact decimal arithmetic (BigDecimal: products and
 * sums of doubles without rounding, one rounding at the end). That isolates the sum over the D
 * dimensions, which {@link DataMoments} evaluates from the centred moments.
 *
 * <p>Error unit: \( u \cdot |L| \) of the term itself (every term is a sum of nonnegative parts).
 * Budget {@value #BUDGET} roundings (DataMoments: about 8); measured maxima are printed. Steps 1, 2, 3,
 * every {@value #STRIDE}th and T are compared (all T are computed).
 */
class GaussianExactVlbAccuracyTest {
    static final double BUDGET = 8;
    private static final int STEPS = 1000;
    private static final int DIMS = 3072;
    /** Steps 1, 2, 3, then every this many, then T are checked (the exact sums cost O(D) BigDecimal operations each). */
    private static final int STRIDE = 111;
    private static final MathContext EXACT = MathContext.UNLIMITED;

    @Test
    void stepTermsAgainstExactSumsAtImageScale() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261130L);
        NoiseSchedule s = Schedules.linear(STEPS);
        LinearGaussianReverse eps = org.probity.bench.GaussianVlbBenchmark.epsModel(s);
        double[] grid = new double[DIMS];
        double[] shifted = new double[DIMS];
        for (int n = 0; n < DIMS; n++) {
            grid[n] = rng.nextInt(256) / 127.5 - 1;
            shifted[n] = 1000 + rng.nextDouble(); // a large mean beside a small spread
        }
        double worst = 0;
        worst = Math.max(worst, check("grid image, eps-model", s, eps, grid));
        worst = Math.max(worst, check("shifted data, eps-model", s, eps, shifted));
        // offsets h_t = u_t c: the model mean matches the posterior mean at the data's centre, so every
        // u_t x_n - h_t is small beside its parts (the cancellation the per-dimension loop suffered)
        double[] nearlyConstant = new double[DIMS];
        for (int n = 0; n < DIMS; n++) {
            nearlyConstant[n] = 0.3 + 0x1p-30 * (rng.nextDouble() - 0.5);
        }
        // the true reverse mean coefficients and variance (k_t = 0 from step 2), offsets h_t = u_t c: the model mean
        // matches the posterior mean at the data's centre, so every u_t x_n - h_t is small beside its parts (the
        // cancellation the per-dimension loop suffers) and the term is the sum of their squares alone
        double[] g = new double[STEPS];
        double[] h = new double[STEPS];
        double[] lv = new double[STEPS];
        for (int t = 1; t <= STEPS; t++) {
            g[t - 1] = t == 1 ? eps.gain(1) : s.posteriorMeanCoefXt(t);
            lv[t - 1] = t == 1 ? eps.logVariance(1) : s.logPosteriorVariance(t);
            h[t - 1] = t == 1 ? 0 : s.posteriorMeanCoefX0(t) * 0.3;
        }
        LinearGaussianReverse centred = LinearGaussianReverse.of(g, h, lv, 0, 1);
        worst = Math.max(worst, check("nearly constant data, means matched at 0.3", s, centred, nearlyConstant));
        System.out.printf(Locale.ROOT, "[accuracy] exact Gaussian VLB terms, T = %d, D = %d: max error %.3f u |term|%n",
            STEPS, DIMS, worst);
    }

    /** The per-dimension models agree with the shared one where they coincide (the D = 1 path of the moments). */
    @Test
    void singleDimensionTermsAgainstExactValues() {
        NoiseSchedule s = Schedules.cosine(50);
        LinearGaussianReverse p = LinearGaussianReverse.trueReverse(s, 0.2, 0.7);
        double worst = 0;
        for (double x : new double[] {-1, -0.25, 0, 0.2, 0.7, 1}) {
            worst = Math.max(worst, check("x0 = " + x, s, p, new double[] {x}));
        }
        assertThat(worst).isLessThanOrEqualTo(BUDGET);
    }

    private static double coefficientU(NoiseSchedule s, LinearGaussianReverse p, int t) {
        if (t == 1) {
            return 1 - p.gain(1) * s.sqrtAlphaBar(1);
        }
        double b = s.posteriorMeanCoefXt(t) - p.gain(t);
        return s.posteriorMeanCoefX0(t) + b * s.sqrtAlphaBar(t);
    }

    /** The largest error of a step or decoder term in units of u |term|; asserts each within the budget. */
    private static double check(String what, NoiseSchedule s, LinearGaussianReverse p, double[] x) {
        VlbTerms terms = GaussianDiffusion.of(s).exactVlb(x, p);
        double[] steps = terms.stepTerms();
        double worst = 0;
        for (int t = 1; t <= s.steps(); t = t < 4 || t == s.steps() ? t + 1 : Math.min(t + STRIDE, s.steps())) {
            double lv = p.logVariance(t);
            double iv = Math.exp(-lv);
            double constant;
            if (t == 1) {
                double g = p.gain(1);
                constant = Constants.LOG_2PI + lv + g * g * s.oneMinusAlphaBar(1) * iv;
            } else {
                double b = s.posteriorMeanCoefXt(t) - p.gain(t);
                constant = 2 * Kl.gaussianLogVariance(0, s.logPosteriorVariance(t), 0, lv) + b * b * s.oneMinusAlphaBar(t) * iv;
            }
            BigDecimal u = new BigDecimal(coefficientU(s, p, t));
            BigDecimal h = new BigDecimal(p.offset(t));
            BigDecimal squares = BigDecimal.ZERO;
            for (double xn : x) {
                BigDecimal m = u.multiply(new BigDecimal(xn), EXACT).subtract(h);
                squares = squares.add(m.multiply(m, EXACT));
            }
            double exact = new BigDecimal(constant).multiply(BigDecimal.valueOf(x.length))
                .add(new BigDecimal(iv).multiply(squares, EXACT)).multiply(new BigDecimal("0.5")).doubleValue();
            double actual = t == 1 ? terms.decoderTerm() : steps[t - 2];
            double e = Math.abs(actual - exact) / (Tolerance.UNIT_ROUNDOFF * Math.abs(exact));
            assertThat(e).as("%s, t = %d: %s vs exact %s", what, t, actual, exact).isLessThanOrEqualTo(BUDGET);
            worst = Math.max(worst, e);
        }
        return worst;
    }
}
