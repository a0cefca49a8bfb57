package org.probity.cli;

import java.util.Locale;

/**
 * One part of a run split over {@code count} jobs, written {@code i/n} on the command line with
 * {@code 1 <= i <= n} (the CI-matrix convention: {@code --shard 1/4} ... {@code --shard 4/4}).
 * The {@code n} shards of a run together cover exactly the tries of the unsharded run.
 *
 * @param index the 1-based shard number, {@code 1 <= index <= count}
 * @param count the number of shards, {@code >= 1}
 */
public record Shard(int index, int count) {
    /** The whole run (shard 1 of 1). */
    public static final Shard WHOLE = new Shard(1, 1);

    private static final String MSG_RANGE = "shard: expected i/n with 1 <= i <= n, got %d/%d";
    private static final String MSG_FORMAT = "expected i/n with 1 <= i <= n (for example 1/4), got '%s'";

    /**
     * @throws IllegalArgumentException unless {@code 1 <= index <= count}
     */
    public Shard {
        if (!(count >= 1 && index >= 1 && index <= count)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_RANGE, index, count));
        }
    }

    /**
     * Parses {@code i/n}.
     *
     * @param text the option value, for example {@code 2/4}
     * @return the shard
     * @throws IllegalArgumentException with a one-line message when {@code text} is not {@code i/n}
     *                                  with {@code 1 <= i <= n}
     */
    public static Shard parse(String text) {
        String s = text == null ? "" : text.strip();
        int slash = s.indexOf('/');
        if (slash > 0 && slash < s.length() - 1) {
            try {
                int i = Integer.parseInt(s.substring(0, slash));
                int n = Integer.parseInt(s.substring(slash + 1));
                if (n >= 1 && i >= 1 && i <= n) {
                    return new Shard(i, n);
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_FORMAT, text));
    }

    /** @return the 0-based index of this shard, {@code index - 1} */
    public int zeroBasedIndex() {
        return index - 1;
    }

    /** @return whether this is the whole run */
    public boolean isWhole() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
