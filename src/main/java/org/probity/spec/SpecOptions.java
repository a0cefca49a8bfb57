package org.probity.spec;

import java.util.Locale;

/**
 * How {@link Spec#check} runs: the seed that determines every generated model instance, the number
 * of instances per claim or step, and the shard of the tries this run takes. Immutable.
 */
public final class SpecOptions {
    /** Instances per claim or step unless configured otherwise. */
    public static final int DEFAULT_TRIES = 200;
    /** The default seed (the engine's fixed default: the same file gets the same verdict). */
    public static final long DEFAULT_SEED = org.probity.check.RunConfig.DEFAULT_SEED;

    private static final String MSG_TRIES = "tries: expected an integer >= 1, got %d";
    private static final String MSG_SHARD = "shard: expected 0 <= index < count, got %d/%d";

    private final long seed;
    private final int tries;
    private final int shardIndex;
    private final int shardCount;

    private SpecOptions(long seed, int tries, int shardIndex, int shardCount) {
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
    }

    /** Seed {@link #DEFAULT_SEED}, {@link #DEFAULT_TRIES} tries, one shard. */
    public static SpecOptions defaults() {
        return new SpecOptions(DEFAULT_SEED, DEFAULT_TRIES, 0, 1);
    }

    /** A copy with another seed. */
    public SpecOptions withSeed(long s) {
        return new SpecOptions(s, tries, shardIndex, shardCount);
    }

    /**
     * A copy with another number of instances per claim or step.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public SpecOptions withTries(int n) {
        return new SpecOptions(seed, n, shardIndex, shardCount);
    }

    /**
     * A copy that runs shard {@code index} of {@code count} (a deterministic partition of the tries).
     *
     * @throws IllegalArgumentException unless {@code 0 <= index < count}
     */
    public SpecOptions withShard(int index, int count) {
        return new SpecOptions(seed, tries, index, count);
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
