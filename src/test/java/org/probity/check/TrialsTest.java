package org.probity.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The engine's public API for callers that evaluate properties their own way ({@link Engine#trials}):
 * seeding, shards, discards, replay tokens and shrinking, as conformance uses them.
 */
class TrialsTest {
    private static final RunConfig CFG = RunConfig.ofSeed(42).withTries(60);

    private static <T> List<Trial<T>> all(Trials<T> trials) {
        List<Trial<T>> out = new ArrayList<>();
        trials.forEach(out::add);
        return out;
    }

    private static List<Integer> values(List<Trial<Integer>> ts) {
        return ts.stream().map(Trial::value).toList();
    }

    @Test
    void aRunIsFixedByItsSeedAndEveryIterationRepeatsIt() {
        Trials<Integer> a = Engine.trials("p", Gens.integers(0, 1_000_000), CFG);
        List<Trial<Integer>> first = all(a);
        assertThat(first).hasSize(60).hasSize(a.size());
        assertThat(values(all(a))).isEqualTo(values(first));
        assertThat(values(all(Engine.trials("p", Gens.integers(0, 1_000_000), CFG)))).isEqualTo(values(first));
        assertThat(values(all(Engine.trials("p", Gens.integers(0, 1_000_000), CFG.withSeed(43))))).isNotEqualTo(values(first));
        assertThat(first).extracting(Trial::index).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 60).boxed().toList());
    }

    @Test
    void shardsPartitionTheRunEvenWhenInputsAreDiscarded() {
        Gen<Integer> odd = Gens.integers(0, 1_000_000).filter("odd", x -> x % 2 == 1);
        List<Integer> whole = values(all(Engine.trials("p", odd, CFG)));
        Set<Integer> union = new HashSet<>();
        int count = 0;
        for (int i = 0; i < 3; i++) {
            Trials<Integer> shard = Engine.trials("p", odd, CFG.withShard(i, 3));
            List<Trial<Integer>> ts = all(shard);
            assertThat(ts).hasSize(shard.size());
            for (Trial<Integer> t : ts) {
                assertThat(t.index() % 3).isEqualTo(i);
                assertThat(t.value()).isEqualTo(whole.get(t.index()));
            }
            count += ts.size();
            union.addAll(values(ts));
        }
        assertThat(count).isEqualTo(60);
        assertThat(union).containsExactlyInAnyOrderElementsOf(new HashSet<>(whole));
    }

    @Test
    void aDiscardIsRedrawnInItsSlotAndTheBudgetEndsTheIterationWithAReason() {
        // filter -> Discard after 100 redraws; about half the tries discard at least once with p = 0.99 rejection
        Gen<Integer> rare = Gens.integers(0, 999).filter("x < 10", x -> x < 10);
        Trials<Integer> t = Engine.trials("rare", rare, CFG);
        List<Trial<Integer>> got = all(t);
        assertThat(got).allMatch(x -> x.value() < 10);
        if (t.discardNote().isEmpty()) {
            assertThat(got).hasSize(60);
        }
        Gen<Integer> never = Gens.integers(0, 999).filter("x < 0", x -> x < 0);
        Trials<Integer> n = Engine.trials("never", never, CFG);
        assertThat(all(n)).isEmpty();
        assertThat(n.discards()).isEqualTo(5 * 60 + 1);
        assertThat(n.discardNote()).hasValueSatisfying(s -> assertThat(s)
            .isEqualTo("too many discarded inputs: 301 discarded for 0 tries (budget 5 per try); the generator rarely satisfies 'x < 0'"));
    }

    @Test
    void aTrialsTokenRegeneratesItForItsPropertyOnly() {
        Trials<List<Integer>> t = Engine.trials("lists", Gens.lists(Gens.integers(0, 100), 0, 10), CFG);
        Trial<List<Integer>> tenth = all(t).get(10);
        Trials<List<Integer>> replaying = Engine.trials("lists", Gens.lists(Gens.integers(0, 100), 0, 10),
            CFG.withReplay(tenth.replayToken()));
        assertThat(replaying.replay()).hasValueSatisfying(r -> {
            assertThat(r.value()).isEqualTo(tenth.value());
            assertThat(r.index()).isEqualTo(-1);
            assertThat(r.replayToken()).isEqualTo(tenth.replayToken());
        });
        assertThat(Engine.trials("other", Gens.integers(0, 1), CFG.withReplay(tenth.replayToken())).replay()).isEmpty();
        assertThat(t.replay()).isEmpty();
        assertThat(t.regenerate(tenth.choices()).value()).isEqualTo(tenth.value());
        assertThatThrownBy(() -> CFG.withReplay("zz:1,2")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("probity.replay: expected 8 hex digits before ':' as printed by a failure, got 'zz:1,2'");
    }

    @Test
    void shrinkingFindsTheSmallestFailingInputWithTheCallersOwnEvaluation() {
        // "every list sums to less than 100": the minimal counterexample is [100]
        Gen<List<Integer>> gen = Gens.lists(Gens.integers(0, 1000), 0, 20);
        Trials<List<Integer>> t = Engine.trials("sum < 100", gen, CFG);
        List<Trial<List<Integer>>> batch = all(t);
        List<Verdict> verdicts = batch.stream().map(x -> sumBelow100(x.value())).toList();
        int first = java.util.stream.IntStream.range(0, verdicts.size()).filter(i -> !verdicts.get(i).passed()).findFirst()
            .orElseThrow();
        AtomicInteger calls = new AtomicInteger();
        Shrunk<List<Integer>> s = t.shrink(batch.get(first), verdicts.get(first), x -> {
            calls.incrementAndGet();
            return sumBelow100(x);
        });
        assertThat(s.flaky()).isFalse();
        assertThat(s.trial().value()).isEqualTo(List.of(100));
        assertThat(s.original()).isSameAs(batch.get(first));
        assertThat(s.verdict().passed()).isFalse();
        assertThat(s.steps()).isPositive().isLessThanOrEqualTo(calls.get());
        assertThat(t.regenerate(s.trial().choices()).value()).isEqualTo(List.of(100));
    }

    @Test
    void aFailureThatDoesNotReproduceIsFlakyAndNotShrunk() {
        Trials<Integer> t = Engine.trials("flaky", Gens.integers(0, 1000), CFG);
        Trial<Integer> any = all(t).get(0);
        Shrunk<Integer> s = t.shrink(any, Verdict.fail("failed once"), x -> Verdict.pass());
        assertThat(s.flaky()).isTrue();
        assertThat(s.trial()).isSameAs(any);
        assertThat(s.steps()).isZero();
    }

    @Test
    void shrinkingRespectsTheStepBudget() {
        Trials<List<Integer>> t = Engine.trials("sum < 100", Gens.lists(Gens.integers(0, 1000), 5, 20),
            CFG.withMaxShrinkSteps(3));
        Trial<List<Integer>> big = all(t).stream().filter(x -> !sumBelow100(x.value()).passed()).findFirst().orElseThrow();
        AtomicInteger calls = new AtomicInteger();
        Shrunk<List<Integer>> s = t.shrink(big, sumBelow100(big.value()), x -> {
            calls.incrementAndGet();
            return sumBelow100(x);
        });
        assertThat(s.steps()).isLessThanOrEqualTo(3);
        assertThat(calls.get()).isLessThanOrEqualTo(3 + 2); // the candidates, and the two reproducibility checks
    }

    private static Verdict sumBelow100(List<Integer> xs) {
        int sum = xs.stream().mapToInt(Integer::intValue).sum();
        return Verdict.check(sum < 100, "sum = " + sum);
    }
}
