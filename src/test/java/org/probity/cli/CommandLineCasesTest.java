package org.probity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command lines of issue 11 ("Command lines"), each with its exact exit code and message: inputs
 * that exhausted the memory, a typo that dropped the specs from the gate, files that check nothing,
 * and messages that leaked library internals.
 */
class CommandLineCasesTest {
    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    private static void assertBadInput(CliRunner.Result r, String line) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo(line + NL);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void scheduleStepsBeyondTheLimitAreRefusedNotAnOutOfMemoryError() {
        assertBadInput(CliRunner.run("schedule", "linear", "--T", "2147483647"),
                "probity schedule: Invalid value for option '--T': expected a whole number in [1, 100000], got "
                        + "'2147483647' (see 'probity schedule --help')");
        assertBadInput(CliRunner.run("schedule", "cosine", "--T", "100000000"),
                "probity schedule: Invalid value for option '--T': expected a whole number in [1, 100000], got "
                        + "'100000000' (see 'probity schedule --help')");
        assertBadInput(CliRunner.run("schedule", "cosine", "--T", "100001"),
                "probity schedule: Invalid value for option '--T': expected a whole number in [1, 100000], got "
                        + "'100001' (see 'probity schedule --help')");
        CliRunner.Result atLimit = CliRunner.run("schedule", "linear", "--T", "100000");
        assertThat(atLimit.exitCode()).as(atLimit.err()).isZero();
    }

    @Test
    void aScheduleFileBeyondTheLimitIsRefused() throws IOException {
        Path f = Files.writeString(dir.resolve("long.txt"), "1e-4\n".repeat(ScheduleInput.MAX_STEPS + 1));
        assertBadInput(CliRunner.run("schedule", f.toString()),
                "probity schedule: " + f + ": expected at most 100000 beta values (the limit of T), found more");
        Path j = Files.writeString(dir.resolve("long.json"), "[" + "1e-4,".repeat(ScheduleInput.MAX_STEPS) + "1e-4]");
        assertBadInput(CliRunner.run("schedule", j.toString()),
                "probity schedule: " + j + ": expected at most 100000 beta values (the limit of T), found more");
    }

    @Test
    void aSpecsDirectoryThatDoesNotExistOrIsAFileIsAnErrorNotANote() throws IOException {
        Path missing = dir.resolve("nonexistent");
        assertBadInput(CliRunner.withCatalog(TestIdentities::passing, "verify", "--specs", missing.toString()),
                "probity verify: option '--specs': expected a directory of .prob files, got '" + missing
                        + "' (no such directory) (see 'probity verify --help')");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertBadInput(CliRunner.withCatalog(TestIdentities::passing, "verify", "--specs", file.toString()),
                "probity verify: option '--specs': expected a directory of .prob files, got '" + file
                        + "' (not a directory) (see 'probity verify --help')");
    }

