package org.probity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input: exit code 2 and exactly one line naming the option, the value and what was expected. */
class BadInputTest {

    private static void assertBadInput(CliRunner.Result r, String line) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo(line + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void negativeTries() {
        assertBadInput(CliRunner.withCatalog(TestIdentities::passing, "verify", "--tries", "-1"),
                "probity verify: Invalid value for option '--tries': expected a whole number >= 1, got '-1' (see 'probity verify --help')");
    }

    @Test
    void zeroAndNonNumericTries() {
        assertBadInput(CliRunner.withCatalog(TestIdentities::passing, "verify", "--tries", "0"),
                "probity verify: Invalid value for option '--tries': expected a whole number >= 1, got '0' (see 'probity verify --help')");
        assertBadInput(CliRunner.withCatalog(TestIdentities::passing, "verify", "--tries=many"),
                "probity verify: Invalid value for option '--tries': expected a whole number >= 1, got 'many' (see 'probity verify --help')");
    }

    @Test
    void shardIndexAboveCount() {
        assertBadInput(CliRunner.withCatalog(TestIdentities::passing, "verify", "--shard", "3/2"),
                "probity verify: Invalid value for option '--shard': expected i/n with 1 <= i <= n (for example 1/4), got '3/2' (see 'probity verify --help')");
    }

    @Test
    void shardZeroBasedOrMalformed() {
        assertBadInput(CliRunner.withCatalog(TestIdentities::passing, "verify", "--shard", "0/2"),
                "probity verify: Invalid value for option '--shard': expected i/n with 1 <= i <= n (for example 1/4), got '0/2' (see 'probity verify --help')");
        assertBadInput(CliRunner.withCatalog(TestIdentities::passing, "verify", "--shard", "2"),
                "probity verify: Invalid value for option '--shard': expected i/n with 1 <= i <= n (for example 1/4), got '2' (see 'probity verify --help')");
    }

    @Test
    void seedThatIsNotAnInteger() {
        assertBadInput(CliRunner.withCatalog(TestIdentities::passing, "verify", "--seed", "1.5"),
                "probity verify: Invalid value for option '--seed': expected a whole number (decimal, or hexadecimal with 0x), got '1.5' (see 'probity verify --help')");
    }

    @Test
    void unknownIdentity() {
        assertBadInput(CliRunner.withCatalog(TestIdentities::passing, "verify", "--only", "kl.nonnegativ"),
                "probity verify: unknown identity 'kl.nonnegativ' for option '--only' (expected an identity or spec file name; 'probity verify --list' lists them)");
    }

    @Test
    void replayWithoutExactlyOneIdentity() {
        assertBadInput(CliRunner.withCatalog(TestIdentities::passing, "verify", "--replay", "12345678:1"),
                "probity verify: option '--replay' needs exactly one identity in '--only', got 0 (see 'probity verify --help')");
    }

    @Test
    void unknownOptionAndCommand() {
        assertBadInput(CliRunner.withCatalog(TestIdentities::passing, "verify", "--bogus"),
                "probity verify: Unknown option: '--bogus' (see 'probity verify --help')");
        assertBadInput(CliRunner.run("verfy"),
                "probity: unknown command 'verfy' (expected one of: verify, check, check-impl, schedule, help)");
    }

    @Test
    void reportDirectoryThatCannotBeCreated(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("a-file"), "x");
        CliRunner.Result r = CliRunner.withCatalog(TestIdentities::passing, "verify", "--specs", dir.toString(), "--tries", "5",
                "--report", file.resolve("reports").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("probity verify: cannot write the reports into '" + file.resolve("reports")
                + "': not a directory" + System.lineSeparator());
        assertThat(r.out()).as("refused before anything runs").isEmpty();
    }

    @Test
    void noCommandIsOneLineNamingTheCommands() {
        assertBadInput(CliRunner.run(),
                "probity: expected a command, one of: verify, check, check-impl, schedule, help (see 'probity --help')");
    }

    @Test
    void helpAndVersionExitZero() {
        for (String cmd : new String[] {"verify", "check", "check-impl", "schedule"}) {
            CliRunner.Result r = CliRunner.run(cmd, "--help");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).startsWith("Usage: probity " + cmd);
        }
        CliRunner.Result v = CliRunner.run("--version");
        assertThat(v.exitCode()).isZero();
        assertThat(v.out()).startsWith("probity ");
    }

