package org.probity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 11, "Spec inputs that are not bounded": each input that used to crash, run out of memory,
 * overflow the stack or run without bound, with the exact exit code and message it gets now.
 * Models that can be evaluated by a method that scales are (the chain dynamic program instead of
 * the K^(T+1) joint table, index lists instead of 32-bit masks); the rest is refused up front with
 * exit 2 naming the size and the limit, or stopped by the per-try time budget.
 */
class SpecInputLimitsTest {
    @TempDir
    Path dir;

    private CliRunner.Result check(String name, String source, String... options) throws IOException {
        Path f = Files.writeString(dir.resolve(name), source);
        String[] args = new String[options.length + 2];
        args[0] = "check";
        args[1] = f.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        return CliRunner.run(args);
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // K^(T+1) overflowed an int (NegativeArraySizeException, exit 3)
        "markov states 20..20 steps 7..7 | p(x_0) >= 0",
        // 1 << 31 in a bit mask: a true claim failed with ArrayIndexOutOfBoundsException
        "markov states 2..2 steps 31..31 | p(x_0) >= 0",
        // OutOfMemoryError after 45 s
        "markov steps 27..27 | p(x_0) >= 0",
        // OutOfMemoryError at once
        "markov states 12..12 steps 8..8 | p(x_0) >= 0",
        // ran past 2 minutes
        "markov steps 25..25 | p(x_0) >= 0",
        // any gaussian T >= 32 failed a true claim (1 << i)
        "gaussian steps 32..32 | q(x_0) >= 0",
        "gaussian steps 999..999 | q(x_0) >= 0",
        // the tolerance threw on an infinite magnitude: a true claim failed
        "gaussian | exp(1000) == exp(1000)",
        "gaussian | 1e200 * 1e200 >= 0",
        "markov | exp(1000) == exp(1000)",
    })
    void modelsThatOnceBrokeNowHold(String model, String claim) throws IOException {
        CliRunner.Result r = check("ok.prob", "model " + model + "\nclaim \"c\": " + claim + "\n", "--tries", "3");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("PASS  claim \"c\" [").contains("line 2: 3 instances").contains("PASS: 1 check, 0 failed");
    }

    @Test
    void aFlatSumOfFiveThousandTermsHoldsWithoutRecursingOnItsLength() throws IOException {
        String sum = String.join(" + ", java.util.Collections.nCopies(5000, "1"));
        for (String family : new String[] {"markov", "gaussian"}) {
            CliRunner.Result r = check("flat.prob", "model " + family + "\nclaim \"c\": " + sum + " == 5000\n",
                "--tries", "2");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("PASS  claim \"c\" [" + family + "] line 2: 2 instances");
        }
        String product = String.join(" * ", java.util.Collections.nCopies(5000, "1"));
        CliRunner.Result p = check("flatp.prob", "model markov\nclaim \"c\": " + product + " - 1 == 0\n", "--tries", "2");
        assertThat(p.exitCode()).as(p.err()).isZero();
    }

    @Test
    void aModelWhoseInstancesNeedTooManyRandomNumbersIsRefusedNamingTheSizeAndTheLimit() throws IOException {
        // every try was discarded by the engine's choice limit: "FAIL ... 0 instances" with no reason
        CliRunner.Result r = check("m250.prob", "model markov states 250..250 steps 1..1\n"
            + "claim \"c\": KL( q(x_0) || p(x_0) ) >= 0\n");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("probity check: " + file("m250.prob") + ":1:1: expected a markov model whose "
            + "instances draw at most 100000 random numbers (2 (2K + 2T K^2) + 2 for K states and T steps; lower "
            + "'states' or 'steps'), found K = 250, T = 1: 251002" + System.lineSeparator());
    }

    @Test
    void aClaimThatEnumeratesTooManyPointsIsRefusedNamingTheCountAndTheLimit() throws IOException {
        CliRunner.Result r = check("big.prob", "model markov states 20..20 steps 7..7\n"
            + "claim \"all paths\": E_{q(x_{0:T})}[ 1 ] == 1\n");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("probity check: " + file("big.prob") + ":2:1: expected a claim or step that "
            + "evaluates at most 67108864 points per markov instance (the assignments of its free variables times the "
            + "points of every E, int, KL, H and sum in it; lower 'states' or 'steps'), found claim \"all paths\": "
            + "about 2.56e+11 at K = 20, T = 7" + System.lineSeparator());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "3000 brackets | 3000 | ( | ) | 2:113 | (",
        "3000 unary minus signs | 3000 | '- ' | '' | 2:214 | -",
        "expectations nested 3000 deep | 3000 | 'E_{q(x_0)}[ ' | ' ]' | 2:1224 | E_",
        "20000 brackets | 20000 | ( | ) | 2:113 | (",
    })
    void nestingPastTheLimitIsRefusedAtItsPosition(String what, int depth, String open, String close, String at,
                                                   String found) throws IOException {
        String body = open.repeat(depth) + "1" + close.repeat(depth);
        CliRunner.Result r = check("deep.prob", "model markov\nclaim \"c\": " + body + " == 1\n");
        assertThat(r.exitCode()).as(what).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).as(what).isEqualTo("probity check: " + file("deep.prob") + ":" + at + ": expected nesting at "
            + "most 100 deep (brackets, unary minus, ^ and arguments each count one level), found '" + found + "'"
            + System.lineSeparator());
    }

    @Test
    void nestingUpToTheLimitIsAccepted() throws IOException {
        CliRunner.Result r = check("ok.prob", "model markov\nclaim \"c\": " + "(".repeat(100) + "1" + ")".repeat(100)
            + " == 1\n", "--tries", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void letsThatExpandPastTheDepthLimitAreRefusedAtTheLetThatCrossesIt() throws IOException {
        StringBuilder s = new StringBuilder("model markov\nlet A0 = 1\n");
        for (int i = 1; i < 3000; i++) {
            s.append("let A").append(i).append(" = A").append(i - 1).append(" + 1\n");
        }
        s.append("claim \"c\": A2999 == 3000\n");
        CliRunner.Result r = check("lets.prob", s.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("probity check: " + file("lets.prob") + ":152:1: expected an expression at most "
            + "300 levels deep once its lets are expanded, found 301 levels" + System.lineSeparator());
    }

    @Test
    void aRunawayEvaluationIsStoppedByThePerTryBudgetAndReportedNotChecked() throws IOException {
        // an integral over 1000 variables: O(T^3) per instance, tens of seconds, far past a budget of one second
        String slow = "model gaussian steps 999..999\nclaim \"slow\": E_{q(x_{0:T})}[ x_T^2 ] >= 0\n";
        CliRunner.Result r = check("slow.prob", slow, "--tries", "3", "--try-budget", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("NOT CHECKED  claim \"slow\" [gaussian] line 2: 3 instances (0 where defined)",
            "not checked: one instance took longer than the per-try budget of 1.00 s (T = 999 steps); "
                + "the remaining tries were not evaluated", "PASS: 1 check, 0 failed, 1 not checked");
        CliRunner.Result strict = check("slow.prob", slow, "--tries", "3", "--try-budget", "1", "--strict");
        assertThat(strict.exitCode()).isEqualTo(ExitCodes.FAILS);
    }

    /**
     * A true claim whose closed form needs more memory than the JVM has is NOT CHECKED with the reason, not a
     * FAIL with "threw java.lang.OutOfMemoryError" as its counterexample (found by the fuzzer on {@code steps
     * 999..999} with the default heap): a sum of T log densities holds T quadratics in all T + 1 variables,
     * about 8 T^3 bytes, 216 MB at T = 300, run here in a JVM of 64 MB.
     */
    @Test
    void anInstanceThatExhaustsTheHeapIsNotCheckedNotAFailure() throws IOException, InterruptedException {
        String big = "model gaussian steps 300..300\n"
            + "claim \"big\": E_{q(x_{0:T})}[ sum_{t=2}^{T}( log q(x_t | x_{t-1}) ) ] == "
            + "E_{q(x_{0:T})}[ sum_{t=2}^{T}( log q(x_t | x_{t-1}) ) ]\n";
        Path f = Files.writeString(dir.resolve("big.prob"), big);
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
            "-Dprobity.database=off", "-cp", System.getProperty("java.class.path"), ProbityCli.class.getName(), "check",
            f.toString(), "--tries", "2", "--try-budget", "600")
            .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        int code = p.waitFor();
        String text = Files.readString(out);
        assertThat(code).as(text).isZero();
        assertThat(text).contains("NOT CHECKED  claim \"big\" [gaussian] line 2: 2 instances (0 where defined)",
            "not checked: one instance needed more memory than the JVM has (T = 300 steps); "
                + "the remaining tries were not evaluated", "PASS: 1 check, 0 failed, 1 not checked");
    }
}
