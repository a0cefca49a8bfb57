package org.probity.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of {@link StandardNormal} against {@link HighPrecision#logNormalCdf} and
 * {@link HighPrecision#logNormalProbability} (64 digits), max and RMS ulps per dataset.
 */
class StandardNormalAccuracyTest {
    private static final long SEED = 77L;
    private static final int N = 200;
    /**
     * Budgets for log Φ and interval log probabilities: max 3 ulps (measured 1.45–2.10 over the
     * datasets, each printed), RMS 1 ulp (measured 0.47–0.80).
     */
    private static final double BUDGET = 3;
    private static final double BUDGET_RMS = 1;

    private static UniformRandomProvider rng(int stream) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {SEED, stream});
    }

    @Test
    void logCdfFromTheFarLowerTailToTheUpperTail() {
        UniformRandomProvider r = rng(1);
        UlpStats low = UlpStats.of("logCdf z in -[2^-30, 2^9)");
        UlpStats high = UlpStats.of("logCdf z in +[2^-30, 2^5)");
        for (int i = 0; i < N; i++) {
            double z = -LogSpaceAccuracyTest.magnitude(r, -30, 9);
            low.add("z=" + z, StandardNormal.logCdf(z), HighPrecision.logNormalCdf(HighPrecision.of(z)));
            double y = LogSpaceAccuracyTest.magnitude(r, -30, 5);
            high.add("z=" + y, StandardNormal.logCdf(y), HighPrecision.logNormalCdf(HighPrecision.of(y)));
        }
        low.assertWithin(BUDGET, BUDGET_RMS);
        high.assertWithin(BUDGET, BUDGET_RMS);
    }

    @Test
    void intervalsOfEveryWidthAndPosition() {
        UniformRandomProvider r = rng(2);
        UlpStats narrow = UlpStats.of("logProbability width in [2^-30, 2^-2)");
        UlpStats wide = UlpStats.of("logProbability width in [2^-2, 2^4)");
        UlpStats tail = UlpStats.of("logProbability a in -[8, 300), narrow");
        for (int i = 0; i < N; i++) {
            double a = 12 * (r.nextDouble() - 0.5);
            double b = a + LogSpaceAccuracyTest.magnitude(r, -30, -2);
            narrow.add("(" + a + ", " + b + ")", StandardNormal.logProbability(a, b), ref(a, b));
            double c = 12 * (r.nextDouble() - 0.5);
            double d = c + LogSpaceAccuracyTest.magnitude(r, -2, 4);
            wide.add("(" + c + ", " + d + ")", StandardNormal.logProbability(c, d), ref(c, d));
            double e = -(8 + 292 * r.nextDouble());
            double f = e + LogSpaceAccuracyTest.magnitude(r, -20, 0);
            tail.add("(" + e + ", " + f + ")", StandardNormal.logProbability(e, f), ref(e, f));
        }
        narrow.assertWithin(BUDGET, BUDGET_RMS);
        wide.assertWithin(BUDGET, BUDGET_RMS);
        tail.assertWithin(BUDGET, BUDGET_RMS);
    }

    private static Dfp ref(double a, double b) {
        return HighPrecision.logNormalProbability(HighPrecision.of(a), HighPrecision.of(b));
    }

    @Test
    void specialValues() {
        assertThat(StandardNormal.logCdf(Double.NEGATIVE_INFINITY)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(StandardNormal.logCdf(Double.POSITIVE_INFINITY)).isZero();
        assertThat(StandardNormal.logCdf(Double.NaN)).isNaN();
        assertThat(StandardNormal.logProbability(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)).isZero();
        assertThat(StandardNormal.logProbability(1, 1)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(StandardNormal.logProbability(Double.NaN, 1)).isNaN();
        assertThat(StandardNormal.logProbability(3, Double.POSITIVE_INFINITY)).isEqualTo(StandardNormal.logCdf(-3));
        // far tail: finite where Φ itself underflows; mpmath (dps 40): log(ncdf(-100000)) = -5000000012.431863998274901
        assertThat(Ulps.distance(StandardNormal.logCdf(-1e5), -5000000012.431863998274901)).isLessThanOrEqualTo(1);
        assertThat(StandardNormal.logCdf(-1e200)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(StandardNormal.logCdf(45)).isEqualTo(-0.0);
        assertThatThrownBy(() -> StandardNormal.logProbability(2, 1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("b: expected a number >= a = 2.0, got 1.0");
    }
}
