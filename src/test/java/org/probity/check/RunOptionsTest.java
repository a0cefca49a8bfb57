package org.probity.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one run-options value, shard type and seed parser that verify, check and check-impl share. */
class RunOptionsTest {
    @Test
    void aShardIsZeroBasedInsideAndWrittenOneBased() {
        Shard s = Shard.parse("2/4");
        assertThat(s.index()).isEqualTo(1);
        assertThat(s.count()).isEqualTo(4);
        assertThat(s.number()).isEqualTo(2);
        assertThat(s).hasToString("2/4").isEqualTo(Shard.of(1, 4));
        assertThat(Shard.parse(s.toString())).isEqualTo(s);
        assertThat(Shard.WHOLE).hasToString("1/1");
        assertThat(Shard.WHOLE.isWhole()).isTrue();
        assertThat(Shard.parse(" 1/1 ")).isEqualTo(Shard.WHOLE);
    }

    @Test
    void theShardsOfARunShareItsTriesWithoutGapsOrOverlap() {
        for (int tries : new int[] {1, 7, 200, 1001}) {
            for (int n = 1; n <= 5; n++) {
                int sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += Shard.of(i, n).triesOf(tries);
                }
                assertThat(sum).as("%d tries over %d shards", tries, n).isEqualTo(tries);
            }
        }
    }

    @Test
    void badShardsNameWhatWasExpected() {
        for (String bad : new String[] {"0/4", "5/4", "4", "a/b", "1/0", "", "-1/2"}) {
            assertThatThrownBy(() -> Shard.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected i/n with 1 <= i <= n (for example 1/4), got '" + bad + "'");
        }
        assertThatThrownBy(() -> Shard.of(4, 4)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("shard: expected 0 <= index < count, got 4/4");
        assertThatThrownBy(() -> RunConfig.ofSeed(1).withShard(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void seedsAreDecimalOrSixtyFourBitsInHexadecimal() {
        assertThat(RunConfig.parseSeed("20261124")).isEqualTo(20261124L);
        assertThat(RunConfig.parseSeed(" -42 ")).isEqualTo(-42L);
        assertThat(RunConfig.parseSeed("0x9E3779B97F4A7C15")).isEqualTo(0x9E3779B97F4A7C15L).isNegative();
        assertThat(RunConfig.parseSeed("0xff")).isEqualTo(255L);
        assertThat(RunConfig.parseSeed(Long.toString(Long.MIN_VALUE))).isEqualTo(Long.MIN_VALUE);
        for (String bad : new String[] {"", "1.5", "0x", "0x1FFFFFFFFFFFFFFFF", "12abc", "random"}) {
            assertThatThrownBy(() -> RunConfig.parseSeed(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a whole number (decimal, or hexadecimal with 0x), got '" + bad + "'");
        }
    }

    @Test
    void theOptionsValuePrintsAsARunHeaderAndFixedDefaultsIgnoreSystemProperties() {
        RunConfig c = RunConfig.ofSeed(7).withTries(200).withShard(Shard.parse("3/4"));
        assertThat(c).hasToString("seed 7, 200 tries, shard 3/4");
        assertThat(c.shard().index()).isEqualTo(2);
        RunConfig plain = RunConfig.ofSeed(7);
        assertThat(plain.tries()).isEqualTo(RunConfig.DEFAULT_TRIES);
        assertThat(plain.shard()).isEqualTo(Shard.WHOLE);
        assertThat(plain.replay()).isNull();
    }

    @Test
    void aRunOfSlowTriesStopsAtTheFirstTryPastItsTimeBudget() {
        // Each try sleeps 5 ms, so by try k at least 5k ms have passed: a run that reads the clock
        // before every slow try stops after at most 40 / 5 + 1 tries; one that read it only every
        // few hundred tries would run all 1000.
        Property<Integer> slow = Property.holds("slow", Gens.integers(0, 9), x -> sleep(5));
        PropertyResult r = slow.check(RunConfig.ofSeed(1).withTries(1000).withTimeBudget(java.time.Duration.ofMillis(40)));
        assertThat(r.tries()).isBetween(1, 9);
        assertThat(r.note()).startsWith("stopped by the time budget of PT0.04S after " + r.tries() + " of 1000 tries");
    }

    @Test
    void aRunOfFastTriesStopsOnItsTimeBudgetToo() {
        // A body that turns slow after a burst of fast tries: the clock is read at least every
        // Deadline.MAX_STRIDE (256) tries, so the run stops well short of its 100 000 tries.
        long[] calls = {0};
        Property<Integer> turning = Property.holds("turning", Gens.integers(0, 9), x -> ++calls[0] <= 2000 || sleep(1));
        PropertyResult r = turning.check(RunConfig.ofSeed(1).withTries(100_000).withTimeBudget(java.time.Duration.ofMillis(100)));
        assertThat(r.tries()).isLessThan(2000 + 100 + 256 + 2);
        assertThat(r.note()).startsWith("stopped by the time budget");
    }

    /** Sleeps {@code millis} ms; true (a passing condition). */
    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
