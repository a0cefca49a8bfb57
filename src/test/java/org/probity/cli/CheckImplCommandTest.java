package org.probity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckImplCommandTest {
    record Run(int code, String out, String err, Duration took) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long t0 = System.nanoTime();
        int code = CheckImplCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString(), Duration.ofNanos(System.nanoTime() - t0));
    }

    @Test
    void referenceAdapterPassesWithExitZeroAndWritesReports(@TempDir Path dir) throws Exception {
        Run r = run("--seed", "11", "--tries", "10", "--report", dir.toString(), "--", "python3", "adapters/python/reference.py");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("python-reference").contains("normal_kl").contains("PASS").doesNotContain("FAIL");
        assertThat(Files.readString(dir.resolve("conformance.json"))).contains("\"passed\" : true").contains("\"op\" : \"vb_term\"");
        assertThat(Files.readString(dir.resolve("summary.json"))).contains("check-impl").contains("vb_term: ");
        assertThat(dir.resolve("junit.xml")).exists();
        assertThat(Files.readString(dir.resolve("conformance.md"))).contains("| `prior_kl` |");
        assertThat(Files.readString(dir.resolve("summary.md"))).contains("prior_kl");
    }

    @Test
    void zooAdapterFailsWithExitOneAndTheShrunkInput() {
        Run r = run("--seed", "3", "--tries", "8", "--", "python3", "adapters/python/zoo/kl_half_missing.py");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL normal_kl").contains("input: [0] mean1 = ").contains("tolerance");
    }

    @Test
    void opsNotListedAreReportedAsNotChecked() {
        Run r = run("--seed", "3", "--tries", "4", "--", "python3", "adapters/python/examples/kl_only.py");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("vb_term\\s+-.*not checked \\(not listed by describe\\)");
        assertThat(r.out()).containsPattern("normal_kl\\s+3 .* pass");
    }

    @Test
    void anOpThisProbityDoesNotKnowIsReportedAsNotCheckedAndTheOthersAreChecked(@TempDir Path dir) throws Exception {
        String script = "import sys; sys.path.insert(0, 'adapters/python'); import reference; from probity_adapter import serve; "
            + "ops = {k: v for k, v in reference.ops().items() if k == 'normal_kl'}; ops['rectified_flow_loss'] = lambda **kw: []; "
            + "serve(ops, name='newer')";
        Run r = run("--seed", "3", "--tries", "4", "--report", dir.toString(), "--", "python3", "-c", script);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).containsPattern("rectified_flow_loss\\s+-.*not checked \\(unknown to this Probity\\)");
        assertThat(r.out()).containsPattern("normal_kl\\s+3 .* pass");
        assertThat(Files.readString(dir.resolve("conformance.json"))).contains("\"op\" : \"rectified_flow_loss\"");
    }

    @Test
    void schedulesStayWithinTheDeclaredLimits() {
        // ops that raise on any T outside 5..30: with the limits declared, nothing is generated there
        String script = "import sys; sys.path.insert(0, 'adapters/python'); import reference; from probity_adapter import serve\n"
            + "base = reference.ops()\n"
            + "def guard(f):\n"
            + "    def g(**kw):\n"
            + "        if not 5 <= len(kw['betas']) <= 30: raise ValueError('T outside 5..30')\n"
            + "        return f(**kw)\n"
            + "    return g\n"
            + "ops = {k: guard(base[k]) for k in ('alphas_cumprod', 'q_mean_variance', 'q_posterior_mean_variance', 'vb_term')}\n"
            + "serve(ops, name='limited', limits={'min_T': 5, 'max_T': 30})";
        Run r = run("--seed", "5", "--tries", "20", "--", "python3", "-c", script);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("declared: limits 5 <= T <= 30").containsPattern("vb_term\\s+3 .* pass");
    }

    @Test
    void crashingAdapterGivesExitTwoWithTheStderrTail() {
        Run r = run("--timeout-ms", "5000", "--", "python3", "adapters/python/faulty/crash.py");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("adapter fault (crash)").contains("exited with code 3").contains("simulated segfault")
            .doesNotContain("at org.probity");
    }

    @Test
    void hangingAdapterGivesExitTwoWithinTheTimeout() {
        // 3 s, not 1 s: on a loaded 2-core machine python3 alone can take a second to answer describe.
        Run r = run("--timeout-ms", "3000", "--", "python3", "adapters/python/faulty/hang.py");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("adapter fault (hang)").contains("within 3000 ms").contains("infinite loop");
        assertThat(r.took()).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void garbagePrintingAdapterGivesExitTwo() {
        Run r = run("--", "python3", "adapters/python/faulty/garbage.py");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("adapter fault (not json)").contains("computing ").contains("logs belong on stderr");
    }

    @Test
    void missingProgramGivesExitTwo() {
        Run r = run("--", "/nonexistent/probity-adapter");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("could not start the adapter command").contains("is not found");
    }

    @Test
    void badOptionsGiveExitTwoNamingTheOption() {
        Run r = run("--tries", "0", "--", "python3", "adapters/python/reference.py");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("probity check-impl: Invalid value for option '--tries': expected a whole number in "
                + "[1, 10000], got '0' (see 'probity check-impl --help')" + System.lineSeparator());
        Run noCommand = run("--tries", "3");
        assertThat(noCommand.code()).isEqualTo(2);
        assertThat(noCommand.err()).contains("COMMAND");
    }

    @Test
    void checkImplIsASubcommandOfProbity() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProbityCli.run(new PrintWriter(out), new PrintWriter(err), "check-impl", "--seed", "2", "--tries", "3", "--",
            "python3", "adapters/python/examples/kl_only.py");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("kl-only");
    }

    /**
     * The normal_kl finding of the zoo's kl_half_missing.py (seed 3, 8 tries): groups 1 property,
     * 2 input, 3 the replay token's hash, 4 its choices.
     */
    private static java.util.regex.Matcher klHalfMissingFinding() {
        Run found = run("--seed", "3", "--tries", "8", "--", "python3", "adapters/python/zoo/kl_half_missing.py");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
            "FAIL normal_kl — (.*)\\n  input: (.*)\\n(?:.*\\n)*?.*--replay ([0-9a-f]{8}):([0-9,]*)\\)").matcher(found.out());
        assertThat(m.find()).as(found.out()).isTrue();
        return m;
    }

    @Test
    void replayRerunsExactlyTheFindingsInputOnTheZooAdapterAndOnTheFixedReference() {
        java.util.regex.Matcher m = klHalfMissingFinding();
        String input = m.group(2);
        String token = m.group(3) + ":" + m.group(4);

        Run replayed = run("--replay", token, "--", "python3", "adapters/python/zoo/kl_half_missing.py");
        assertThat(replayed.code()).as(replayed.err()).isEqualTo(1);
        assertThat(replayed.out()).contains("replaying one input (--replay " + token + ")").contains("input: " + input)
            .contains("1 element-wise evaluation in 1 request").doesNotContain("categorical_kl")
            // the token holds the input, not a seed: the finding printed the default seed and "shrunk in 0 steps"
            .contains("(replayed from --replay " + token + ": the token holds this input, not a seed)")
            .doesNotContain("seed " + org.probity.check.RunConfig.DEFAULT_SEED).doesNotContain("shrunk in");

        Run reference = run("--replay", token, "--", "python3", "adapters/python/reference.py");
        assertThat(reference.code()).as(reference.out() + reference.err()).isZero();
        assertThat(reference.out()).containsPattern("normal_kl\\s+1\\s+1\\s+1\\s.*pass").contains("PASS: 0 findings");
    }

    @Test
    void aReplayTokenCutShortOrExtendedIsRefusedWithExitTwoNotReplayedAsAnotherInput() {
        // the full token fails on the zoo adapter (exit 1); a cut one would read its missing choices as
        // zeros and replay another input, an extended one would ignore choices — either a silent pass
        java.util.regex.Matcher m = klHalfMissingFinding();
        String property = m.group(1);
        String hash = m.group(3);
        String[] choices = m.group(4).split(",");
        assertThat(choices.length).isGreaterThan(2);
        String prefix = "probity check-impl: option '--replay': for '" + property + "', the token '";

        String cut = hash + ":" + String.join(",", java.util.Arrays.copyOf(choices, 2));
        Run shortened = run("--replay", cut, "--", "python3", "adapters/python/zoo/kl_half_missing.py");
        assertThat(shortened.code()).as(shortened.out() + shortened.err()).isEqualTo(2);
        assertThat(shortened.out()).isEmpty();
        assertThat(shortened.err()).isEqualTo(prefix + cut + "' does not replay an input of this property exactly (the "
            + "generator draws more than its 2 choices) (expected the token exactly as the finding printed it) "
            + "(see 'probity check-impl --help')" + System.lineSeparator());

        String extended = hash + ":" + m.group(4) + ",0,5,5,5,5";
        Run longer = run("--replay", extended, "--", "python3", "adapters/python/zoo/kl_half_missing.py");
        assertThat(longer.code()).as(longer.out() + longer.err()).isEqualTo(2);
        assertThat(longer.err()).startsWith(prefix + extended + "' does not replay an input of this property exactly (the "
            + "generator uses " + choices.length + " of its " + (choices.length + 5) + " choices)").hasLineCount(1);

        // a long token is quoted by its start and end, not whole
        String huge = hash + ":" + m.group(4) + ",7".repeat(3000);
        Run hugeRun = run("--replay", huge, "--", "python3", "adapters/python/zoo/kl_half_missing.py");
        assertThat(hugeRun.code()).isEqualTo(2);
        assertThat(hugeRun.err()).startsWith(prefix + huge.substring(0, 40) + "… (" + huge.length() + " characters) …")
            .contains("(the generator uses " + choices.length + " of its " + (choices.length + 3000) + " choices)")
            .hasLineCount(1);
        assertThat(hugeRun.err().length()).isLessThan(600);
    }

    @Test
    void replayTokensThatAreMalformedOrNameNoPropertyGiveExitTwo() {
        Run bad = run("--replay", "zz", "--", "python3", "adapters/python/reference.py");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--replay").contains("expected HASH:CHOICES").contains("'zz'").hasLineCount(1);
        Run unknown = run("--replay", "12345678:0", "--", "python3", "adapters/python/reference.py");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("probity check-impl: option '--replay': the token '12345678:0' names none of "
                + "the properties").hasLineCount(1);
    }

    @Test
    void seedsAreReadLikeVerifyAndCheckReadThemHexadecimalIncluded() {
        Run hex = run("--seed", "0x9E3779B97F4A7C15", "--tries", "3", "--", "python3", "adapters/python/examples/kl_only.py");
        assertThat(hex.code()).as(hex.err()).isZero();
        assertThat(hex.out()).contains("seed " + 0x9E3779B97F4A7C15L + ", 3 cases per property");
        Run dec = run("--seed", Long.toString(0x9E3779B97F4A7C15L), "--tries", "3", "--", "python3",
            "adapters/python/examples/kl_only.py");
        assertThat(dec.out().replaceAll("\\d+\\.\\d+ s.*", "")).isEqualTo(hex.out().replaceAll("\\d+\\.\\d+ s.*", ""));
        Run bad = run("--seed", "0xZZ", "--", "python3", "adapters/python/examples/kl_only.py");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("expected a whole number (decimal, or hexadecimal with 0x), got '0xZZ'");
    }
}
