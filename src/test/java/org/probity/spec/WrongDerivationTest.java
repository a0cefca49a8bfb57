package org.probity.spec;

import org.probity.check.RunConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Deliberately wrong variants of specs/ddpm-vlb.prob: each must fail at the step that was broken
 * (the first failure, on the line of that step), with a shrunk counterexample of at most 3 states
 * and 3 steps.
 */
class WrongDerivationTest {
    private static final Pattern MARKOV = Pattern.compile("markov, K = (\\d+) states, T = (\\d+) steps?");
    private static final Pattern GAUSSIAN = Pattern.compile("gaussian, T = (\\d+) steps?");
    private static final String MODEL = "model markov gaussian states 2..3 steps 1..4 positive";

    private static String seed() {
        try {
            return Files.readString(Path.of("specs", "ddpm-vlb.prob"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Replaces exactly one occurrence of {@code from} in the derivation; returns the broken line. */
    private static String broken(String source, String from, String to) {
        int at = source.indexOf(from);
        assertThat(at).as("text to break: " + from).isNotNegative();
        assertThat(source.indexOf(from, at + 1)).as("unique: " + from).isNegative();
        return source.substring(0, at) + to + source.substring(at + from.length());
    }

    /** The line of the relation that starts the step whose "by" reason is {@code text}. */
    private static int lineOf(String source, String text) {
        int by = source.indexOf(text);
        int at = Math.max(source.lastIndexOf("\n  ==", by), Math.max(source.lastIndexOf("\n  <=", by),
            source.lastIndexOf("\n  >=", by))) + 1;
        return (int) source.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static void assertFailsAt(String source, int line, List<String> families) {
        Spec spec = Spec.parse(source, "wrong.prob");
        SpecResult r = spec.check(Spec.options(RunConfig.DEFAULT_SEED).withTries(100));
        assertThat(r.passed()).as(r.render()).isFalse();
        for (String family : families) {
            SpecResult.Item first = r.items().stream().filter(i -> i.family().equals(family) && !i.passed())
                .findFirst().orElseThrow(() -> new AssertionError("no " + family + " failure in\n" + r.render()));
            assertThat(first.line()).as(first.render()).isEqualTo(line);
            assertThat(first.kind()).isEqualTo("step");
            assertThat(first.counterexample()).contains("left side:").contains("right side:")
                .contains("difference:").contains("tolerance:");
            Matcher m = (family.equals("markov") ? MARKOV : GAUSSIAN).matcher(first.counterexample());
            assertThat(m.find()).as(first.counterexample()).isTrue();
            if (family.equals("markov")) {
                assertThat(Integer.parseInt(m.group(1))).as(first.render()).isLessThanOrEqualTo(3);
                assertThat(Integer.parseInt(m.group(2))).as(first.render()).isLessThanOrEqualTo(3);
            } else {
                assertThat(Integer.parseInt(m.group(1))).as(first.render()).isLessThanOrEqualTo(3);
            }
        }
        // every step before the broken one still passes
        assertThat(r.items()).filteredOn(i -> i.kind().equals("step") && i.line() < line).allMatch(SpecResult.Item::passed);
    }

    @Test
    void telescopingSumStartedAtOneInsteadOfTwo() {
        String wrong = "- sum_{t=1}^{T}( log( p(x_{t-1} | x_t) / q(x_{t-1} | x_t, x_0) ) ) )";
        String s = broken(seed(), "- sum_{t=2}^{T}( log( p(x_{t-1} | x_t) / q(x_{t-1} | x_t, x_0) ) )\n", wrong
            .substring(0, wrong.length() - 2) + "\n");
        // q(x_0 | x_1, x_0) has no density on gaussian: the broken file is checked on markov only
        s = broken(s, MODEL, "model markov states 2..3 steps 1..4 positive");
        assertFailsAt(s, lineOf(s, "by \"the telescoping sum\""), List.of("markov"));
    }

    @Test
    void klArgumentsSwapped() {
        String s = broken(seed(), "KL( q(x_{t-1} | x_t, x_0) || p(x_{t-1} | x_t) ) ] ] ) + L_0",
            "KL( p(x_{t-1} | x_t) || q(x_{t-1} | x_t, x_0) ) ] ] ) + L_0");
        assertFailsAt(s, lineOf(s, "+ L_0   by"), List.of("markov", "gaussian"));
    }

    @Test
    void jensenInequalityReversed() {
        String s = broken(seed(), "  <= -E_{q(x_0)}[ E_{q(x_{1:T} | x_0)}", "  >= -E_{q(x_0)}[ E_{q(x_{1:T} | x_0)}");
        assertFailsAt(s, lineOf(s, "by \"Jensen\""), List.of("markov", "gaussian"));
    }

    @Test
    void termDropped() {
        String s = broken(seed(), " ] ] ) + L_0   by", " ] ] )   by");
        assertFailsAt(s, lineOf(s, "by \"L_T + sum of L_{t-1} + L_0, with KL terms\""), List.of("markov", "gaussian"));
    }

    @Test
    void xtWhereXtMinusOneBelongs() {
        String s = broken(seed(), "q(x_{t-1} | x_t, x_0) * q(x_{t-1} | x_0) / q(x_t | x_0)",
            "q(x_{t-1} | x_t, x_0) * q(x_t | x_0) / q(x_t | x_0)");
        assertFailsAt(s, lineOf(s, "by \"Bayes' rule for q(x_{t-1} | x_t, x_0)\""), List.of("markov", "gaussian"));
    }

    @Test
    void theReportOfAFailureHasEverythingTheContractAsksFor() {
        String s = broken(seed(), "  <= -E_{q(x_0)}[ E_{q(x_{1:T} | x_0)}", "  >= -E_{q(x_0)}[ E_{q(x_{1:T} | x_0)}");
        SpecResult r = Spec.parse(s, "wrong.prob").check(Spec.options(RunConfig.DEFAULT_SEED).withTries(50));
        String text = r.render();
        System.out.println(text);
        SpecResult.Item f = r.firstFailure().orElseThrow();
        assertThat(f.render()).startsWith("FAIL  derive \"cross-entropy to the variational bound\", step 4 (Jensen) [markov] line 22")
            .contains("line 22: >= -E_{q(x_0)}")
            .contains("markov, K = ").contains("q(x_1 | x_0) = [[")
            .contains("left side:").contains("tolerance:");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(text).endsWith(String.format("checks, %d failed, %d ms", r.items().stream().filter(i -> !i.passed())
            .count(), r.elapsed().toMillis()));
    }
}
