package org.probity.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The engine finds failures and shrinks them to known minimal targets, asserted exactly. */
class ShrinkTargetTest {
    private static final RunConfig CFG = RunConfig.defaults().withSeed(20261124L).withTries(1000);

    private static <T> T shrunk(Property<T> p, AtomicReference<T> last) {
        PropertyResult r = p.check(CFG);
        assertThat(r.passed()).as(r.report()).isFalse();
        assertThat(r.failure()).isPresent();
        // Replaying the shrunk choices regenerates the shrunk value; capture it through the body.
        p.check(CFG.withReplay(r.failure().get().replayToken()));
        return last.get();
    }

    @Test
    void integerBelowThousandFailsAtExactlyThousand() {
        AtomicReference<Integer> last = new AtomicReference<>();
        Property<Integer> p = Property.holds("x < 1000", Gens.integers(Integer.MIN_VALUE, Integer.MAX_VALUE), x -> {
            last.set(x);
            return x < 1000;
        });
        assertThat(shrunk(p, last)).isEqualTo(1000);
        assertThat(p.check(CFG).failure().get().counterexample()).isEqualTo("1000");
    }

    @Test
    void sumOfListShrinksToOneElementList() {
        Property<List<Integer>> p = Property.holds("sum < 100",
            Gens.lists(Gens.integers(0, 1_000_000), 0, 30), xs -> xs.stream().mapToLong(Integer::longValue).sum() < 100);
        PropertyResult r = p.check(CFG);
        assertThat(r.failure().get().counterexample()).isEqualTo("[100]");
    }

    @Test
    void probabilityVectorWithSmallEntryShrinksToZeroFirstLengthTwo() {
        AtomicReference<double[]> last = new AtomicReference<>();
        Property<double[]> p = Property.holds("no entry below 1e-3",
            Gens.probabilityVectors(Gens.integers(2, 10)), v -> {
                last.set(v);
                for (double x : v) {
                    if (x < 1e-3) {
                        return false;
                    }
                }
                return true;
            });
        double[] v = shrunk(p, last);
        assertThat(v).hasSize(2);
        assertThat(v[0]).isEqualTo(0.0);
        assertThat(v[1]).isEqualTo(1.0);
    }

    @Test
    void pairShrinksBothComponents() {
        Property<Pair<Integer, Integer>> p = Property.holds("a < 10 or b < 10",
            Gens.zip(Gens.integers(0, 100_000), Gens.integers(0, 100_000)), ab -> ab.first() < 10 || ab.second() < 10);
        assertThat(p.check(CFG).failure().get().counterexample()).isEqualTo("(10, 10)");
    }

    @Test
    void doubleAboveThresholdShrinksToSimpleValue() {
        Property<Double> p = Property.holds("x < 0.5", Gens.doubles(0, 1), x -> x < 0.5);
        assertThat(p.check(CFG).failure().get().counterexample()).isEqualTo("1.0");
        Property<Double> q = Property.holds("x <= 1.5", Gens.doubles(0, 1e6), x -> x <= 1.5);
        assertThat(q.check(CFG).failure().get().counterexample()).isEqualTo("2.0");
    }

    @Test
    void hiddenStateIsReportedAsFlakyNotShrunk() {
        AtomicInteger calls = new AtomicInteger();
        Property<Integer> p = Property.holds("every third call fails", Gens.integers(0, 1000),
            x -> calls.incrementAndGet() % 3 != 0);
        PropertyResult r = p.check(CFG);
        assertThat(r.passed()).isFalse();
        Failure f = r.failure().get();
        assertThat(f.flaky()).isTrue();
        assertThat(f.shrinkSteps()).isZero();
        assertThat(r.report()).contains("FLAKY").contains("hidden state");
    }

    @Test
    void shrinkingStopsWithinItsBudget() {
        AtomicInteger evaluations = new AtomicInteger();
        Property<List<Double>> p = Property.holds("lists are short",
            Gens.lists(Gens.doubles(-1e6, 1e6), 0, 200), xs -> {
                evaluations.incrementAndGet();
                return xs.size() < 5;
            });
        PropertyResult r = p.check(CFG.withMaxShrinkSteps(25));
        Failure f = r.failure().get();
        assertThat(f.shrinkSteps()).isLessThanOrEqualTo(25);
        // tries until the failure + one reproduction check + at most 25 candidates + one final check
        assertThat(evaluations.get()).isLessThanOrEqualTo(1000 + 1 + 25 + 1);
    }

    @Test
    void explicitExamplesRunFirst() {
        Property<Integer> p = Property.holds("x != 7", Gens.integers(0, 5), x -> x != 7).withExamples(List.of(7));
        PropertyResult r = p.check(CFG);
        assertThat(r.passed()).isFalse();
        assertThat(r.tries()).isZero();
        assertThat(r.failure().get().counterexample()).isEqualTo("7");
        assertThat(r.failure().get().tryIndex()).isEqualTo(-1);
        // Examples belong to shard 0 only: the other shards never see them.
        PropertyResult other = p.check(CFG.withShard(1, 2));
        assertThat(other.passed()).isTrue();
        assertThat(other.examples()).isZero();
        assertThat(other.tries()).isEqualTo(500);
    }
}
