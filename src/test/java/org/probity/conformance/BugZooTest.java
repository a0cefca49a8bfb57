package org.probity.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every adapter of the bug zoo (adapters/python/zoo: the reference with one realistic bug) is flagged,
 * and the op that carries the bug is among the failing ops, with a finding that names it.
 */
class BugZooTest {
    static final Path ZOO = Path.of("adapters/python/zoo");
    /** Few cases per property keep the suite fast; every bug here is caught in the first cases. */
    static final int TRIES = 8;

    /** Which op each zoo adapter's bug lives in. */
    static final Map<String, Op> EXPECTED = Map.ofEntries(
        Map.entry("swapped_posterior_coefficients.py", Op.Q_POSTERIOR_MEAN_VARIANCE),
        Map.entry("alpha_bar_shifted.py", Op.Q_MEAN_VARIANCE),
        Map.entry("beta_for_beta_tilde.py", Op.Q_POSTERIOR_MEAN_VARIANCE),
        Map.entry("kl_half_missing.py", Op.NORMAL_KL),
        Map.entry("kl_reversed.py", Op.CATEGORICAL_KL),
        Map.entry("logvar_as_variance.py", Op.Q_MEAN_VARIANCE),
        Map.entry("log_one_minus_clipped.py", Op.Q_MEAN_VARIANCE),
        Map.entry("edge_bins_closed.py", Op.DISCRETIZED_GAUSSIAN_LOG_LIKELIHOOD),
        Map.entry("zero_log_zero_nan.py", Op.CATEGORICAL_ENTROPY),
        Map.entry("alpha_bar_float32.py", Op.ALPHAS_CUMPROD),
        Map.entry("wrong_bin_width.py", Op.DISCRETIZED_GAUSSIAN_LOG_LIKELIHOOD),
        Map.entry("x0_eps_wrong_sign.py", Op.PREDICT_X0_FROM_EPS),
        Map.entry("prior_wrong_distribution.py", Op.PRIOR_KL),
        Map.entry("tanh_cdf.py", Op.DISCRETIZED_GAUSSIAN_LOG_LIKELIHOOD));

    /**
     * The version-2 zoo (issue 14's bug kinds): each adapter carries one bug in the op named here and,
     * run with {@code --fixed}, is its corrected twin, which must pass.
     */
    static final Map<String, Op> EXPECTED_V2 = Map.ofEntries(
        Map.entry("linear_scaled_unguarded.py", Op.BETA_SCHEDULE),
        Map.entry("cosine_formula_alpha_bar.py", Op.BETA_SCHEDULE),
        Map.entry("ddim_alpha_bar_early.py", Op.DDIM_STEP),
        Map.entry("ddim_final_alpha_bar.py", Op.DDIM_STEP),
        Map.entry("timesteps_shifted.py", Op.INFERENCE_TIMESTEPS),
        Map.entry("min_snr_v_plus_one.py", Op.LOSS_WEIGHT),
        Map.entry("min_snr_max_clamp.py", Op.LOSS_WEIGHT),
        Map.entry("x0_from_v_wrong_sign.py", Op.PREDICT_X0_FROM_V),
        Map.entry("karras_missing_square.py", Op.SIGMA_SCHEDULE),
        Map.entry("absorbing_beta_swapped.py", Op.D3PM_Q_MAT),
        Map.entry("alpha_bar_float16_cache.py", Op.Q_MEAN_VARIANCE));
    /** Cases per property for the version-2 zoo, whose adapters list only the ops around their bug. */
    static final int TRIES_V2 = 20;

    static ConformanceReport check(String file, int tries, String... flags) {
        List<String> cmd = new java.util.ArrayList<>(List.of("python3", ZOO.resolve(file).toString()));
        cmd.addAll(List.of(flags));
        try (SubprocessImplementation impl = SubprocessImplementation.start(cmd, Duration.ofSeconds(20))) {
            return ConformanceChecker.check(impl, ConformanceChecker.options(20261124L).withTries(tries).withMaxShrinkSteps(60));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyVersion2ZooAdapterIsFlaggedOnItsOpAndItsFixedTwinPasses() {
        return EXPECTED_V2.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            ConformanceReport bug = check(e.getKey(), TRIES_V2);
            List<Op> failing = bug.ops().stream().filter(o -> !o.passed()).map(OpResult::op).toList();
            assertThat(failing).as("failing ops of %s%n%s", e.getKey(), ReportFormat.text(bug)).contains(e.getValue());
            Finding f = bug.findings().stream().filter(x -> x.op() == e.getValue()).findFirst().orElseThrow();
            System.out.printf("zoo %-36s flagged on %s%n  %s%n", e.getKey(), failing, f.render().replace("\n", "\n  "));
            ConformanceReport fixed = check(e.getKey(), TRIES_V2, "--fixed");
            assertThat(fixed.findings()).as("the fixed twin of %s%n%s", e.getKey(), ReportFormat.text(fixed)).isEmpty();
            assertThat(fixed.ops().stream().filter(o -> o.op() == e.getValue())).allMatch(OpResult::checked);
        }));
    }

    @Test
    void theZooHasTwentyFiveAdaptersAndEachHasAnExpectedOp() throws IOException {
        try (Stream<Path> files = Files.list(ZOO)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".py")).sorted().toList();
            assertThat(names).hasSizeGreaterThanOrEqualTo(25);
            List<String> expected = new java.util.ArrayList<>(EXPECTED.keySet());
            expected.addAll(EXPECTED_V2.keySet());
            expected.addAll(BugZoo13Test.EXPECTED.keySet());
            assertThat(expected).containsExactlyInAnyOrderElementsOf(names);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyZooAdapterIsFlaggedOnItsOp() {
        return EXPECTED.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            ConformanceReport r;
            try (SubprocessImplementation impl = SubprocessImplementation.start(
                    List.of("python3", ZOO.resolve(e.getKey()).toString()), Duration.ofSeconds(20))) {
                r = ConformanceChecker.check(impl, ConformanceChecker.options(20261124L).withTries(TRIES).withMaxShrinkSteps(60));
            }
            assertThat(r.passed()).as("zoo adapter %s must be flagged", e.getKey()).isFalse();
            List<Op> failing = r.ops().stream().filter(o -> !o.passed()).map(OpResult::op).toList();
            assertThat(failing).as("failing ops of %s", e.getKey()).contains(e.getValue());
            Finding f = r.findings().stream().filter(x -> x.op() == e.getValue()).findFirst().orElseThrow();
            assertThat(f.render()).contains(e.getValue().wireName()).contains("input:");
            System.out.printf("zoo %-36s flagged on %s%n  %s%n", e.getKey(), failing, f.render().replace("\n", "\n  "));
        }));
    }
}
