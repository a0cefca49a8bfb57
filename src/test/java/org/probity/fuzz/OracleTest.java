package org.probity.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fuzzer's oracle flags each kind of bad run and passes good ones. */
class OracleTest {
    private static final Duration BUDGET = Duration.ofSeconds(30);

    private static List<String> problems(int code, String out, String err, String... args) {
        return Oracle.problems(new CliRun(List.of(args), code, out, err, Duration.ofMillis(5)), BUDGET);
    }

    @Test
    void goodRunsHaveNoProblems() {
        assertThat(problems(0, "PASS: all 3 checks hold\n", "", "check", "a.prob")).isEmpty();
        assertThat(problems(2, "", "probity check: a.prob:3:7: expected ')', found 'x'\n", "check", "a.prob")).isEmpty();
        assertThat(problems(2, "", "probity verify: Invalid value for option '--tries': expected ...\n", "verify")).isEmpty();
        assertThat(problems(2, "", "probity schedule: unknown schedule 'cosin' (expected ...)\n", "schedule", "cosin")).isEmpty();
        assertThat(problems(2, "", "probity check-impl: adapter fault (crash): exited [command: x]\nlast 1 line(s) of the "
                + "adapter's stderr:\n  | Traceback: ValueError\n", "check-impl")).isEmpty();
    }

    @Test
    void eachKindOfBadRunIsFlagged() {
        assertThat(problems(3, "", "probity: internal error: java.lang.StackOverflowError ...\n", "check"))
                .anyMatch(p -> p.startsWith("exit 3"));
        assertThat(problems(1, "", "Exception in thread \"main\" java.lang.IllegalStateException: x\n"
                + "\tat org.probity.cli.ProbityCli.main(ProbityCli.java:42)\n", "verify"))
                .contains("a JVM stack trace in the output");
        assertThat(problems(2, "", "probity check: a.prob:1:1: bad\nmore\n", "check", "a.prob"))
                .anyMatch(p -> p.startsWith("exit 2 with more than one line"));
        assertThat(problems(2, "", "probity check: something went wrong\n", "check", "a.prob"))
                .anyMatch(p -> p.startsWith("exit 2 whose message names no position, option or input"));
        assertThat(problems(2, "", "", "check")).contains("exit 2 with nothing on standard error");
        assertThat(problems(1, "FAIL: counterexample java.lang.ArrayIndexOutOfBoundsException: 3\n", "", "check"))
                .anyMatch(p -> p.startsWith("a Java exception's name in the output"));
        assertThat(Oracle.problems(new CliRun(List.of("check"), CliRun.OVER_BUDGET, "", "", BUDGET), BUDGET))
                .containsExactly("ran past its budget of 30 s");
    }
}