    @Test
    void aSpecFileThatChecksNothingIsRefused() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.prob"), "");
        assertBadInput(CliRunner.run("check", empty.toString()),
                "probity check: " + empty + ":1:1: expected a claim or a derive statement, found the end of the file "
                        + "(a file that checks nothing cannot pass)");
        Path comments = Files.writeString(dir.resolve("comments.prob"), "# only a comment\n\n");
        assertBadInput(CliRunner.run("check", comments.toString()),
                "probity check: " + comments + ":3:1: expected a claim or a derive statement, found the end of the "
                        + "file (a file that checks nothing cannot pass)");
        Path header = Files.writeString(dir.resolve("header.prob"), "title \"t\"\nmodel markov\nlet L = 1");
        assertBadInput(CliRunner.run("check", header.toString()),
                "probity check: " + header + ":3:10: expected a claim or a derive statement, found the end of the "
                        + "file (a file that checks nothing cannot pass)");
        assertBadInput(CliRunner.run("check", "/dev/null"),
                "probity check: /dev/null:1:1: expected a claim or a derive statement, found the end of the file "
                        + "(a file that checks nothing cannot pass)");
    }

    @Test
    void aDerivationThatChecksNothingIsRefused() throws IOException {
        Path prose = Files.writeString(dir.resolve("prose.md"), "# Notes\n\nOnly prose, and $\\mathbf{x}_0$ inline.\n");
        assertBadInput(CliRunner.run("check", prose.toString()),
                "probity check: " + prose + ":4:1: expected a display or inline formula stating a relation, found the "
                        + "end of the file (a file that checks nothing cannot pass)");
        Path definitions = Files.writeString(dir.resolve("defs.tex"), "\\begin{equation}\nL := 1\n\\end{equation}");
        assertBadInput(CliRunner.run("check", definitions.toString()),
                "probity check: " + definitions + ":3:15: expected a display or inline formula stating a relation, "
                        + "found the end of the file (a file that checks nothing cannot pass)");
    }

    @Test
    void formatAppliesToFilesOfAnyName() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"),
                "# t\n\n$$\np_\\theta(x_0) = \\int p_\\theta(x_{0:T}) \\, dx_{1:T}\n$$\n");
        CliRunner.Result r = CliRunner.run("check", notes.toString(), "--format", "md", "--tries", "5");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("PASS         display 1, row 1 (line 4)");
        CliRunner.Result asProb = CliRunner.run("check", notes.toString(), "--tries", "5");
        assertThat(asProb.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void aSpecsDirectoryWithAFileThatChecksNothingStopsVerify() throws IOException {
        Path specs = Files.createDirectories(dir.resolve("specs"));
        Path empty = Files.writeString(specs.resolve("empty.prob"), "# nothing yet\n");
        assertBadInput(CliRunner.withCatalog(TestIdentities::passing, "verify", "--specs", specs.toString()),
                "probity verify: " + empty + ":2:1: expected a claim or a derive statement, found the end of the file "
                        + "(a file that checks nothing cannot pass)");
    }

    @Test
    void aScheduleWhoseAlphaBarStallsIsNotCalledStrictlyDecreasing() throws IOException {
        Path ones = Files.writeString(dir.resolve("ones.txt"), "1\n1\n1\n");
        CliRunner.Result r = CliRunner.run("schedule", ones.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("  monotonic              β_t non-decreasing: yes; ᾱ_t strictly decreasing: "
                + "no (ᾱ_2 = ᾱ_1 = 0.0)" + NL);
        Path tiny = Files.writeString(dir.resolve("tiny.txt"), "0.1\n1e-30\n");
        assertThat(CliRunner.run("schedule", tiny.toString()).out())
                .contains("ᾱ_t strictly decreasing: no (ᾱ_2 = ᾱ_1 = 0.9)");
        assertThat(CliRunner.run("schedule", "cosine", "--zero-snr").out())
                .as("zero terminal SNR reaches 0 only at T").contains("ᾱ_t strictly decreasing: yes");
    }

    @Test
    void binaryFilesAreNamedByPositionNotByADecoderMessage() throws IOException {
        Path schedule = Files.write(dir.resolve("bin.txt"), new byte[] {'0', '.', '1', '\n', (byte) 0xff, '\n'});
        assertBadInput(CliRunner.run("schedule", schedule.toString()),
                "probity schedule: " + schedule + ":2:1: expected UTF-8 text, found the byte 0xff (is it a binary file?)");
        Path spec = Files.write(dir.resolve("bin.prob"), "claim \"c\": 1 == 1 # \u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertBadInput(CliRunner.run("check", spec.toString()),
                "probity check: " + spec + ":1:21: expected UTF-8 text, found the byte 0xe9 (is it a binary file?)");
    }

    @Test
    void jsonScheduleMessagesAreProbitysNotJacksons() throws IOException {
        Path nan = Files.writeString(dir.resolve("nan.json"), "[0.1, NaN, 0.2]");
        assertBadInput(CliRunner.run("schedule", nan.toString()),
                "probity schedule: " + nan + ": element 2 of the JSON array: expected a beta value, a number in (0, 1], "
                        + "found NaN");
        Path open = Files.writeString(dir.resolve("open.json"), "[0.1, 0.2");
        assertBadInput(CliRunner.run("schedule", open.toString()),
                "probity schedule: " + open + ":1:10: expected a JSON array of beta values, found the end of the file");
        Path word = Files.writeString(dir.resolve("word.json"), "[0.1,\n  0.2,\n  zz ]");
        assertBadInput(CliRunner.run("schedule", word.toString()),
                "probity schedule: " + word + ":3:3: expected a JSON array of beta values, found 'zz'");
        Path trailing = Files.writeString(dir.resolve("trailing.json"), "[0.1] x");
        assertBadInput(CliRunner.run("schedule", trailing.toString()),
                "probity schedule: " + trailing + ":1:7: expected a JSON array of beta values, found 'x'");
    }

    @Test
    void aFailedWriteSaysWriteAndComesBeforeTheRun() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertBadInput(CliRunner.run("schedule", "linear", "--charts", file.resolve("charts").toString()),
                "probity schedule: cannot write the charts into '" + file.resolve("charts") + "': not a directory");
        Path spec = Files.writeString(dir.resolve("ok.prob"), "model markov\nclaim \"c\": 1 == 1\n");
        assertBadInput(CliRunner.run("check", spec.toString(), "--report", file.resolve("r").toString()),
                "probity check: cannot write the reports into '" + file.resolve("r") + "': not a directory");
    }

    @Test
    void theZeroSnrOptionIsNamedOnceNotScheduleSchedule() {
        assertBadInput(CliRunner.run("schedule", "linear", "--T", "1", "--zero-snr"),
                "probity schedule: option '--zero-snr': the zero-terminal-SNR rescale keeps alphaBar_1 and sets "
                        + "alphaBar_T = 0, so it needs T >= 2 steps, got T = 1");
    }

    @Test
    void ioReasonsAreWordsWithAReasonForAccessDenied() {
        // Tests run as root here, so a real permission error cannot be provoked: the mapping is tested directly.
        assertThat(TextFiles.reason(new AccessDeniedException("f"))).isEqualTo("permission denied");
        assertThat(TextFiles.reason(new NoSuchFileException("f"))).isEqualTo("no such file");
        assertThat(TextFiles.reason(new IOException("Input length = 1"))).isEqualTo("Input length = 1");
        assertThat(ErrorHandlers.describe(new AccessDeniedException("/x/y"))).isEqualTo("cannot use '/x/y': permission denied");
    }

    @Test
    void aDirectoryOrAnEndlessFileIsRefusedWithOneLine() {
        assertBadInput(CliRunner.run("check", dir.toString()),
                "probity check: cannot read spec file '" + dir + "': it is a directory");
        assertBadInput(CliRunner.run("check", "/dev/zero"),
                "probity check: /dev/zero: expected a spec file of at most 16 MiB, found a larger one");
    }

    @Test
    void anOutOfMemoryErrorIsOneLineWithExitThreeNotATraceWithExitOne() {
        CliRunner.Result r = CliRunner.withCatalog(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, "verify");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(r.err()).isEqualTo("probity: internal error: java.lang.OutOfMemoryError: Java heap space (an input "
                + "Probity should have bounded, or a bug; set PROBITY_DEBUG=1 for the stack trace)" + NL);
    }

    @Test
    void aReplayTokenThatIsMalformedHugeOrForAnotherPropertyIsRefusedNotIgnored() {
        assertBadInput(CliRunner.withCatalog(TestIdentities::passing, "verify", "--only", TestIdentities.HOLDS,
                "--replay", "garbage"),
                "probity verify: Invalid value for option '--replay': expected HASH:CHOICES as printed by a failure, got "
                        + "'garbage' (see 'probity verify --help')");
        assertBadInput(CliRunner.withCatalog(TestIdentities::passing, "verify", "--only", TestIdentities.HOLDS,
                "--replay", "deadbeef:99999999999999999999"),
                "probity verify: Invalid value for option '--replay': expected comma-separated whole numbers from 0 to "
                        + "2^63 - 1 after ':', got '99999999999999999999' (see 'probity verify --help')");
        assertBadInput(CliRunner.withCatalog(TestIdentities::passing, "verify", "--only", TestIdentities.HOLDS,
                "--replay", "12345678:1,2"),
                "probity verify: option '--replay': for '" + TestIdentities.HOLDS + "', the token '12345678:1,2' was "
                        + "recorded for another property (give the token and the --only NAME exactly as the failure "
                        + "printed them) (see 'probity verify --help')");
        String hash = String.format(java.util.Locale.ROOT, "%08x", TestIdentities.HOLDS.hashCode());
        CliRunner.Result huge = CliRunner.withCatalog(TestIdentities::passing, "verify", "--only", TestIdentities.HOLDS,
                "--replay", hash + ":9223372036854775807");
        assertThat(huge.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(huge.err()).startsWith("probity verify: option '--replay': for '" + TestIdentities.HOLDS + "', the "
                + "token '" + hash + ":9223372036854775807' does not replay an input of this property exactly (choice 1 "
                + "is 9223372036854775807, which the generator reads as ").hasLineCount(1);
        assertThat(huge.out()).isEmpty();
        // a token cut short or extended is refused as check-impl refuses it (the choices must be consumed exactly)
        CliRunner.Result extended = CliRunner.withCatalog(TestIdentities::passing, "verify", "--only", TestIdentities.HOLDS,
                "--replay", hash + ":" + "0,".repeat(200) + "0");
        assertThat(extended.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(extended.err()).startsWith("probity verify: option '--replay': for '" + TestIdentities.HOLDS + "', the "
                + "token '" + hash + ":0,0,0,").contains(" characters) …").containsPattern("\\(the generator uses \\d+ of its 201 choices\\)")
                .hasLineCount(1);
        CliRunner.Result cut = CliRunner.withCatalog(TestIdentities::passing, "verify", "--only", TestIdentities.HOLDS,
                "--replay", hash + ":");
        assertThat(cut.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cut.err()).contains("the token '" + hash + ":' does not replay an input of this property exactly (the generator "
                + "draws more than its 0 choices)").hasLineCount(1);
    }

    @Test
    void checkImplLimitsAreStatedAndEnforced() {
        assertBadInput(CliRunner.run("check-impl", "--tries", "2147483647", "--", "python3", "adapters/python/reference.py"),
                "probity check-impl: Invalid value for option '--tries': expected a whole number in [1, 10000], got "
                        + "'2147483647' (see 'probity check-impl --help')");
        assertBadInput(CliRunner.run("check-impl", "--max-shrink", "-1", "--", "python3", "adapters/python/reference.py"),
                "probity check-impl: Invalid value for option '--max-shrink': expected a whole number in [1, 10000], got "
                        + "'-1' (see 'probity check-impl --help')");
        assertBadInput(CliRunner.run("check-impl", "--timeout-ms", "0", "--", "python3", "adapters/python/reference.py"),
                "probity check-impl: Invalid value for option '--timeout-ms': expected a whole number in [1, 3600000], "
                        + "got '0' (see 'probity check-impl --help')");
        // found by the fuzzer (seed 4): the options it names are quoted like every other option in a message
        assertBadInput(CliRunner.run("check-impl", "--tries", "2", "--timeout-ms", "2000"),
                "probity check-impl: missing the adapter command: expected COMMAND ARGS... after '--' (or '--list-ops') "
                        + "(see 'probity check-impl --help')");
    }

    @Test
    void anAdapterThatListsNothingThisProbityChecksDoesNotPass() {
        String none = "import json,sys\nfor l in sys.stdin:\n r=json.loads(l)\n print(json.dumps({'id':r['id'],"
                + "'result':{'name':'empty','ops':[]}}),flush=True)";
        assertBadInput(CliRunner.run("check-impl", "--", "python3", "-c", none),
                "probity check-impl: nothing to check: the adapter 'empty' lists no op that this Probity checks (listed: "
                        + "[]; known: " + java.util.Arrays.stream(org.probity.conformance.Op.values())
                                .map(org.probity.conformance.Op::wireName).toList() + ") [command: python3 -c " + none.replace("\n", "\\n")
                        + "]");
        String unknown = none.replace("'ops':[]", "'ops':['frobnicate']");
        CliRunner.Result r = CliRunner.run("check-impl", "--", "python3", "-c", unknown);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("probity check-impl: nothing to check: the adapter 'empty' lists no op that this "
                + "Probity checks (listed: [frobnicate]; known: [").hasLineCount(1);
    }

    @Test
    void aFaultOfAnAdapterWrittenAsAMultiLineScriptIsStillOneLine() {
        CliRunner.Result r = CliRunner.run("check-impl", "--", "python3", "-c", "import sys\nsys.exit(3)");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("probity check-impl: adapter fault (crash): the adapter exited with code 3 before "
                + "answering request id 0 (describe) [command: python3 -c import sys\\nsys.exit(3)]" + NL
                + "(adapter stderr was empty)");
    }

    /** A command that never started has no stderr: "(adapter stderr was empty)" suggested that it ran. */
    @Test
    void anAdapterCommandThatCannotBeStartedSaysWhyInOneLine(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("no-such-adapter");
        CliRunner.Result r = CliRunner.run("check-impl", "--", missing.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("probity check-impl: adapter fault (start failed): could not start the adapter "
            + "command [" + missing + "]: " + missing + " is not found (no such file or directory)" + NL);
        Path plain = Files.writeString(dir.resolve("adapter.py"), "print('hi')\n");
        r = CliRunner.run("check-impl", "--", plain.toString(), "--flag");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("probity check-impl: adapter fault (start failed): could not start the adapter "
            + "command [" + plain + ", --flag]: " + plain + " is not executable (permission denied)" + NL);
        r = CliRunner.run("check-impl", "--", "probity-no-such-program-on-path");
        assertThat(r.err()).isEqualTo("probity check-impl: adapter fault (start failed): could not start the adapter "
            + "command [probity-no-such-program-on-path]: 'probity-no-such-program-on-path' is not found on PATH "
            + "(no such file or directory)" + NL);
    }
}
