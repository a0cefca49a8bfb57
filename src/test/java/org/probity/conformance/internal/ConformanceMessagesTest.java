package org.probity.conformance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.probity.check.Gens;
import org.probity.check.Verdict;
import org.probity.conformance.ConformanceChecker;
import org.probity.conformance.Description;
import org.probity.conformance.MeanVariance;
import org.probity.conformance.Op;
import org.probity.conformance.Precision;
import org.probity.conformance.PropertyRun;
import org.probity.conformance.StepLimits;
import org.probity.diffusion.NoiseSchedule;

/**
 * Issue 13, faults 4 and 8: the log-variance consistency tolerance follows exp's conditioning;
 * ulps appear only where they measure accuracy; a finding says which side is Probity's reference.
 */
class ConformanceMessagesTest {
    private static final CheckContext F64 = new CheckContext(null, Precision.FLOAT64);

    @Test
    void expOfACorrectlyRoundedLogOfATinyVarianceIsConsistent() {
        // v near 7.5e-37, L = log v correctly rounded (|L| = 83): exp(L) is off by up to |L| u relative.
        // The old rule, 16 u x 2 kappa with kappa = 1 (3.55e-15), rejects some of these; exp's conditioning does not.
        int rejectedByOldRule = 0;
        for (int k = 0; k < 2000; k++) {
            double v = 7.5e-37 * (1 + k * 0x1.0p-20);
            double log = Math.log(v);
            double back = Math.exp(log);
            Verdict old = Comparison.of("exp(log_variance[0]) vs variance", back, v, F64.rel(2));
            rejectedByOldRule += old.passed() ? 0 : 1;
            Verdict now = Comparison.of("exp(log_variance[0]) vs variance", back, v,
                F64.rel(ScheduleProperties.expOfLog(1, log)));
            assertThat(now.passed()).as("v = %s, L = %s: %s", v, log, now).isTrue();
        }
        assertThat(rejectedByOldRule).isPositive();
        // and the rule still rejects a log-variance one part in 1e12 off
        double v = 7.5e-37;
        assertThat(Comparison.of("x", Math.exp(Math.log(v) + 1e-12), v, F64.rel(ScheduleProperties.expOfLog(1, Math.log(v))))
            .passed()).isFalse();
    }

    @Test
    void aFindingSaysWhichSideIsTheReferenceAndNeverCallsTheImplementationsOwnNanExpected() {
        Verdict self = Comparison.of("variance[0]", 0.5, Double.NaN, F64.rel(4));
        assertThat(Comparison.render(self, false, Precision.FLOAT64)).contains("implementation 0.5, from its own answers NaN")
            .doesNotContain("expected");
        Verdict ref = Comparison.of("variance[0]", 0.5, 0.25, F64.rel(4));
        assertThat(Comparison.render(ref, true, Precision.FLOAT64)).contains("implementation 0.5, reference 0.25");
    }

    @Test
    void ulpsArePrintedOnlyWhereTheyMeasureAccuracy() {
        // a sign crossing (9.2e18 "ulps"), a NaN side ("∞ ulps"), an absolute rule: no ulp count
        assertThat(Comparison.render(Comparison.of("m[0]", -1e-300, 1e-300, F64.rel(4)), true, Precision.FLOAT64)).doesNotContain("ulps)");
        assertThat(Comparison.render(Comparison.of("m[0]", Double.NaN, 1.0, F64.rel(4)), true, Precision.FLOAT64)).doesNotContain("ulps)")
            .doesNotContain("∞");
        assertThat(Comparison.render(Comparison.of("kl[0]", 1.0, 0.5, F64.abs(3)), true, Precision.FLOAT64)).doesNotContain("ulps)");
        assertThat(Comparison.render(Comparison.of("v[0]", 1.0 + 0x1.0p-50, 1.0, F64.rel(4)), true, Precision.FLOAT64)).contains("(4 ulps)");
        // a float32 implementation's error is counted in float32 ulps, as its "max ulps" column counts it
        // (before: 3 float32 ulps printed as 1610612736 float64 ulps)
        CheckContext f32 = new CheckContext(null, Precision.FLOAT32);
        double three = (double) Math.nextUp(Math.nextUp(Math.nextUp(1.5f)));
        assertThat(Comparison.render(Comparison.of("v[0]", three, 1.5, f32.rel(4)), true, Precision.FLOAT32))
            .contains("(3 ulps of float32)");
        // the range alternative of a log-variance tolerance is printed once
        assertThat(f32.logOf(2, -3).toString()).containsOnlyOnce("below the float32 normal range");
    }

    /** q(x_t | x_0) in float64 that forms ᾱ_t before its square root (so √ᾱ_t x_0 underflows to 0). */
    static final class SqrtAfterProduct extends ConventionalFloat32 {
        @Override
        public Description describe() {
            return Description.of("sqrt-after-product", EnumSet.of(Op.Q_MEAN_VARIANCE), Precision.FLOAT64);
        }

        @Override
        public MeanVariance qMeanVariance(double[] betas, double[] x0, int[] t) {
            double[] m = new double[t.length];
            double[] v = new double[t.length];
            double[] lv = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                double logAb = 0;
                for (int s = 0; s < t[i]; s++) {
                    logAb += Math.log1p(-betas[s]);
                }
                double ab = Math.exp(logAb);
                m[i] = Math.sqrt(ab) * x0[i];
                v[i] = -Math.expm1(logAb);
                lv[i] = Math.log(v[i]);
            }
            return MeanVariance.of(m, v, lv);
        }
    }

    @Test
    void maxUlpsIgnoresValuesAcceptedOnlyAsBelowTheNormalRange() {
        double[] betas = new double[120];
        Arrays.fill(betas, 0.999);
        // alpha_bar_120 = 1e-360 underflows to 0; sqrt(alpha_bar) x0 = 1e-180 does not
        ScheduleCase c = new ScheduleCase("random", NoiseSchedule.of(betas), List.of(new SchedulePoint(120, 0.75, 0, 0, 0, 0)));
        @SuppressWarnings("unchecked")
        ConformanceProperty<ScheduleCase> q = (ConformanceProperty<ScheduleCase>) ScheduleProperties.qMeanVarianceReference(
            CaseGens.within(StepLimits.NONE));
        ConformanceProperty<ScheduleCase> fixed = ConformanceProperty.of(q.name(), q.op(), q.kind(), Set.of(), Gens.constant(c),
            q::evaluate, q::show);
        SqrtAfterProduct impl = new SqrtAfterProduct();
        PropertyRun run = PropertyRunner.run(fixed, new CheckContext(impl, Precision.FLOAT64), ConformanceChecker.options(3)
            .withTries(1)).orElseThrow();
        assertThat(run.passed()).isTrue();
        assertThat(run.maxUlps()).isLessThan(1L << 52);
    }
}
