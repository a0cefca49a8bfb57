package org.probity.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The shrinking challenge over 20 seeds: at least 10 of the 12 challenges reach their expected
 * minimum on every seed. Prints, per challenge, how many seeds reached it, the distinct results,
 * and the mean number of candidates shrinking evaluated.
 */
class ShrinkingChallengeTest {
    static final int SEEDS = 20;

    /** One challenge's results over the seeds. */
    record Row(ShrinkingChallenge challenge, int reached, Map<String, Integer> results, double meanCalls, long millis) {
    }

    static Row run(ShrinkingChallenge c, int seeds) {
        int reached = 0;
        Map<String, Integer> results = new TreeMap<>();
        long calls = 0;
        long start = System.nanoTime();
        for (int seed = 1; seed <= seeds; seed++) {
            PropertyResult r = c.property().check(RunConfig.defaults().withSeed(seed).withTries(10_000));
            String shown = r.failure().map(Failure::counterexample).orElse("(not found: " + r.note() + ")");
            results.merge(shown, 1, Integer::sum);
            reached += c.isExpected(shown) ? 1 : 0;
            calls += r.failure().map(Failure::shrinkSteps).orElse(0);
        }
        return new Row(c, reached, results, (double) calls / seeds, (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void atLeastTenOfTwelveChallengesReachTheirMinimumOnEverySeed() {
        Map<ShrinkingChallenge, Row> rows = new EnumMap<>(ShrinkingChallenge.class);
        for (ShrinkingChallenge c : ShrinkingChallenge.values()) {
            rows.put(c, run(c, SEEDS));
        }
        List<String> reachedAll = new ArrayList<>();
        for (Row r : rows.values()) {
            System.out.printf(Locale.ROOT, "%-18s %2d/%d  %5.0f reductions  %5d ms  %s%n", r.challenge().title(), r.reached(),
                SEEDS, r.meanCalls(), r.millis(), r.results());
            if (r.reached() == SEEDS) {
                reachedAll.add(r.challenge().title());
            }
        }
        assertThat(reachedAll).as("challenges that reach their minimum on all %d seeds", SEEDS).hasSizeGreaterThanOrEqualTo(10);
    }
}
