package org.probity.check.internal;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.check.Choices;

/**
 * A {@link Choices} that records every choice it hands out. It draws either from a random
 * generator or from a fixed prefix (replay and shrinking); past the end of the prefix it hands
 * out zeros, the simplest choices, so an edited sequence always regenerates to something.
 */
public final class RecordingChoices implements Choices {
    /** A generation that draws more choices than this is discarded (it is runaway recursion). */
    public static final int MAX_CHOICES = 200_000;

    private final UniformRandomProvider rng;
    private final long[] prefix;
    private long[] record = new long[64];
    private int size;

    private RecordingChoices(UniformRandomProvider rng, long[] prefix) {
        this.rng = rng;
        this.prefix = prefix;
    }

    /** Choices drawn at random from {@code rng}. */
    public static RecordingChoices random(UniformRandomProvider rng) {
        return new RecordingChoices(rng, null);
    }

    /** Choices replayed from {@code prefix}, then zeros. */
    public static RecordingChoices replay(long[] prefix) {
        return new RecordingChoices(null, prefix.clone());
    }

    @Override
    public long draw(long max) {
        if (max < 0) {
            throw new IllegalArgumentException("max: expected a value >= 0, got " + max);
        }
        if (max == 0) {
            return 0;
        }
        if (size >= MAX_CHOICES) {
            throw new Discard("a value that needs fewer than " + MAX_CHOICES + " choices");
        }
        long v;
        if (prefix != null) {
            v = size < prefix.length ? Math.min(prefix[size], max) : 0;
        } else if (max == Long.MAX_VALUE) {
            v = rng.nextLong() >>> 1;
        } else {
            v = rng.nextLong(max + 1);
        }
        if (size == record.length) {
            record = Arrays.copyOf(record, size * 2);
        }
        record[size++] = v;
        return v;
    }

    /** The choices handed out so far. */
    public long[] recorded() {
        return Arrays.copyOf(record, size);
    }
}
