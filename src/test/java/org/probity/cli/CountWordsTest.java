package org.probity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every count the CLI prints takes its noun in the right number: runs that make each count exactly one (one try, one
 * check, one instance, one definition, a counterexample with T = 1) print no "1 checks", "1 tries", "1 steps".
 */
class CountWordsTest {
    /** A count of one followed by a plural noun, as the summaries, headers and counterexamples used to print it. */
    private static final Pattern ONE_PLURAL = Pattern.compile(
        "\\b1 (checks|tries|instances|steps|examples|definitions|items|candidates|values|findings|requests|cases)\\b");

    @TempDir
    Path dir;

    @Test
    void aProbFileWithOneClaimAndOneTry() throws Exception {
        Path file = Files.writeString(dir.resolve("one.prob"), SpecCommandsTest.GOOD.replace("steps 0..1", "steps 1..1"));
        CliRunner.Result r = CliRunner.run("check", file.toString(), "--tries", "1");
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).contains("(seed 20261124, 1 try, shard 1/1)", ": 1 instance", "PASS: 1 check, 0 failed")
            .doesNotContainPattern(ONE_PLURAL.pattern());
    }

    @Test
    void aFailureShrunkToOneStep() throws Exception {
        Path file = Files.writeString(dir.resolve("wrong.prob"),
            "model markov states 2..3 steps 1..3\nclaim \"KL swapped\": KL( q(x_1 | x_0) || p(x_1) ) == KL( p(x_1) "
                + "|| q(x_1 | x_0) )\n");
        CliRunner.Result r = CliRunner.run("check", file.toString());
        assertThat(r.exitCode()).as(r.out()).isEqualTo(ExitCodes.FAILS);
        assertThat(r.out()).contains("K = 2 states, T = 1 step\n", "FAIL: 1 check, 1 failed")
            .doesNotContainPattern(ONE_PLURAL.pattern());
    }

    @Test
    void aDocumentWithOneDefinitionAndOneTry() throws Exception {
        Path file = Files.writeString(dir.resolve("one.md"), "<!-- probity: model markov states 2..2 steps 1..1 -->\n"
            + "$$ L := D_{\\text{KL}}(q(\\mathbf{x}_0) \\parallel p_\\theta(\\mathbf{x}_0)) $$\n"
            + "$$ L \\geq 0 $$\n");
        CliRunner.Result r = CliRunner.run("check", file.toString(), "--tries", "1");
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).contains("1 definition", "1 instance").doesNotContainPattern(ONE_PLURAL.pattern());
    }

    @Test
    void verifyOfOneIdentityWithOneTry() {
        CliRunner.Result r = CliRunner.withCatalog(TestIdentities::passing, "verify", "--tries", "1", "--specs",
            dir.toString(), "--report", dir.resolve("reports").toString());
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).contains("PASS: the 1 check holds (seed 20261124, 1 try, shard 1/1")
            .doesNotContainPattern(ONE_PLURAL.pattern());
    }
}
