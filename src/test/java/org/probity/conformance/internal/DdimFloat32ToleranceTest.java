package org.probity.conformance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.check.Verdict;
import org.probity.conformance.ConformanceChecker;
import org.probity.conformance.ConformanceReport;
import org.probity.conformance.Implementation;
import org.probity.conformance.Op;
import org.probity.conformance.PropertyRun;
import org.probity.conformance.ReportFormat;
import org.probity.conformance.StepLimits;
import org.probity.diffusion.NoiseSchedule;
import org.probity.diffusion.Schedules;

/**
 * Issue 14: ddim_step's float32 tolerance on σ comes from how ᾱ is formed. The ratio r = ᾱ_t/ᾱ_{t'}
 * of a running product (or running sum of logs) carries only the roundings of steps t' + 1..t, so
 * 1 − r has condition number κ(r) r/(1 − r) — not the whole prefix's κ(ᾱ_t) + κ(ᾱ_{t'}) over 1 − r,
 * which late in a long schedule excused a σ off by 20 %. Where 1 − r is near u(float32) (a tiny β
 * mid-schedule) σ and x_prev are not checkable at float32: never a pass, never a false failure.
 */
class DdimFloat32ToleranceTest {
    private static final CaseGens GENS = CaseGens.within(StepLimits.NONE);

    /** ddim_step's reference property on one point (x_t = 0.5, ε = 0.3, noise = 0.7), η = 1. */
    private static Outcome stepAt(Implementation impl, NoiseSchedule s, int t, int tPrev) {
        @SuppressWarnings("unchecked")
        ConformanceProperty<V2Cases.Ddim> p = (ConformanceProperty<V2Cases.Ddim>) SamplerProperties.ddimReference(new V2Gens(GENS), 0);
        V2Cases.Ddim c = new V2Cases.Ddim("test", s, 1.0, List.of(new V2Cases.DdimPoint(t, tPrev, 0.5, 0.3, 0.7, 0)));
        return p.evaluate(new CheckContext(impl, impl.describe().precision()), List.of(c)).get(0);
    }

    private static List<String> failing(Outcome o) {
        return o.checks().stream().filter(v -> !v.passed()).map(Verdict::description).toList();
    }

    @Test
    void aSigmaFivePercentOffLateInALongScheduleFails() {
        // linear, T = 1000, t = 1000 -> 999: 1 - r = beta_1000 = 0.02; kappa(alpha_bar_1000) ~ 4.4e3 made the old
        // allowance 16 u (kappa(alpha_bar_t) + kappa(alpha_bar_t')) / (2 beta) ~ 21 % of sigma; the step's own
        // roundings are ~ (|log alpha_bar_1000| + 4) u / beta, an allowance of ~ 0.04 %
        NoiseSchedule s = Schedules.linear(1000);
        Outcome wrong = stepAt(ConventionalFloat32.withSigmaFactor(1.05f), s, 1000, 999);
        assertThat(wrong.unresolved()).isEmpty();
        assertThat(failing(wrong)).contains("std[0]").doesNotContain("mean[0]");
        Outcome right = stepAt(new ConventionalFloat32(), s, 1000, 999);
        assertThat(right.unresolved()).isEmpty();
        assertThat(failing(right)).isEmpty();
        assertThat(right.checks()).allSatisfy(v -> assertThat(Comparison.usage(v)).as(v.description()).isLessThan(0.5));
        // and a long jump t' = 10 shares the prefix up to alpha_bar_10: still resolved, still passes
        assertThat(failing(stepAt(new ConventionalFloat32(), s, 1000, 10))).isEmpty();
        assertThat(failing(stepAt(ConventionalFloat32.withSigmaFactor(1.05f), s, 700, 10))).contains("std[0]");
    }

    @Test
    void whereOneMinusTheRatioIsNearTheFloat32ResolutionSigmaIsNotCheckableNeitherPassNorFail() {
        // beta_51 = 1e-7 mid-schedule: float32 rounds 1 - beta_51 to 1 - 1.19e-7, sigma is ~10 % off in correct code
        double[] betas = new double[100];
        java.util.Arrays.fill(betas, 0.02);
        betas[50] = 1e-7;
        NoiseSchedule s = NoiseSchedule.of(betas);
        for (float factor : new float[] {1f, 0f, 3f}) {
            Outcome o = stepAt(ConventionalFloat32.withSigmaFactor(factor), s, 51, 50);
            assertThat(o.unresolved()).as("factor " + factor).extracting(u -> u.comparison().description())
                .containsExactlyInAnyOrder("std[0]", "x_prev[0]");
            assertThat(o.unresolved().get(0).reason()).startsWith("1 - alpha_bar_51/alpha_bar_50 = 1.00e-07: 16 u(float32) x condition")
                .contains("so float32 arithmetic cannot resolve this quantity for these inputs");
            // the mean does not depend on sigma's accuracy there and is still checked
            assertThat(o.checks()).extracting(Verdict::description).containsExactly("mean[0]");
            assertThat(o.verdict().passed()).isTrue();
        }
        // a step away from the tiny beta is resolved and checked
        Outcome wrong = stepAt(ConventionalFloat32.withSigmaFactor(1.05f), s, 53, 52);
        assertThat(wrong.unresolved()).isEmpty();
        assertThat(failing(wrong)).contains("std[0]");
    }

    @Test
    void correctFloat32DdimPassesEveryDdimPropertyWithItsUnresolvableRegionReportedApart() {
        List<String> seen = new ArrayList<>();
        for (long seed : new long[] {1, 2, 3}) {
            ConformanceReport r = ConformanceChecker.check(new ConventionalFloat32(), ConformanceChecker.options(seed).withTries(100));
            String text = ReportFormat.text(r);
            List<PropertyRun> ddim = r.ops().stream().filter(o -> o.op() == Op.DDIM_STEP).flatMap(o -> o.runs().stream()).toList();
            assertThat(ddim).as(text).hasSizeGreaterThanOrEqualTo(3).allSatisfy(p -> {
                assertThat(p.passed()).as(text).isTrue();
                assertThat(p.maxUsage()).as(p.property()).isLessThan(0.5);
            });
            r.notCheckable().stream().filter(n -> n.op() == Op.DDIM_STEP).forEach(n -> seen.add(n.reason()));
        }
        assertThat(seen).as("the float32 region is met and set apart").isNotEmpty()
            .allSatisfy(reason -> assertThat(reason).contains("u(float32)").contains("cannot resolve this quantity"))
            .anyMatch(reason -> reason.matches("1 - alpha_bar_\\d+/alpha_bar_\\d+ = .*"));
    }
}
