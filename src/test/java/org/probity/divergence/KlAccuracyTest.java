package org.probity.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;
import org.probity.math.HighPrecision;
import org.probity.math.UlpStats;

/**
 * Closed-form KL against 64-digit references (the defining sums and formulas evaluated in
 * {@link HighPrecision}), max and RMS ulps per dataset. Budgets: Gaussian max 8 ulps everywhere
 * including KL below \( 10^{-10} \), RMS 1 ulp (measured 0.52–0.80); categorical max 16 ulps for
 * \( K \le 256 \), RMS 1 ulp (measured 0.54–0.58).
 */
class KlAccuracyTest {
    private static final long SEED = 314159L;
    static final double GAUSSIAN_BUDGET = 8;
    static final double GAUSSIAN_RMS = 1;
    static final double CATEGORICAL_BUDGET = 16;
    static final double CATEGORICAL_RMS = 1;

    static UniformRandomProvider rng(int stream) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {SEED, stream});
    }

    static double magnitude(UniformRandomProvider r, int lo, int hi) {
        return Math.scalb(1 + r.nextDouble(), lo + r.nextInt(hi - lo));
    }

    static double sign(UniformRandomProvider r) {
        return r.nextBoolean() ? 1 : -1;
    }

    static Dfp gaussianRef(double m1, double v1, double m2, double v2) {
        Dfp r = HighPrecision.of(v1).divide(HighPrecision.of(v2));
        Dfp dm = HighPrecision.of(m1).subtract(HighPrecision.of(m2));
        Dfp one = HighPrecision.of(1);
        Dfp ratioTerm = r.subtract(one).subtract(HighPrecision.log(r));
        return ratioTerm.add(dm.multiply(dm).divide(HighPrecision.of(v2))).divide(2);
    }

    static Dfp gaussianLogRef(double m1, double l1, double m2, double l2) {
        Dfp x = HighPrecision.of(l1).subtract(HighPrecision.of(l2));
        Dfp dm = HighPrecision.of(m1).subtract(HighPrecision.of(m2));
        Dfp ratioTerm = HighPrecision.expm1(x).subtract(x);
        return ratioTerm.add(dm.multiply(dm).multiply(HighPrecision.exp(HighPrecision.of(l2).negate()))).divide(2);
    }

    @Test
    void gaussianVarianceFormAcrossScales() {
        UniformRandomProvider r = rng(1);
        UlpStats s = UlpStats.of("KL gaussian, general");
        for (int i = 0; i < 800; i++) {
            double m1 = magnitude(r, -20, 10) * sign(r);
            double m2 = r.nextInt(4) == 0 ? m1 : magnitude(r, -20, 10) * sign(r);
            double v1 = magnitude(r, -40, 40);
            double v2 = r.nextInt(4) == 0 ? v1 * (1 + r.nextDouble()) : magnitude(r, -40, 40);
            s.add("(" + m1 + ", " + v1 + ", " + m2 + ", " + v2 + ")", Kl.gaussian(m1, v1, m2, v2), gaussianRef(m1, v1, m2, v2));
        }
        s.assertWithin(GAUSSIAN_BUDGET, GAUSSIAN_RMS);
    }

    @Test
    void gaussianNearlyEqualBelow1e10() {
        UniformRandomProvider r = rng(2);
        UlpStats s = UlpStats.of("KL gaussian, nearly equal (KL < 1e-10)");
        int tiny = 0;
        for (int i = 0; i < 800; i++) {
            double m1 = magnitude(r, -10, 10) * sign(r);
            double v1 = magnitude(r, -30, 30);
            double v2 = v1 * (1 + magnitude(r, -52, -17) * sign(r));
            double m2 = r.nextInt(3) == 0 ? m1 : m1 + Math.sqrt(v1) * magnitude(r, -50, -17) * sign(r);
            double kl = Kl.gaussian(m1, v1, m2, v2);
            tiny += kl < 1e-10 ? 1 : 0;
            s.add("(" + m1 + ", " + v1 + ", " + m2 + ", " + v2 + ")", kl, gaussianRef(m1, v1, m2, v2));
        }
        assertThat(tiny).as("cases with KL < 1e-10").isGreaterThan(700);
        s.assertWithin(GAUSSIAN_BUDGET, GAUSSIAN_RMS);
    }

    @Test
    void gaussianLogVarianceForm() {
        UniformRandomProvider r = rng(3);
        UlpStats s = UlpStats.of("KL gaussian log-variance, general");
        UlpStats near = UlpStats.of("KL gaussian log-variance, nearly equal");
        for (int i = 0; i < 600; i++) {
            double m1 = magnitude(r, -20, 8) * sign(r);
            double m2 = magnitude(r, -20, 8) * sign(r);
            double l1 = 60 * (r.nextDouble() - 0.5);
            double l2 = 60 * (r.nextDouble() - 0.5);
            s.add("(" + m1 + ", " + l1 + ", " + m2 + ", " + l2 + ")", Kl.gaussianLogVariance(m1, l1, m2, l2),
                gaussianLogRef(m1, l1, m2, l2));
            double l3 = l1 + magnitude(r, -50, -10) * sign(r);
            double m3 = m1 + Math.exp(0.5 * l1) * magnitude(r, -50, -10) * sign(r);
            near.add("(" + m1 + ", " + l1 + ", " + m3 + ", " + l3 + ")", Kl.gaussianLogVariance(m1, l1, m3, l3),
                gaussianLogRef(m1, l1, m3, l3));
        }
        s.assertWithin(GAUSSIAN_BUDGET, GAUSSIAN_RMS);
        near.assertWithin(GAUSSIAN_BUDGET, GAUSSIAN_RMS);
    }

    @Test
    void diagonalGaussianAndMixedParameterForms() {
        UniformRandomProvider r = rng(5);
        UlpStats diag = UlpStats.of("KL diagonal gaussian, D in [1, 16]");
        UlpStats mixed = UlpStats.of("KL gaussian objects, variance vs log-variance form");
        for (int i = 0; i < 150; i++) {
            int dim = 1 + r.nextInt(16);
            double[] m1 = new double[dim];
            double[] v1 = new double[dim];
            double[] m2 = new double[dim];
            double[] v2 = new double[dim];
            Dfp ref = HighPrecision.of(0);
            for (int d = 0; d < dim; d++) {
                m1[d] = magnitude(r, -10, 5) * sign(r);
                m2[d] = r.nextBoolean() ? m1[d] : magnitude(r, -10, 5) * sign(r);
                v1[d] = magnitude(r, -20, 20);
                v2[d] = r.nextBoolean() ? v1[d] * (1 + magnitude(r, -40, -1)) : magnitude(r, -20, 20);
                ref = ref.add(gaussianRef(m1[d], v1[d], m2[d], v2[d]));
            }
            diag.add("D=" + dim, Kl.diagonalGaussian(org.probity.dist.DiagonalGaussian.of(m1, v1),
                org.probity.dist.DiagonalGaussian.of(m2, v2)), ref);
            double l2 = Math.log(v2[0]);
            org.probity.dist.Gaussian q = org.probity.dist.Gaussian.ofLogVariance(m2[0], l2);
            Dfp exactV2 = HighPrecision.exp(HighPrecision.of(l2));
            Dfp dm = HighPrecision.of(m1[0]).subtract(HighPrecision.of(m2[0]));
            Dfp rr = HighPrecision.of(v1[0]).divide(exactV2);
            Dfp refMixed = rr.subtract(HighPrecision.of(1)).subtract(HighPrecision.log(rr))
                .add(dm.multiply(dm).divide(exactV2)).divide(2);
            mixed.add("(" + m1[0] + ", " + v1[0] + ", " + m2[0] + ", logv " + l2 + ")",
                Kl.gaussian(org.probity.dist.Gaussian.of(m1[0], v1[0]), q), refMixed);
        }
        diag.assertWithin(GAUSSIAN_BUDGET, GAUSSIAN_RMS);
        mixed.assertWithin(GAUSSIAN_BUDGET, GAUSSIAN_RMS);
    }

    /** A random probability vector with some exact zeros and a spread of magnitudes. */
    static double[] vector(UniformRandomProvider r, int k, boolean zeros) {
        double[] w = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            w[i] = zeros && r.nextInt(5) == 0 ? 0 : magnitude(r, -30, 0);
            sum += w[i];
        }
        if (sum == 0) {
            w[0] = 1;
            sum = 1;
        }
        for (int i = 0; i < k; i++) {
            w[i] /= sum;
        }
        return w;
    }

    static Dfp klRef(double[] p, double[] q) {
        Dfp s = HighPrecision.of(0);
        for (int i = 0; i < p.length; i++) {
            if (p[i] != 0) {
                Dfp a = HighPrecision.of(p[i]);
                s = s.add(a.multiply(HighPrecision.log(a.divide(HighPrecision.of(q[i])))));
            }
        }
        return s;
    }

    @Test
    void categoricalIndependentAndNearlyEqual() {
        UniformRandomProvider r = rng(4);
        UlpStats s = UlpStats.of("KL categorical, K in {2,3,10,256}");
        UlpStats near = UlpStats.of("KL categorical, q = p (1 + eps), K <= 256");
        int[] ks = {2, 3, 10, 256};
        for (int i = 0; i < 120; i++) {
            int k = ks[i % ks.length];
            double[] p = vector(r, k, true);
            double[] q = vector(r, k, false);
            s.add("K=" + k, Kl.categorical(p, q), klRef(p, q));
            double eps = magnitude(r, -45, -8);
            double[] w = new double[k];
            for (int j = 0; j < k; j++) {
                w[j] = p[j] == 0 ? eps * 1e-3 : p[j] * (1 + eps * (2 * r.nextDouble() - 1));
            }
            double[] q2 = org.probity.dist.Categorical.normalized(w).probabilities();
            near.add("K=" + k + " eps=" + eps, Kl.categorical(p, q2), klRef(p, q2));
        }
        s.assertWithin(CATEGORICAL_BUDGET, CATEGORICAL_RMS);
        near.assertWithin(CATEGORICAL_BUDGET, CATEGORICAL_RMS);
    }
}
