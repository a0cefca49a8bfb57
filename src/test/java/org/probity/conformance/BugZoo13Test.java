package org.probity.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The bug kinds of issue 13 that the version-1 zoo lacked (q(x_t | x_0) with the wrong noise scale,
 * the posterior variance with α for ᾱ, ᾱ stored in float16, the variance used as the decoder's
 * scale, categorical KL NaN on zeros, a wrong Gaussian KL form): each adapter is flagged on the op of
 * its bug, and run with {@code --fixed} (its corrected twin; for {@code alpha_bar_float16.py},
 * conventional float32 code) passes. {@code adapters/sweep.sh zoo} runs them on more seeds.
 */
class BugZoo13Test {
    /** Which op each adapter's bug lives in. */
    static final Map<String, Op> EXPECTED = Map.ofEntries(
        Map.entry("q_std_as_variance.py", Op.Q_MEAN_VARIANCE),
        Map.entry("posterior_alpha_for_alpha_bar.py", Op.Q_POSTERIOR_MEAN_VARIANCE),
        Map.entry("alpha_bar_float16.py", Op.ALPHAS_CUMPROD),
        Map.entry("decoder_variance_as_scale.py", Op.VB_TERM),
        Map.entry("kl_zero_nan.py", Op.CATEGORICAL_KL),
        Map.entry("kl_log_ratio_sign.py", Op.NORMAL_KL));
    /** Few cases per property keep the suite fast; every bug here is caught in the first cases. */
    static final int TRIES = 8;

    static ConformanceReport run(String file, String... flags) {
        List<String> cmd = new java.util.ArrayList<>(List.of("python3", BugZooTest.ZOO.resolve(file).toString()));
        cmd.addAll(List.of(flags));
        try (SubprocessImplementation impl = SubprocessImplementation.start(cmd, Duration.ofSeconds(60))) {
            return ConformanceChecker.check(impl, ConformanceChecker.options(20261124L).withTries(TRIES).withMaxShrinkSteps(60));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyAdapterIsFlaggedOnItsOpAndItsFixedTwinPasses() {
        return EXPECTED.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            ConformanceReport bug = run(e.getKey());
            List<Op> failing = bug.ops().stream().filter(o -> !o.passed()).map(OpResult::op).toList();
            assertThat(failing).as("failing ops of %s%n%s", e.getKey(), ReportFormat.text(bug)).contains(e.getValue());
            assertThat(bug.findings()).as(ReportFormat.text(bug)).anySatisfy(f -> assertThat(f.op()).isEqualTo(e.getValue()));
            ConformanceReport fixed = run(e.getKey(), "--fixed");
            assertThat(fixed.findings()).as("the fixed twin of %s%n%s", e.getKey(), ReportFormat.text(fixed)).isEmpty();
            assertThat(fixed.ops().stream().filter(o -> o.op() == e.getValue())).allMatch(OpResult::checked);
        }));
    }
}
