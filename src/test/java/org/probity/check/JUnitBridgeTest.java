package org.probity.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;
import org.probity.math.Tolerance;

/** A failing property fails its JUnit test with everything needed to understand and replay it. */
class JUnitBridgeTest {
    private static final RunConfig CFG = RunConfig.defaults().withSeed(99L).withTries(500);
    /** A deliberately wrong identity: (a + b)^2 = a^2 + b^2 (the cross term is dropped). */
    private static final Property<Pair<Integer, Integer>> WRONG_SQUARE = Property.forAll("(a+b)^2 = a^2 + b^2",
        Gens.zip(Gens.integers(0, 1000), Gens.integers(0, 1000)),
        ab -> {
            double a = ab.first();
            double b = ab.second();
            return Verdict.close("(a+b)^2 = a^2 + b^2", (a + b) * (a + b), a * a + b * b,
                Tolerance.ulps(4).named("exact integers"));
        });

    @Test
    void failureMessageShowsCounterexampleBothSidesDifferenceToleranceSeedAndReplay() {
        assertThatThrownBy(() -> WRONG_SQUARE.assertHolds(CFG))
            .isInstanceOf(AssertionFailedError.class)
            .hasMessageContaining("Property '(a+b)^2 = a^2 + b^2' FAILED after")
            .hasMessageContaining("counterexample (shrunk in")
            .hasMessageContaining(": (1, 1)")
            .hasMessageContaining("left side:  4.0")
            .hasMessageContaining("right side: 2.0")
            .hasMessageContaining("difference: 2.0")
            .hasMessageContaining("tolerance:  4 ulps [exact integers]")
            .hasMessageContaining("seed: 99 (set by the caller; the same seed reruns everything)")
            .hasMessageContaining("replay this input: -Dprobity.replay=");
    }

    @Test
    void replayTokenReproducesTheShrunkInputAlone() {
        Failure f = WRONG_SQUARE.check(CFG).failure().get();
        PropertyResult replayed = WRONG_SQUARE.check(CFG.withReplay(f.replayToken()));
        assertThat(replayed.passed()).isFalse();
        assertThat(replayed.tries()).isEqualTo(1);
        assertThat(replayed.failure().get().counterexample()).isEqualTo("(1, 1)");
        // A token given in code to another property is an error, naming both hashes.
        Property<Integer> other = Property.holds("other", Gens.integers(0, 3), x -> true);
        assertThatThrownBy(() -> other.check(CFG.withReplay(f.replayToken())))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("replay: the token '" + f.replayToken() + "' is for another property (hash 47ef1100); 'other' has hash 06527f10");
        // One from -Dprobity.replay serves a whole test run: the other properties run as usual, and say so.
        PropertyResult r = other.check(CFG.withReplay(f.replayToken(), RunConfig.Source.SYSTEM_PROPERTY));
        assertThat(r.tries()).isEqualTo(500);
        assertThat(r.note()).isEqualTo("-Dprobity.replay names another property; this one ran as usual");
    }

    @Test
    void malformedReplayTokenIsRejectedWithAClearMessage() {
        assertThatThrownBy(() -> WRONG_SQUARE.check(CFG.withReplay("no-colon")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("probity.replay: expected HASH:CHOICES as printed by a failure, got 'no-colon'");
    }

    @Test
    void exceptionsInTheBodyAreFailuresWithTheirMessage() {
        Property<Integer> p = Property.holds("no division by zero", Gens.integers(0, 100), x -> 10 / x >= 0);
        PropertyResult r = p.check(CFG);
        assertThat(r.failure().get().counterexample()).isEqualTo("0");
        assertThat(r.report()).contains("threw java.lang.ArithmeticException: / by zero");
    }

    @Test
    void passingRunReportsTriesAndTheTightestRelation() {
        PropertyResult r = Property.forAll("x + 0 = x", Gens.doubles(-1, 1), x -> Verdict.close("x + 0 = x", x + 0.0, x, Tolerance.ulps(0)))
            .check(CFG);
        assertThat(r.passed()).isTrue();
        assertThat(r.tries()).isEqualTo(500);
        assertThat(r.largestDifference()).isEqualTo(0.0);
        assertThat(r.report()).startsWith("Property 'x + 0 = x' held after 500 tries (seed 99, 0 discarded");
    }

    @Test
    void inequalitiesReportTheirViolationNotTheDistanceBetweenSides() {
        Tolerance slack = Tolerance.ulps(2).named("rounding slack");
        assertThat(Verdict.atMost("ELBO <= log p", Double.NEGATIVE_INFINITY, -1.5, slack).difference()).isZero();
        assertThat(Verdict.atMost("ELBO <= log p", -2.0, -1.5, slack).difference()).isZero();
        assertThat(Verdict.atMost("ELBO <= log p", -1.0, -1.5, slack).difference()).isEqualTo(0.5);
        assertThat(Verdict.atLeast("KL >= 0", Double.POSITIVE_INFINITY, 0, slack).difference()).isZero();
        assertThat(Verdict.atLeast("KL >= 0", -1e-3, 0, slack).difference()).isEqualTo(1e-3);
        assertThat(Verdict.close("a = b", Double.NEGATIVE_INFINITY, -1.5, slack).difference()).isInfinite();
    }

    @Test
    void badConfigurationIsRejected() {
        assertThatThrownBy(() -> CFG.withTries(0)).hasMessage("tries: expected an integer >= 1, got 0");
        assertThatThrownBy(() -> CFG.withShard(3, 2)).hasMessage("shard: expected 0 <= index < count, got 3/2");
    }

    @TestFactory
    Stream<DynamicTest> propertiesBecomeDynamicTests() {
        return PropertyTests.dynamicTests(List.of(
            Property.holds("abs is non-negative", Gens.integers(-1000, 1000), x -> Math.abs(x) >= 0),
            Property.holds("probabilities are at most 1", Gens.probabilities(), x -> x <= 1)), CFG);
    }
}
