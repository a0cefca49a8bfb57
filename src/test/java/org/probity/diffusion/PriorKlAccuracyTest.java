package org.probity.diffusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.dfp.DfpMath;
import org.junit.jupiter.api.Test;
import org.probity.math.Ulps;

/**
 * \( L_T = \tfrac12[-\bar\alpha_T - \log(1-\bar\alpha_T) + \bar\alpha_T x_0^2] \) against a 50-digit
 * reference from the same β array (cumulative product in BigDecimal, log by Dfp), for schedules whose
 * \( \bar\alpha_T \) runs from about 1e-9 (cosine) through 4e-5 (DDPM linear) to near 1 (a short
 * schedule of tiny β, where \( 1 - \bar\alpha_T \) is tiny). Naive float64 code loses all digits at
 * x_0 = 0 on the first two (the bracket is \( \bar\alpha_T^2/2 \) and cancels). Budget: 8 ulps.
 */
class PriorKlAccuracyTest {
    private static final MathContext MC = new MathContext(50);
    private static final DfpField FIELD = new DfpField(50);
    private static final long BUDGET_ULPS = 8;
    /** RMS budget over the 20 cases (measured max 2 ulps, RMS 0.95 ulps; printed). */
    private static final double BUDGET_RMS_ULPS = 2;

    @Test
    void priorKlWithinBudget() {
        NoiseSchedule[] schedules = {Schedules.linear(1000), Schedules.cosine(1000), Schedules.scaledLinear(1000),
            Schedules.linear(20, 1e-9, 1e-8), Schedules.linear(50)};
        long worst = 0;
        double sumSquares = 0;
        int cases = 0;
        StringBuilder report = new StringBuilder();
        for (NoiseSchedule s : schedules) {
            BigDecimal a = BigDecimal.ONE;
            for (double b : s.betas()) {
                a = a.multiply(BigDecimal.ONE.subtract(new BigDecimal(b)), MC);
            }
            BigDecimal c = BigDecimal.ONE.subtract(a, MC);
            BigDecimal logC = new BigDecimal(DfpMath.log(FIELD.newDfp(c.toString())).toString());
            for (double x0 : new double[] {0, 0.5, 1, -3}) {
                BigDecimal x = new BigDecimal(x0);
                BigDecimal ref = a.negate().subtract(logC).add(a.multiply(x).multiply(x)).multiply(new BigDecimal("0.5"), MC);
                double actual = GaussianDiffusion.of(s).priorKl(x0);
                long d = Ulps.distance(ref.doubleValue(), actual);
                worst = Math.max(worst, d);
                sumSquares += (double) d * d;
                cases++;
                report.append(String.format(Locale.ROOT, "T=%d abar_T=%.3g x0=%s: L_T=%.6g nats, %d ulps%n", s.steps(),
                    a.doubleValue(), x0, actual, d));
            }
        }
        double rms = Math.sqrt(sumSquares / cases);
        report.append(String.format(Locale.ROOT, "max %d ulps, RMS %.3f ulps over %d cases%n", worst, rms, cases));
        System.out.print(report);
        assertThat(worst).as(report.toString()).isLessThanOrEqualTo(BUDGET_ULPS);
        assertThat(rms).as(report.toString()).isLessThanOrEqualTo(BUDGET_RMS_ULPS);
    }
}
