package org.probity.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Failures of different kinds are each shrunk and reported; anything thrown by the generator or
 * the body, errors included, is a failure with its seed and replay token.
 */
class DistinctFailuresTest {
    private static final RunConfig CFG = RunConfig.ofSeed(11L).withTries(1000);

    /** Two planted bugs: an exception for negative inputs, a wrong answer for large ones. */
    private static int plantedAbs(int x) {
        if (x < 0) {
            throw new IllegalStateException("negative input " + x);
        }
        return x > 1000 ? x - 1 : x;
    }

    @Test
    void twoPlantedBugsAreTwoFailuresEachShrunk() {
        Property<Integer> p = Property.forAll("abs is the identity on its domain", Gens.integers(-100_000, 100_000),
            x -> Verdict.check(plantedAbs(x) == Math.abs(x), "plantedAbs(x) == |x|"));
        PropertyResult r = p.check(CFG);
        assertThat(r.passed()).isFalse();
        assertThat(r.failures()).hasSize(2);
        List<String> shrunk = r.failures().stream().map(Failure::counterexample).toList();
        assertThat(shrunk).containsExactlyInAnyOrder("-1", "1001");
        assertThat(r.report()).contains("2 distinct failures").contains("failure 1 of 2").contains("failure 2 of 2")
            .contains("threw java.lang.IllegalStateException: negative input -1").contains("plantedAbs(x) == |x|");
        for (Failure f : r.failures()) {
            assertThat(p.check(CFG.withReplay(f.replayToken())).failure().get().counterexample()).isEqualTo(f.counterexample());
        }
    }

    @Test
    void oneBugThrownWithDifferentMessagesIsOneFailure() {
        PropertyResult r = Property.holds("no negatives", Gens.integers(-1000, 1000), x -> plantedAbs(x) >= 0).check(CFG);
        assertThat(r.failures()).hasSize(1);
        assertThat(r.failure().get().counterexample()).isEqualTo("-1");
    }

    @Test
    void aStackOverflowInTheBodyIsAFailureWithSeedAndReplay() {
        Property<Integer> p = Property.holds("recursion terminates", Gens.integers(0, 100), x -> depth(x) >= 0);
        PropertyResult r = p.check(CFG);
        Failure f = r.failure().orElseThrow();
        assertThat(f.counterexample()).isEqualTo("13");
        assertThat(f.verdict().description()).startsWith("threw java.lang.StackOverflowError");
        assertThat(r.report()).contains("seed: 11").contains("replay this input: -Dprobity.replay=");
    }

    /** Recurses forever on 13. */
    private static int depth(int x) {
        return x == 13 ? depth(x) + 1 : x;
    }

    @Test
    void aGeneratorThatThrowsIsAFailureShrunkToTheSmallestInputThatThrows() {
        Gen<Integer> broken = Gens.integers(0, 1000).map(x -> {
            if (x >= 500) {
                throw new ArithmeticException("overflow in the generator at " + x);
            }
            return x;
        });
        PropertyResult r = Property.holds("anything", broken, x -> true).check(CFG);
        Failure f = r.failure().orElseThrow();
        assertThat(f.verdict().description()).startsWith("the generator threw java.lang.ArithmeticException: overflow in the generator at 500");
        assertThat(f.counterexample()).isEqualTo("(the generator threw before it built a value)");
        assertThat(f.replayToken()).endsWith(":500");
    }

    @Test
    void anErrorThrownByTheGeneratorIsReportedNotPropagated() {
        Gen<Integer> deep = c -> overflow(Gens.integers(0, 10).generate(c));
        PropertyResult r = Property.holds("generator overflows", deep, x -> true).check(CFG.withTries(10));
        assertThat(r.passed()).isFalse();
        assertThat(r.failure().get().verdict().description()).startsWith("the generator threw java.lang.StackOverflowError");
    }

    private static int overflow(int x) {
        return overflow(x + 1) + 1;
    }

    @Test
    void aHoldsFailureNamesTheCondition() {
        PropertyResult r = Property.holds("x < 1000", Gens.integers(0, 5000), x -> x < 1000).check(CFG);
        assertThat(r.failure().get().verdict().description()).isEqualTo("the condition 'x < 1000' is false");
    }

    @Test
    void shrinkStepsCountReductionsNotCandidates() {
        AtomicInteger evaluations = new AtomicInteger();
        PropertyResult r = Property.holds("x < 1000", Gens.integers(0, 1_000_000), x -> {
            evaluations.incrementAndGet();
            return x < 1000;
        }).check(CFG);
        Failure f = r.failure().get();
        assertThat(f.counterexample()).isEqualTo("1000");
        int candidates = evaluations.get() - r.tries() - 2; // minus the tries, the reproduction and the final check
        assertThat(f.shrinkSteps()).isPositive().isLessThan(candidates);
    }

    @Test
    void seedAdviceFollowsHowTheSeedWasSet() {
        Property<Integer> p = Property.holds("x < 10", Gens.integers(0, 100), x -> x < 10);
        assertThat(p.check(CFG).report()).contains("seed: 11 (set by the caller; the same seed reruns everything)");
        assertThat(p.check(CFG.withSeed(5, RunConfig.Source.SYSTEM_PROPERTY)).report())
            .contains("seed: 5 (rerun everything with -Dprobity.seed=5)");
        assertThat(p.check(CFG.withSeed(6, RunConfig.Source.RANDOM)).report())
            .contains("seed: 6 (drawn by -Dprobity.seed=random; rerun everything with -Dprobity.seed=6)");
        assertThat(p.check(CFG.withSeed(RunConfig.DEFAULT_SEED, RunConfig.Source.DEFAULT)).report())
            .contains("seed: 20261124 (the default seed: every run without -Dprobity.seed repeats it)");
    }
}
