package org.probity.conformance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.check.Verdict;
import org.probity.conformance.ConformanceChecker;
import org.probity.conformance.ConformanceReport;
import org.probity.conformance.DdimSteps;
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
        // the mean's coefficient on eps, sqrt(1 - alpha_bar_999 - sigma^2), moves with sigma (by 3.1e-4 here): the
        // mean's tolerance sees it since its relative errors add (multiplied, they allowed an absolute 5.94)
        assertThat(failing(wrong)).contains("std[0]", "mean[0]");
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

    /** The deterministic (η = 0) self property on one point: x_0 = 0.5, ε = 0.3, from t to t' = 0. */
    private static Outcome landsAt(Implementation impl, NoiseSchedule s, int t) {
        @SuppressWarnings("unchecked")
        ConformanceProperty<V2Cases.Ddim> p = (ConformanceProperty<V2Cases.Ddim>) SamplerProperties.ddimDeterministicLandsOnMarginal(
            new V2Gens(GENS), 0);
        V2Cases.Ddim c = new V2Cases.Ddim("test", s, 0.0, List.of(new V2Cases.DdimPoint(t, 0, 0, 0.3, 0, 0.5)));
        return p.evaluate(new CheckContext(impl, impl.describe().precision()), List.of(c)).get(0);
    }

    /** Conventional float32 DDIM that returns a mean of 0 whatever it is asked. */
    private static Implementation zeroMean() {
        return new ConventionalFloat32() {
            @Override
            public DdimSteps ddimStep(double[] betas, int[] t, int[] tPrev, double[] xt, double[] eps, double eta, double[] noise) {
                DdimSteps d = super.ddimStep(betas, t, tPrev, xt, eps, eta, noise);
                double[] std = new double[d.size()];
                double[] xPrev = new double[d.size()];
                for (int i = 0; i < d.size(); i++) {
                    std[i] = d.std(i);
                    xPrev[i] = d.xPrev(i);
                }
                return DdimSteps.of(new double[d.size()], std, xPrev);
            }
        };
    }

    @Test
    void whereOneOverTheRootOfAlphaBarAmplifiesRoundingPastTheMeanTheMeanIsNotCheckableNotAVacuousPass() {
        // beta = 0.9 for 20 steps: alpha_bar_20 = 1e-20; x0_hat = (x_t - sqrt(1 - alpha_bar) eps)/1e-10 carries
        // x_t's float32 roundings times 1e10, so the mean's tolerance was ~1e5 and a mean of 0 passed for a target of 0.5
        double[] betas = new double[20];
        java.util.Arrays.fill(betas, 0.9);
        NoiseSchedule tiny = NoiseSchedule.of(betas);
        for (Implementation impl : List.of(new ConventionalFloat32(), zeroMean())) {
            Outcome o = landsAt(impl, tiny, 20);
            assertThat(o.checks()).as("no verdict where any mean would pass").isEmpty();
            assertThat(o.unresolved()).singleElement().satisfies(u -> assertThat(u.reason())
                .startsWith("x0_hat divides by sqrt(alpha_bar_20) = 1.00e-10").contains("cannot resolve this quantity"));
        }
        // four steps (alpha_bar_4 = 1e-4): resolved; the zero mean fails and the correct one passes
        assertThat(failing(landsAt(zeroMean(), tiny, 4))).containsExactly("mean[0] vs own sqrt(abar_t') x0 + sqrt(1 - abar_t') eps");
        Outcome right = landsAt(new ConventionalFloat32(), tiny, 4);
        assertThat(right.unresolved()).isEmpty();
        assertThat(failing(right)).isEmpty();
    }
}