    @Test
    void anUnexpectedErrorIsOneLineWithExitThreeNotAStackTrace() {
        CliRunner.Result r = CliRunner.withCatalog(() -> {
            throw new IllegalStateException("catalog exploded");
        }, "verify");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(r.err()).isEqualTo("probity verify: internal error: java.lang.IllegalStateException: catalog exploded "
                + "(a bug in Probity; set PROBITY_DEBUG=1 for the stack trace)" + System.lineSeparator());
    }

    @Test
    void malformedLatexInADerivationIsOneLineAtItsPlace(@TempDir Path dir) throws IOException {
        Path md = Files.writeString(dir.resolve("open.md"), "# t\n\n$$\n\\begin{aligned}\nL &= p(x_0) \\\\\n&= q(x_0)\n$$\n");
        assertBadInput(CliRunner.run("check", md.toString()), "probity check: " + md
            + ":6:10: expected \\end{aligned} closing the \\begin{aligned} at 4:1, found the end of the display in"
            + " \"\\begin{aligned} L &= p(x_0) \\\\ &= q(x_0)\"");
        Path tex = Files.writeString(dir.resolve("open.tex"), "\\begin{align}\nL &= \\log \\left( p(x_0) \n\\end{align}\n");
        assertBadInput(CliRunner.run("check", tex.toString()), "probity check: " + tex
            + ":2:24: expected \\right closing the '\\left' at 2:11, found the end of the formula in \"L &= \\log \\left( p(x_0)\"");
    }

    /** A bracket left open hid the relation after it: the display was read as prose and vanished (exit 0). */
    @Test
    void anUnclosedBracketInADisplayIsAnErrorAtItsPlace(@TempDir Path dir) throws IOException {
        Path md = Files.writeString(dir.resolve("g3.md"),
            "$$\nq(\\mathbf{x}_0) = q(\\mathbf{x}_0)\n$$\n$$\n\\log q(\\mathbf{x}_0 = 1\n$$\n");
        assertBadInput(CliRunner.run("check", md.toString()), "probity check: " + md
            + ":5:24: expected ')' closing the '(' at 5:7, found the end of the formula in \"\\log q(\\mathbf{x}_0 = 1\"");
        Path alone = Files.writeString(dir.resolve("g4.md"), "$$\n\\log q(\\mathbf{x}_0 = 1\n$$\n");
        assertBadInput(CliRunner.run("check", alone.toString()), "probity check: " + alone
            + ":2:24: expected ')' closing the '(' at 2:7, found the end of the formula in \"\\log q(\\mathbf{x}_0 = 1\"");
        Path left = Files.writeString(dir.resolve("left.md"), "$$\np(x_0) = \\exp\\left( \\log p(x_0) )\n$$\n");
        assertBadInput(CliRunner.run("check", left.toString()), "probity check: " + left
            + ":2:33: expected \\right closing the '\\left' at 2:14, found ')' in"
            + " \"x_0) = \\exp\\left( \\log p(x_0) )\"");
        Path text = Files.writeString(dir.resolve("text.md"), "$$\np(x_0) = p(x_0) \\quad \\text{(marginal\n$$\n");
        assertBadInput(CliRunner.run("check", text.toString()), "probity check: " + text
            + ":2:38: expected '}' closing the '{' at 2:28, found the end of the formula in"
            + " \"= p(x_0) \\quad \\text{(marginal\"");
        Path stray = Files.writeString(dir.resolve("stray.md"), "$$\np(x_0) = p(x_0))\n$$\n");
        assertBadInput(CliRunner.run("check", stray.toString()), "probity check: " + stray
            + ":2:16: expected '(' before this ')', found ')' in \"p(x_0) = p(x_0))\"");
    }

    /** A '$$' never closed ran to the end of the file, taking the prose after it for math (PASS: 0 checked). */
    @Test
    void anUnclosedDisplayIsAnErrorAtItsOpening(@TempDir Path dir) throws IOException {
        Path md = Files.writeString(dir.resolve("dollar.md"),
            "# t\n\n$$\nq(x_1 \\mid x_0) = q(x_1 \\mid x_0)\n\nmore prose here\n");
        assertBadInput(CliRunner.run("check", md.toString()), "probity check: " + md
            + ":3:1: expected $$ closing the display opened at 3:1, found the end of the file");
        Path bracket = Files.writeString(dir.resolve("bracket.md"), "text\n\n  \\[ p(x_0) = p(x_0)\n\nprose\n");
        assertBadInput(CliRunner.run("check", bracket.toString()), "probity check: " + bracket
            + ":3:3: expected \\] closing the display opened at 3:3, found the end of the file");
        Path tex = Files.writeString(dir.resolve("dollar.tex"),
            "\\begin{document}\nText.\n$$\nq(x_0) = q(x_0)\n\nmore text\n\\end{document}\n");
        assertBadInput(CliRunner.run("check", tex.toString()), "probity check: " + tex
            + ":3:1: expected $$ closing the display opened at 3:1, found the end of the file");
    }

