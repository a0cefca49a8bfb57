package org.probity.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: improved-diffusion itself (openai/improved-diffusion) behind
 * adapters/python/examples/improved_diffusion.py, without padding T = 1. The report shows the
 * constructor's IndexError for T = 1 once, the tanh-CDF findings on
 * discretized_gaussian_log_likelihood and on vb_term at t = 1, and no numeric finding on the exact
 * ops. Needs the library's source (a checkout named by the environment variable
 * {@code IMPROVED_DIFFUSION}) and PyTorch for {@code /usr/bin/python3} (Debian's python3-torch);
 * skipped, saying which is missing, without them (CI has neither).
 */
class ImprovedDiffusionTest {
    static final String PYTHON = "/usr/bin/python3";

    @Test
    void theCrashForTEqualsOneIsReportedOnceAndTheTanhCdfIsFoundOnTheDecoderAndVbTermAtTEqualsOne() throws Exception {
        String source = System.getenv("IMPROVED_DIFFUSION");
        assumeTrue(source != null && Files.isRegularFile(Path.of(source, "improved_diffusion", "gaussian_diffusion.py")),
            "skipped: set IMPROVED_DIFFUSION to a checkout of github.com/openai/improved-diffusion to run improved-diffusion's "
                + "check (IMPROVED_DIFFUSION=" + source + ")");
        assumeTrue(Files.isExecutable(Path.of(PYTHON)) && new ProcessBuilder(PYTHON, "-c", "import torch, numpy")
                .redirectErrorStream(true).start().waitFor() == 0,
            "skipped: " + PYTHON + " cannot import torch and numpy (Debian: apt-get install python3-torch)");
        ConformanceReport r;
        try (SubprocessImplementation impl = SubprocessImplementation.start(
                List.of(PYTHON, "adapters/python/examples/improved_diffusion.py"), Duration.ofSeconds(60))) {
            r = ConformanceChecker.check(impl, ConformanceChecker.options(1).withTries(12));
        }
        String text = ReportFormat.text(r);
        System.out.println(text);
        List<Finding> crashes = r.findings().stream().filter(Finding::isCrash).toList();
        assertThat(crashes).as(text).singleElement().satisfies(c -> {
            assertThat(c.detail()).contains("IndexError").contains("index 1 is out of bounds");
            assertThat(c.input()).contains("T = 1,");
        });
        assertThat(r.findings()).as(text).anySatisfy(f -> assertThat(f.op()).isEqualTo(Op.DISCRETIZED_GAUSSIAN_LOG_LIKELIHOOD));
        assertThat(r.findings()).as(text).anySatisfy(f -> {
            assertThat(f.op()).isEqualTo(Op.VB_TERM);
            assertThat(f.quantity()).contains("(t = 1)");
            assertThat(f.input()).doesNotContain("T = 1,");
        });
        // the exact ops: no numeric finding (their only failure is the T = 1 crash)
        assertThat(r.findings().stream().filter(f -> !f.isCrash()).map(Finding::op).toList()).as(text)
            .isSubsetOf(Set.of(Op.DISCRETIZED_GAUSSIAN_LOG_LIKELIHOOD, Op.VB_TERM));
        assertThat(r.findings()).as(text).filteredOn(f -> f.op() == Op.DISCRETIZED_GAUSSIAN_LOG_LIKELIHOOD).singleElement()
            .satisfies(f -> assertThat(f.difference()).isBetween(1e-4, 1e-2));
    }
}
