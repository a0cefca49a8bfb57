package org.probity.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.dfp.DfpMath;
import org.junit.jupiter.api.Test;
import org.probity.math.HighPrecision;
import org.probity.math.UlpStats;

/**
 * {@link NoiseLevels} against an independent 100-digit evaluation of the definitions (Hipparchus
 * {@link DfpMath#pow} and {@link DfpMath#exp} in a 100-digit field, the level index as an exact
 * fraction). Budget {@value #BUDGET} ulp (max): the levels are claimed correctly rounded.
 */
class NoiseLevelsAccuracyTest {
    static final double BUDGET = 1;
    /** RMS budget of every dataset here: 0.5 ulp (measured 0.18-0.30; correct rounding gives about 0.29). */
    static final double BUDGET_RMS = 0.5;
    private static final DfpField WIDE = new DfpField(100);

    static Dfp karras(int i, int n, double sigmaMin, double sigmaMax, double rho) {
        Dfp inv = WIDE.getOne().divide(WIDE.newDfp(rho));
        Dfp hi = DfpMath.pow(WIDE.newDfp(sigmaMax), inv);
        Dfp lo = DfpMath.pow(WIDE.newDfp(sigmaMin), inv);
        Dfp base = hi.add(lo.subtract(hi).multiply(i).divide(n - 1));
        return DfpMath.pow(base, WIDE.newDfp(rho));
    }

    static Dfp exponential(int i, int n, double sigmaMin, double sigmaMax) {
        Dfp hi = DfpMath.log(WIDE.newDfp(sigmaMax));
        Dfp lo = DfpMath.log(WIDE.newDfp(sigmaMin));
        return DfpMath.exp(hi.add(lo.subtract(hi).multiply(i).divide(n - 1)));
    }

    @Test
    void levelsAreCorrectlyRounded() {
        UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {14, 5});
        UlpStats k = UlpStats.of("sigma_schedule karras");
        UlpStats x = UlpStats.of("sigma_schedule exponential");
        for (int c = 0; c < 9; c++) {
            int n = 2 + r.nextInt(c < 6 ? 8 : 30);
            double sigmaMin = c % 3 == 0 ? 0.002 : Math.exp(-8 + 6 * r.nextDouble());
            double sigmaMax = c % 3 == 0 ? 80 : sigmaMin * Math.exp(10 * r.nextDouble());
            double rho = c % 3 == 0 ? 7 : 0.5 + 10 * r.nextDouble();
            double[] ks = NoiseLevels.karras(n, sigmaMin, sigmaMax, rho);
            double[] xs = NoiseLevels.exponential(n, sigmaMin, sigmaMax);
            for (int i = 0; i < n; i++) {
                String in = String.format("n=%d i=%d sigma in [%s, %s] rho=%s", n, i, sigmaMin, sigmaMax, rho);
                k.add(in, ks[i], HighPrecision.parse(karras(i, n, sigmaMin, sigmaMax, rho).toString()));
                x.add(in, xs[i], HighPrecision.parse(exponential(i, n, sigmaMin, sigmaMax).toString()));
            }
        }
        k.assertWithin(BUDGET, BUDGET_RMS);
        x.assertWithin(BUDGET, BUDGET_RMS);
    }

    @Test
    void endpointsOrderAndEdges() {
        double[] s = NoiseLevels.karras(5, 0.002, 80, 7);
        assertThat(s[0]).isEqualTo(80);
        assertThat(s[4]).isEqualTo(0.002);
        for (int i = 1; i < s.length; i++) {
            assertThat(s[i]).isLessThan(s[i - 1]);
        }
        assertThat(NoiseLevels.karras(1, 0.002, 80, 7)).containsExactly(80.0);
        assertThat(NoiseLevels.exponential(3, 1, 100)).containsExactly(100.0, 10.0, 1.0);
        assertThatThrownBy(() -> NoiseLevels.karras(3, 0, 80, 7))
            .hasMessage("sigma_min, sigma_max: expected 0 < sigma_min <= sigma_max < Infinity, got 0.0, 80.0");
        assertThatThrownBy(() -> NoiseLevels.karras(0, 1, 2, 7)).hasMessage("n: expected a number of levels >= 1, got 0");
        assertThatThrownBy(() -> NoiseLevels.karras(2, 1, 2, Double.NaN)).hasMessage("rho: expected a finite number > 0, got NaN");
        assertThat(NoiseLevels.Kind.fromLabel("karras")).contains(NoiseLevels.Kind.KARRAS);
    }
}
