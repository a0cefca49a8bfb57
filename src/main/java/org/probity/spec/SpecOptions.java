package org.probity.spec;

import java.time.Duration;
import java.util.Locale;

/**
 * How {@link Spec#check} runs: the seed that determines every generated model instance, the number
 * of instances per claim or step, the shard of the tries this run takes, and the time one try may
 * take. Immutable.
 */
public final class SpecOptions {
    /** Instances per claim or step unless configured otherwise. */
    public static final int DEFAULT_TRIES = 200;
    /** The default seed (the engine's fixed default: the same file gets the same verdict). */
    public static final long DEFAULT_SEED = org.probity.check.RunConfig.DEFAULT_SEED;

    /** The time one try (one model instance) may take unless configured otherwise. */
    public static final Duration DEFAULT_TRY_BUDGET = Duration.ofSeconds(10);

    private static final String MSG_BUDGET = "tryBudget: expected a duration > 0, got %s";
    private static final String MSG_TRIES = "tries: expected an integer >= 1, got %d";
    private static final String MSG_SHARD = "shard: expected 0 <= index < count, got %d/%d";

    private final long seed;
    private final int tries;
    private final int shardIndex;
    private final int shardCount;
    private final Duration tryBudget;

    private SpecOptions(long seed, int tries, int shardIndex, int shardCount, Duration tryBudget) {
        if (tries < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_TRIES, tries));
        }
        if (!(shardCount >= 1 && shardIndex >= 0 && shardIndex < shardCount)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_SHARD, shardIndex, shardCount));
        }
        this.seed = seed;
        this.tries = tries;
        this.shardIndex = shardIndex;
        this.shardCount = shardCount;
        if (tryBudget == null || tryBudget.isNegative() || tryBudget.isZero()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_BUDGET, tryBudget));
        }
        this.tryBudget = tryBudget;
    }

    /** Seed {@link #DEFAULT_SEED}, {@link #DEFAULT_TRIES} tries, one shard. */
    public static SpecOptions defaults() {
        return new SpecOptions(DEFAULT_SEED, DEFAULT_TRIES, 0, 1, DEFAULT_TRY_BUDGET);
    }

    /** A copy with another seed. */
    public SpecOptions withSeed(long s) {
        return new SpecOptions(s, tries, shardIndex, shardCount, tryBudget);
    }

    /**
     * A copy with another number of instances per claim or step.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public SpecOptions withTries(int n) {
        return new SpecOptions(seed, n, shardIndex, shardCount, tryBudget);
    }

    /**
     * A copy that runs shard {@code index} of {@code count} (a deterministic partition of the tries).
     *
     * @throws IllegalArgumentException unless {@code 0 <= index < count}
     */
    public SpecOptions withShard(int index, int count) {
        return new SpecOptions(seed, tries, index, count, tryBudget);
    }

    /**
     * A copy in which one try (the evaluation of one claim or step on one model instance) may take at
     * most {@code budget}; a try that takes longer stops, and the item is reported NOT CHECKED.
     *
     * @throws IllegalArgumentException unless {@code budget > 0}
     */
    public SpecOptions withTryBudget(Duration budget) {
        return new SpecOptions(seed, tries, shardIndex, shardCount, budget);
    }

    /** The time one try may take. */
    public Duration tryBudget() {
        return tryBudget;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** Instances per claim or step. */
    public int tries() {
        return tries;
    }

    /** This shard's index. */
    public int shardIndex() {
        return shardIndex;
    }

    /** The number of shards. */
    public int shardCount() {
        return shardCount;
    }

    /** Printed 1-based ("shard 1/4"), as the command line's {@code --shard i/n} takes it. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "seed %d, %d tries, shard %d/%d", seed, tries, shardIndex + 1, shardCount);
    }
}
