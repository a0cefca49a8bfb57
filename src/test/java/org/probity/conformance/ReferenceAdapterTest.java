package org.probity.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain-Python reference adapter passes every property: no false alarms. */
class ReferenceAdapterTest {
    static final List<String> REFERENCE = List.of("python3", "adapters/python/reference.py");

    @Test
    void referencePassesEveryPropertyAtOneSeedWithManyCases() {
        try (SubprocessImplementation impl = SubprocessImplementation.start(REFERENCE, Duration.ofSeconds(20))) {
            ConformanceReport r = ConformanceChecker.check(impl, ConformanceChecker.options(7).withTries(30));
            assertThat(r.findings()).as(ReportFormat.text(r)).isEmpty();
            assertThat(r.ops()).allMatch(OpResult::checked);
            assertThat(r.ops().stream().flatMap(o -> o.skipped().stream())).as("skipped properties").isEmpty();
            // every quantity stays well inside its tolerance: a correct implementation is not near the edge
            assertThat(r.ops()).allMatch(o -> o.maxUsage() < 0.5, "max err/tol < 0.5");
            // float64 resolves every quantity of the schedules check-impl draws (β >= 1e-9) but one: DDIM's
            // x0_hat = (x_t - sqrt(1 - alpha_bar_t) eps)/sqrt(alpha_bar_t) from an x_t made from x_0, where runs of
            // β near 1 take alpha_bar_t below ~1e-20 and 1/sqrt(alpha_bar_t) amplifies x_t's roundings past the mean
            assertThat(r.notCheckable()).as(ReportFormat.text(r)).allSatisfy(n -> {
                assertThat(n.op()).isEqualTo(Op.DDIM_STEP);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^x0_hat divides by sqrt\\(alpha_bar_\\d+\\) = (\\S+) ")
                    .matcher(n.reason());
                assertThat(m.find()).as(n.reason()).isTrue();
                assertThat(Double.parseDouble(m.group(1))).as(n.reason()).isLessThan(1e-10);
            });
        }
    }

    @Test
    void referenceIsNeverFlaggedAcrossTwentySeeds() {
        // one adapter process, 20 independent seeds of few cases each (the 20-seed false-alarm check)
        try (SubprocessImplementation impl = SubprocessImplementation.start(REFERENCE, Duration.ofSeconds(20))) {
            double worst = 0;
            for (long seed = 1; seed <= 20; seed++) {
                ConformanceReport r = ConformanceChecker.check(impl, ConformanceChecker.options(seed * 1_000_003L).withTries(3));
                assertThat(r.findings()).as("seed %d:%n%s", seed, ReportFormat.text(r)).isEmpty();
                worst = Math.max(worst, r.ops().stream().mapToDouble(OpResult::maxUsage).max().orElse(0));
            }
            System.out.printf("reference adapter, 20 seeds x 3 cases per property: largest err/tol %.3g%n", worst);
        }
    }
}