    /** A misspelt or unknown command was read as an unknown symbol: NOT CHECKED, and PASS with exit 0. */
    @Test
    void anUnknownLatexCommandIsAnErrorAtItsPlace(@TempDir Path dir) throws IOException {
        Path md = Files.writeString(dir.resolve("typo.md"),
            "$$\nq(x_1) = \\sum_{x_0} q(x_0, x_1)\n$$\n\n$$\nD = \\bar\\alpah_T + 1\n$$\n");
        assertBadInput(CliRunner.run("check", md.toString()), "probity check: " + md
            + ":6:9: expected one of the LaTeX commands listed in docs/derivations.md, found the unknown command"
            + " \\alpah in \"D = \\bar\\alpah_T + 1\"");
        Path macro = Files.writeString(dir.resolve("macro.md"), "Let $a = \\frobnicate{x}$ be.\n");
        assertBadInput(CliRunner.run("check", macro.toString()), "probity check: " + macro
            + ":1:10: expected one of the LaTeX commands listed in docs/derivations.md, found the unknown command"
            + " \\frobnicate in \"a = \\frobnicate{x}\"");
    }

    /** Every relation NOT CHECKED: "PASS: 0 checked" with exit 0 would pass a check of nothing. */
    @Test
    void aDocumentThatChecksNothingDoesNotPass(@TempDir Path dir) throws IOException {
        Path md = Files.writeString(dir.resolve("nothing.md"),
            "$$\nq(x_0) \\approx \\frac{1}{N}\\sum_i q(x_0^{(i)})\n$$\n");
        CliRunner.Result r = CliRunner.run("check", md.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("probity check: " + md + ":2:1: expected at least one relation that can be checked, "
            + "found only rows NOT CHECKED (a check of nothing cannot pass)" + System.lineSeparator());
        assertThat(r.out()).contains("NOT CHECKED  display 1, row 1 (line 2)")
            .contains("NOTHING CHECKED (a check of nothing cannot pass): 0 relations checked (0 PASS, 0 FAIL), 1 NOT CHECKED")
            .doesNotContain("PASS:");
    }

    /** Markdown notes in a .txt file were parsed as a spec file: "notes.txt:3:2: expected a number ... found '!'". */
    @Test
    void aFileWithAnExtensionCheckDoesNotReadIsRefusedByName(@TempDir Path dir) throws IOException {
        String markdown = "# Notes\n\n<!-- probity: model markov states 2..3 steps 1..3 -->\n\n"
            + "$$\n\\sum_{\\mathbf{x}_0} q(\\mathbf{x}_0) = 1\n$$\n";
        Path txt = Files.writeString(dir.resolve("notes.txt"), markdown);
        assertBadInput(CliRunner.run("check", txt.toString()), "probity check: " + txt + ": expected a file ending in "
            + ".prob, .md, .markdown, .tex or .latex (or --format md|tex|prob to say how to read it), found the extension '.txt'");
        Path bare = Files.writeString(dir.resolve("NOTES"), markdown);
        assertBadInput(CliRunner.run("check", bare.toString()), "probity check: " + bare + ": expected a file ending in "
            + ".prob, .md, .markdown, .tex or .latex (or --format md|tex|prob to say how to read it), found a name without "
            + "an extension");
        CliRunner.Result asMarkdown = CliRunner.run("check", "--format", "md", "--tries", "5", txt.toString());
        assertThat(asMarkdown.exitCode()).as(asMarkdown.err()).isZero();
        assertThat(asMarkdown.out()).contains("PASS: 1 relation checked");
    }

    /** picocli names the option already: "Invalid value for option '--format': --format: expected ..." said it twice. */
    @Test
    void anUnknownFormatNamesTheOptionOnce() {
        assertBadInput(CliRunner.run("check", "--format", "xyz", "x.md"), "probity check: Invalid value for option "
            + "'--format': expected md, tex or prob, got 'xyz' (see 'probity check --help')");
    }
}
