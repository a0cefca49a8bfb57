package org.probity.check.internal;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.check.Choices;

/**
 * A {@link Choices} that records every choice it hands out. It draws either from a random
 * generator or from a fixed prefix (replay and shrinking); past the end of the prefix it hands
 * out zeros, the simplest choices, so an edited sequence always regenerates to something, or, for
 * a mutation of a targeted try, fresh random choices.
 *
 * <p>A replay also records, for the shrinker, the bound of every choice and the spans the
 * generators marked; a random draw records only the values (that is the hot path of a run).
 */
public final class RecordingChoices implements Choices {
    /** A generation that draws more choices than this is discarded (it is runaway recursion). */
    public static final int MAX_CHOICES = 200_000;

    private final UniformRandomProvider rng;
    private final long[] prefix;
    private final boolean detailed;
    private long[] record = new long[16];
    private long[] maxes;
    private Spans.Builder spans;
    private int size;

    private RecordingChoices(UniformRandomProvider rng, long[] prefix, boolean detailed) {
        this.rng = rng;
        this.prefix = prefix;
        this.detailed = detailed;
        if (detailed) {
            maxes = new long[16];
            spans = new Spans.Builder();
        }
    }

    /** Choices drawn at random from {@code rng}. */
    public static RecordingChoices random(UniformRandomProvider rng) {
        return new RecordingChoices(rng, null, false);
    }

    /** Choices replayed from {@code prefix}, then zeros; bounds and spans are recorded. */
    public static RecordingChoices replay(long[] prefix) {
        return new RecordingChoices(null, prefix.clone(), true);
    }

    /** Choices replayed from {@code prefix}, then drawn at random from {@code rng}; bounds and spans are recorded. */
    public static RecordingChoices replayThenRandom(long[] prefix, UniformRandomProvider rng) {
        return new RecordingChoices(rng, prefix.clone(), true);
    }

    @Override
    public long draw(long max) {
        return next(max, false);
    }

    @Override
    public long drawBiased(long max) {
        return next(max, true);
    }

    @Override
    public void beginSpan(Object label) {
        if (spans != null) {
            spans.begin(label, size);
        }
    }

    @Override
    public void endSpan() {
        if (spans != null) {
            spans.end(size);
        }
    }

    private long next(long max, boolean biased) {
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
        if (prefix != null && size < prefix.length) {
            v = Math.min(prefix[size], max);
        } else if (rng == null) {
            v = 0;
        } else {
            v = biased ? biased(max) : uniform(max);
        }
        if (size == record.length) {
            record = Arrays.copyOf(record, size * 2);
            if (detailed) {
                maxes = Arrays.copyOf(maxes, size * 2);
            }
        }
        if (detailed) {
            maxes[size] = max;
        }
        record[size++] = v;
        return v;
    }

    private long uniform(long max) {
        return max == Long.MAX_VALUE ? rng.nextLong() >>> 1 : rng.nextLong(max + 1);
    }

    /**
     * One random word picks the kind of draw: 4 in 16 uniform, 1 in 16 the choice 0, 1 in 16 the
     * choice max or max − 1 (the two ends of a range that {@code Gens.integers} folds around 0), 1 in
     * 16 an earlier choice of the same try, 1 in 16 such a choice ± 1 or ± 2 (± 1 in the value for
     * either encoding),
     * the rest (8 in 16) a small magnitude; a repeat that does not fit in {@code [0, max]} (or with no
     * earlier value) falls back to a small magnitude.
     */
    private long biased(long max) {
        long word = rng.nextLong();
        int kind = (int) (word & 15);
        if (kind < 4) {
            return uniform(max);
        }
        if (kind == 4) {
            return 0;
        }
        if (kind == 5) {
            return (word & 16) == 0 ? max : max - 1;
        }
        if (kind < 8 && size > 0) {
            long p = record[(int) (((word >>> 8) & 0xFFFF) * size >>> 16)];
            if (kind == 7) {
                long step = (word & 32) == 0 ? 1 : 2;
                p += (word & 16) == 0 ? step : -step;
            }
            if (p >= 0 && p <= max) {
                return p;
            }
        }
        int bits = 64 - Long.numberOfLeadingZeros(max);
        int k = (int) (((word >>> 32) * (bits + 1)) >>> 32);
        long mask = (1L << k) - 1;
        // Below max, a mask of k bits is exactly uniform on [0, 2^k) and needs no rejection loop.
        return mask < max ? rng.nextLong() & mask : uniform(max);
    }

    /** The choices handed out so far. */
    public long[] recorded() {
        return Arrays.copyOf(record, size);
    }

    /** The bound of every recorded choice (a replay), or null (a random draw). */
    public long[] maxes() {
        return detailed ? Arrays.copyOf(maxes, size) : null;
    }

    /** The spans marked so far (a replay), or {@link Spans#NONE} (a random draw). */
    public Spans spans() {
        return detailed ? spans.build(size) : Spans.NONE;
    }
}
