package org.probity.check;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.rng.simple.RandomSource;

/**
 * How a property runs: tries, seed, budgets, shard and replay. Immutable; {@code withX} methods
 * return copies.
 *
 * <p>{@link #defaults()} reads the system properties {@code probity.tries}, {@code probity.seed}
 * and {@code probity.replay}, so a JUnit run is reproduced with {@code -Dprobity.seed=N} and a
 * single shrunk failure with {@code -Dprobity.replay=TOKEN} (the token every failure prints).
 * Without {@code probity.seed} the seed is {@link #DEFAULT_SEED}: a correctness gate gives the same
 * verdict on the same code every time. {@code -Dprobity.seed=random} draws a fresh seed per run
 * (printed with any failure) to explore further.
 *
 * @param tries how many generated inputs to try (examples come on top)
 * @param seed the seed that determines every try
 * @param timeBudget the wall-clock budget for the tries (the run reports when it stops short)
 * @param maxShrinkSteps how many candidate inputs shrinking may evaluate
 * @param shrinkTimeBudget the wall-clock budget for shrinking
 * @param maxDiscardRatio how many discarded inputs are allowed per try before the run fails
 * @param shardIndex this shard, in {@code [0, shardCount)}
 * @param shardCount how many shards the tries are split into
 * @param replay a replay token, or null
 */
public record RunConfig(int tries, long seed, Duration timeBudget, int maxShrinkSteps, Duration shrinkTimeBudget,
                        int maxDiscardRatio, int shardIndex, int shardCount, String replay) {
    /** Tries per property unless configured otherwise. */
    public static final int DEFAULT_TRIES = 1000;
    /** The seed unless {@code -Dprobity.seed} says otherwise. */
    public static final long DEFAULT_SEED = 20261124L;

    private static final String MSG_TRIES = "tries: expected an integer >= 1, got %d";
    private static final String MSG_SHARD = "shard: expected 0 <= index < count, got %d/%d";

    /** Validates the fields. */
    public RunConfig {
        if (tries < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_TRIES, tries));
        }
        if (!(shardCount >= 1 && shardIndex >= 0 && shardIndex < shardCount)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_SHARD, shardIndex, shardCount));
        }
        if (maxShrinkSteps < 0 || maxDiscardRatio < 0) {
            throw new IllegalArgumentException("maxShrinkSteps and maxDiscardRatio: expected >= 0");
        }
        Objects.requireNonNull(timeBudget, "timeBudget");
        Objects.requireNonNull(shrinkTimeBudget, "shrinkTimeBudget");
    }

    /** 1000 tries (or {@code -Dprobity.tries}), seed {@link #DEFAULT_SEED} (or {@code -Dprobity.seed=N|random}). */
    public static RunConfig defaults() {
        String tries = System.getProperty("probity.tries");
        String seed = System.getProperty("probity.seed");
        return new RunConfig(tries == null ? DEFAULT_TRIES : parse("probity.tries", tries),
            seed == null ? DEFAULT_SEED : "random".equals(seed.trim()) ? RandomSource.createLong() : parseLong("probity.seed", seed),
            Duration.ofMinutes(5), 10_000, Duration.ofSeconds(30), 5, 0, 1,
            System.getProperty("probity.replay"));
    }

    /** A copy with {@code n} tries. */
    public RunConfig withTries(int n) {
        return new RunConfig(n, seed, timeBudget, maxShrinkSteps, shrinkTimeBudget, maxDiscardRatio, shardIndex, shardCount, replay);
    }

    /** A copy with seed {@code s}. */
    public RunConfig withSeed(long s) {
        return new RunConfig(tries, s, timeBudget, maxShrinkSteps, shrinkTimeBudget, maxDiscardRatio, shardIndex, shardCount, replay);
    }

    /** A copy with a wall-clock budget for the tries. */
    public RunConfig withTimeBudget(Duration d) {
        return new RunConfig(tries, seed, d, maxShrinkSteps, shrinkTimeBudget, maxDiscardRatio, shardIndex, shardCount, replay);
    }

    /** A copy whose shrinking evaluates at most {@code steps} candidates. */
    public RunConfig withMaxShrinkSteps(int steps) {
        return new RunConfig(tries, seed, timeBudget, steps, shrinkTimeBudget, maxDiscardRatio, shardIndex, shardCount, replay);
    }

    /** A copy that runs only the tries {@code i} with {@code i mod count == index}. */
    public RunConfig withShard(int index, int count) {
        return new RunConfig(tries, seed, timeBudget, maxShrinkSteps, shrinkTimeBudget, maxDiscardRatio, index, count, replay);
    }

    /** A copy that replays one recorded input instead of generating tries. */
    public RunConfig withReplay(String token) {
        return new RunConfig(tries, seed, timeBudget, maxShrinkSteps, shrinkTimeBudget, maxDiscardRatio, shardIndex, shardCount, token);
    }

    private static int parse(String name, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: expected an integer, got '%s'", name, v), e);
        }
    }

    private static long parseLong(String name, String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: expected an integer or 'random', got '%s'", name, v), e);
        }
    }
}
