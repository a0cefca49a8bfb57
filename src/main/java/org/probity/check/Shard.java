package org.probity.check;

import java.util.Locale;

/**
 * One part of a run split over {@code count} jobs. Inside Probity the index is 0-based
 * ({@code 0 <= index < count}): the shard runs the try slots {@code i} with
 * {@code i mod count == index}, so the {@code count} shards of a run cover exactly its tries. On the
 * command line and in every report it is written 1-based, {@code i/n} with {@code 1 <= i <= n} (the
 * CI-matrix convention: {@code --shard 1/4} … {@code --shard 4/4}); {@link #parse} and
 * {@link #toString} are the only conversions.
 *
 * @param index the 0-based shard, {@code 0 <= index < count}
 * @param count the number of shards, {@code >= 1}
 */
public record Shard(int index, int count) {
    /** The whole run: shard 0 of 1, written {@code 1/1}. */
    public static final Shard WHOLE = new Shard(0, 1);

    private static final String MSG_RANGE = "shard: expected 0 <= index < count, got %d/%d";
    private static final String MSG_FORMAT = "expected i/n with 1 <= i <= n (for example 1/4), got '%s'";

    /**
     * @throws IllegalArgumentException unless {@code 0 <= index < count}
     */
    public Shard {
        if (!(count >= 1 && index >= 0 && index < count)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_RANGE, index, count));
        }
    }

    /**
     * The shard {@code index} (0-based) of {@code count}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= index < count}
     */
    public static Shard of(int index, int count) {
        return new Shard(index, count);
    }

    /**
     * Parses the command-line form {@code i/n}, 1-based.
     *
     * @param text for example {@code 2/4} (shard index 1 of 4)
     * @return the shard
     * @throws IllegalArgumentException with a one-line message when {@code text} is not {@code i/n}
     *     with {@code 1 <= i <= n}
     */
    public static Shard parse(String text) {
        String s = text == null ? "" : text.strip();
        int slash = s.indexOf('/');
        if (slash > 0 && slash < s.length() - 1) {
            try {
                int i = Integer.parseInt(s.substring(0, slash));
                int n = Integer.parseInt(s.substring(slash + 1));
                if (n >= 1 && i >= 1 && i <= n) {
                    return new Shard(i - 1, n);
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_FORMAT, text));
    }

    /** The 1-based number of this shard, as written: {@code index + 1}. */
    public int number() {
        return index + 1;
    }

    /** How many of {@code tries} try slots this shard runs. */
    public int triesOf(int tries) {
        return tries / count + (index < tries % count ? 1 : 0);
    }

    /** Whether this is the whole run (one shard). */
    public boolean isWhole() {
        return count == 1;
    }

    /** The command-line form, 1-based: {@code i/n}. */
    @Override
    public String toString() {
        return number() + "/" + count;
    }
}
