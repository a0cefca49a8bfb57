package org.probity.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;
import org.probity.assertions.ProbityAssertions;
import org.probity.diffusion.NoiseSchedule;
import org.probity.diffusion.Schedules;
import org.probity.math.HighPrecision;
import org.probity.math.ShortestDouble;
import org.probity.math.Tolerance;
import org.probity.math.Tolerances;

class ScheduleProfileTest {
    private static final double LN2 = Math.log(2);

    /** Ho et al. 2020, §4 (ORACLES.md): L_T per dimension for the DDPM linear schedule, T = 1000. */
    @Test
    void ddpmLinearPriorTermMatchesThePaper() {
        ScheduleProfile p = ScheduleProfile.of("linear", Schedules.linear(1000));
        ScheduleSummary s = p.summary();
        ProbityAssertions.assertThat(s.priorKlBitsEdge())
            .isCloseTo(2.9113e-5, Tolerance.relative(5e-5).named("4 published digits"));
        ProbityAssertions.assertThat(p.priorKl(0) / LN2)
            .isCloseTo(5.87e-10, Tolerance.relative(1e-2).named("3 published digits"));
        assertThat(s.priorKlBitsMean()).isBetween(0.9e-5, 1.1e-5);
        assertThat(s.zeroTerminalSnr()).isFalse();
        assertThat(s.clippedSteps()).isEmpty();
        assertThat(s.betaNonDecreasing()).isTrue();
    }

    /** Nichol and Dhariwal 2021 and Lin et al. 2024 (ORACLES.md). */
    @Test
    void cosineClipsExactlyTheLastStepAndScaledLinearHasTheTerminalSnrFlaw() {
        ScheduleSummary cos = ScheduleProfile.of("cosine", Schedules.cosine(1000)).summary();
        assertThat(cos.clippedSteps()).containsExactly(1000);
        ScheduleSummary sd = ScheduleProfile.of("scaled-linear", Schedules.scaledLinear(1000)).summary();
        ProbityAssertions.assertThat(sd.snrLast())
            .isCloseTo(0.004682, Tolerance.relative(1e-4).named("4 published digits"));
        ScheduleSummary zero = ScheduleProfile.of("zsnr", Schedules.zeroTerminalSnr(Schedules.scaledLinear(1000))).summary();
        assertThat(zero.zeroTerminalSnr()).isTrue();
        assertThat(zero.priorKlBitsMean()).isZero();
        assertThat(zero.clippedSteps()).as("beta_T = 1 is the rescale, not the cosine clip").isEmpty();
    }

    /** L_T at x_0 = 0, ½ (-log(1 - a) - a) with a = ᾱ_T, against 64-digit Dfp from small a to a near 1. */
    @Test
    void priorTermAgainstHighPrecision() {
        for (double a : new double[] {1e-12, 4.0358297653756835E-5, 1e-3, 0.1, 0.4999999999, 0.5, 0.7, 0.999}) {
            double beta = 1 - a;
            Dfp abar = HighPrecision.of(1).subtract(HighPrecision.of(beta)); // the exact ᾱ_1 of the schedule
            Dfp ref = HighPrecision.log(HighPrecision.of(beta)).negate().subtract(abar).divide(2);
            double got = ScheduleProfile.of("one step", NoiseSchedule.of(beta)).priorKl(0);
            ProbityAssertions.assertThat(got).as("a = %s", a)
                .isCloseTo(HighPrecision.toDouble(ref), Tolerance.ulps(8).named("8 ulps"));
        }
    }

    /**
     * Each VLB term against the definition evaluated in 64 digits from the same β values:
     * ½ log(Var(x_{t-1} | x_t) / β̃_t), Var(x_{t-1} | x_t) = V_{t-1} β_t / V_t, V_t = ᾱ_t s + 1 − ᾱ_t.
     */
    @Test
    void vlbTermsAgainstHighPrecisionDefinition() {
        for (NoiseSchedule sch : new NoiseSchedule[] {Schedules.linear(200), Schedules.cosine(200),
                Schedules.zeroTerminalSnr(Schedules.scaledLinear(200))}) {
            ScheduleProfile p = ScheduleProfile.of("s", sch);
            Dfp one = HighPrecision.of(1);
            Dfp s = one.divide(3);
            Dfp abarPrev = one;
            double worst = 0;
            for (int t = 1; t <= sch.steps(); t++) {
                Dfp beta = HighPrecision.of(sch.beta(t));
                Dfp abar = abarPrev.multiply(one.subtract(beta));
                if (t >= 2) {
                    Dfp vPrev = abarPrev.multiply(s).add(one).subtract(abarPrev);
                    Dfp v = abar.multiply(s).add(one).subtract(abar);
                    Dfp condVar = vPrev.multiply(beta).divide(v);
                    Dfp postVar = beta.multiply(one.subtract(abarPrev)).divide(one.subtract(abar));
                    double ref = HighPrecision.toDouble(HighPrecision.log(condVar.divide(postVar)).divide(2));
                    double got = p.vlbTerm(t);
                    worst = Math.max(worst, Math.abs(got - ref) / Math.abs(ref));
                }
                abarPrev = abar;
            }
            // two log1p terms of opposite sign: at most ~2 bits of cancellation (see the Javadoc)
            assertThat(worst).as("worst relative error").isLessThan(64 * Tolerance.UNIT_ROUNDOFF);
        }
    }

    /** The terms telescope: Σ_{t=2}^{T} I(x_0; x_{t-1} | x_t) = I(x_0; x_1) − I(x_0; x_T). */
    @Test
    void vlbTermsSumToTheMutualInformationDrop() {
        NoiseSchedule sch = Schedules.cosine(1000);
        ScheduleProfile p = ScheduleProfile.of("cosine", sch);
        double sum = 0;
        for (int t = 2; t <= 1000; t++) {
            sum += p.vlbTerm(t);
        }
        double s = ScheduleProfile.DATA_VARIANCE;
        double expected = 0.5 * Math.log1p(s * sch.snr(1)) - 0.5 * Math.log1p(s * sch.snr(1000));
        ProbityAssertions.assertThat(sum)
            .isCloseTo(expected, Tolerances.conditioned(1000 * 8, 1).named("T terms, 8 u each"));
        ScheduleCurve c = p.curve();
        assertThat(c.vlbTerms()[0]).isNaN();
        assertThat(c.vlbTerms()[999]).isPositive();
        assertThat(c.logSnr()[0]).isEqualTo(sch.logSnr(1));
    }

    @Test
    void jsonTableIsShortestRoundTripWithNullForMinusInfinity() {
        NoiseSchedule sch = Schedules.linear(1000);
        String json = ScheduleProfile.of("linear", sch).json();
        String first = json.lines().filter(l -> l.contains("\"t\": 1,")).findFirst().orElseThrow();
        assertThat(first).contains("\"beta\": 1.0E-4", "\"logPosteriorVariance\": \"-Infinity\"", "\"posteriorMeanCoefX0\": 1.0",
                "\"posteriorMeanCoefXt\": 0.0", "\"posteriorVariance\": 0.0");
        String second = json.lines().filter(l -> l.contains("\"t\": 2,")).findFirst().orElseThrow();
        assertThat(second).contains("\"logPosteriorVariance\": " + ShortestDouble.toString(sch.logPosteriorVariance(2)));
    }
}
