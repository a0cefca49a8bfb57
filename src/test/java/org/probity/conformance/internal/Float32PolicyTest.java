package org.probity.conformance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.check.Verdict;
import org.probity.conformance.ConformanceChecker;
import org.probity.conformance.ConformanceReport;
import org.probity.conformance.NotCheckable;
import org.probity.conformance.ReportFormat;
import org.probity.conformance.StepLimits;
import org.probity.diffusion.NoiseSchedule;

/**
 * Issue 13, faults 1 and 2: float32 tolerances that cannot become vacuous. Where 16 u(float32) κ
 * reaches 1/2 (1 − ᾱ_t ≈ 1e-9, κ ≈ 2e9) a comparison is "not checkable at float32 for these inputs",
 * with the reason — never a pass; conventional float32 code (ᾱ in float32, 1 − ᾱ by subtraction)
 * passes, with that region reported apart.
 */
class Float32PolicyTest {
    private static final CaseGens GENS = CaseGens.within(StepLimits.NONE);

    /** q(x_t | x_0) of {@code impl} on one point: schedule {@code betas}, timestep t, x_0 = 0.5. */
    private static Outcome qAt(ConventionalFloat32 impl, int t, double... betas) {
        @SuppressWarnings("unchecked")
        ConformanceProperty<ScheduleCase> p = (ConformanceProperty<ScheduleCase>) ScheduleProperties.qMeanVarianceReference(GENS);
        ScheduleCase c = new ScheduleCase("random", NoiseSchedule.of(betas), List.of(new SchedulePoint(t, 0.5, 0, 0, 0, 0)));
        return p.evaluate(new CheckContext(impl, impl.describe().precision()), List.of(c)).get(0);
    }

    private static List<String> passing(Outcome o) {
        return o.checks().stream().filter(Verdict::passed).map(Verdict::description).toList();
    }

    @Test
    void aVarianceClampedToZeroOrALogVarianceAThousandNatsOffIsNeverAPassWhereFloat32CannotResolveIt() {
        ConventionalFloat32 clamped = new ConventionalFloat32((v, lv) -> new float[] {0f, lv - 1000f});
        Outcome tiny = qAt(clamped, 1, 1e-9);
        // before: relative tolerance 1.9e3 and 1.9e3 nats, both "passed"
        assertThat(passing(tiny)).doesNotContain("variance[0]", "log_variance[0]");
        assertThat(tiny.unresolved()).extracting(u -> u.comparison().description())
            .containsExactlyInAnyOrder("variance[0]", "log_variance[0]");
        assertThat(tiny.unresolved().get(0).reason()).startsWith("1 - alpha_bar_1 = 1.00e-09: 16 u(float32) x condition 2.00e+09")
            .contains(">= 1/2, so float32 arithmetic cannot resolve this quantity for these inputs");
        assertThat(tiny.verdict().passed()).as("not checkable is not a failure either").isTrue();
        // where float32 resolves the quantity, the same bug fails
        Outcome resolved = qAt(clamped, 1, 0.02);
        assertThat(resolved.unresolved()).isEmpty();
        assertThat(resolved.checks()).filteredOn(v -> !v.passed()).extracting(Verdict::description)
            .containsExactlyInAnyOrder("variance[0]", "log_variance[0]");
    }

    @Test
    void conventionalFloat32CodePassesAndTheTinyBetaRegionIsReportedAsNotCheckable() {
        ConformanceReport r = ConformanceChecker.check(new ConventionalFloat32(), ConformanceChecker.options(1).withTries(60));
        String text = ReportFormat.text(r);
        // before: FAIL on log_variance -Infinity (q) and on the 0/0 NaN posterior mean
        assertThat(r.findings()).as(text).isEmpty();
        assertThat(r.passed()).isTrue();
        assertThat(r.notCheckable()).as(text).isNotEmpty().allSatisfy(n -> assertThat(n.reason())
            .contains("u(float32)").contains("float32 arithmetic cannot resolve this quantity").contains("1 - alpha_bar_"));
        assertThat(text).contains("NOT CHECKABLE q_mean_variance").containsPattern("q_mean_variance .* pass, \\d+ not checkable")
            .contains("properties with values not checkable at float32");
        NotCheckable q = r.notCheckable().stream().filter(n -> n.property().startsWith("q(x_t | x_0) agrees")).findFirst().orElseThrow();
        assertThat(q.count()).isPositive().isLessThan(q.compared());
        assertThat(q.input()).contains("T = 1").contains("t = 1");
        assertThat(ReportFormat.json(r)).contains("\"not_checkable\" : [ {").contains("\"reason\" : \"1 - alpha_bar_");
    }
}
