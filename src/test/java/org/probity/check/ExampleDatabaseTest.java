package org.probity.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probity.check.internal.ExampleDatabase;

/** The example database replays earlier failures first, keeps them a while after a fix, then drops them. */
class ExampleDatabaseTest {
    @TempDir
    Path dir;

    /** Fails only on inputs that a fixed seed's 1000 tries never reach, but that a random seed found. */
    private static Property<Integer> rareBug(AtomicInteger calls) {
        return Property.holds("x is not 4242", Gens.integers(0, 1_000_000), x -> {
            calls.incrementAndGet();
            return x != 4242;
        });
    }

    @Test
    void aFailureFoundWithARandomSeedIsReplayedFirstByTheNextPlainRun() {
        AtomicInteger calls = new AtomicInteger();
        Property<Integer> p = rareBug(calls);
        RunConfig plain = RunConfig.ofSeed(RunConfig.DEFAULT_SEED).withTries(1000).withDatabase(dir);
        assertThat(p.check(plain.withDatabase(null)).passed()).as("the plain run alone misses the bug").isTrue();

        // An exploring run (-Dprobity.seed=random) that finds it: here an input from that run, replayed.
        PropertyResult exploring = p.check(plain.withSeed(987_654_321L, RunConfig.Source.RANDOM)
            .withReplay(org.probity.check.internal.ReplayToken.of(p.name(), new long[] {4242})));
        assertThat(exploring.passed()).isFalse();
        ExampleDatabase.open(dir, p.name()).save(List.of(exploring.failure().get().choices()));

        calls.set(0);
        PropertyResult next = p.check(plain);
        assertThat(next.passed()).isFalse();
        assertThat(next.failure().get().counterexample()).isEqualTo("4242");
        assertThat(next.tries()).as("no generated try: the stored failure is reported at once").isZero();
        assertThat(next.note()).startsWith("replayed 1 stored example from ").endsWith(": 1 still fails");
        assertThat(calls.get()).as("the stored example, its reproduction and shrinking").isLessThan(1000);
    }

    @Test
    void aFailureIsStoredAndTheNextRunReplaysItBeforeGenerating() throws IOException {
        RunConfig cfg = RunConfig.ofSeed(1).withDatabase(dir);
        Property<Integer> p = Property.holds("x < 100", Gens.integers(0, 1_000_000), x -> x < 100);
        PropertyResult first = p.check(cfg);
        assertThat(first.failure().get().counterexample()).isEqualTo("100");
        Path file = ExampleDatabase.open(dir, p.name()).location();
        assertThat(Files.readAllLines(file)).hasSize(2).last().isEqualTo(
            String.join(",", java.util.Arrays.stream(first.failure().get().choices()).mapToObj(Long::toString).toList()) + "\t0");
        PropertyResult second = p.check(cfg.withSeed(2));
        assertThat(second.tries()).isZero();
        assertThat(second.failure().get().counterexample()).isEqualTo("100");
    }

    @Test
    void aFixedBugStaysForFivePassingRunsThenIsDropped() {
        RunConfig cfg = RunConfig.ofSeed(1).withTries(50).withDatabase(dir);
        Property<Integer> broken = Property.holds("x < 100", Gens.integers(0, 1_000_000), x -> x < 100);
        broken.check(cfg);
        Property<Integer> fixed = Property.holds("x < 100", Gens.integers(0, 1_000_000), x -> true);
        Path file = ExampleDatabase.open(dir, fixed.name()).location();
        for (int run = 1; run < ExampleDatabase.PASSING_RUNS_KEPT; run++) {
            PropertyResult r = fixed.check(cfg);
            assertThat(r.passed()).isTrue();
            assertThat(r.note()).startsWith("replayed 1 stored example");
            assertThat(file).exists();
        }
        assertThat(fixed.check(cfg).passed()).isTrue();
        assertThat(file).doesNotExist();
        assertThat(fixed.check(cfg).note()).isEmpty();
    }

    @Test
    void offMeansNothingIsReadOrWritten() throws IOException {
        Property.holds("x < 100", Gens.integers(0, 1_000_000), x -> x < 100).check(RunConfig.ofSeed(1).withDatabase(null));
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThat(RunConfig.ofSeed(1).database()).isNull();
    }

    @Test
    void onlyShardZeroReplaysAndStores() throws IOException {
        RunConfig cfg = RunConfig.ofSeed(1).withDatabase(dir).withShard(1, 2);
        Property.holds("x < 100", Gens.integers(0, 1_000_000), x -> x < 100).check(cfg);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
