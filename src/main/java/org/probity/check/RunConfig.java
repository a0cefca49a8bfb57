package org.probity.check;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.rng.simple.RandomSource;
import org.probity.check.internal.ReplayToken;
import org.probity.math.Counts;

/**
 * How a run goes: tries, seed, budgets, shard and replay — the one options value of {@code verify},
 * {@code check}, {@code check-impl} and the JUnit bridge. Immutable; {@code withX} methods return
 * copies.
 *
 * <p>{@link #ofSeed(long)} is a fixed starting point; {@link #defaults()} also reads the system
 * properties {@code probity.tries}, {@code probity.seed} and {@code probity.replay}, so a JUnit run
 * is reproduced with {@code -Dprobity.seed=N} and a single shrunk failure with
 * {@code -Dprobity.replay=TOKEN} (the token every failure prints). Without {@code probity.seed} the
 * seed is {@link #DEFAULT_SEED}: a correctness gate gives the same verdict on the same code every
 * time. {@code -Dprobity.seed=random} draws a fresh seed per run (printed with any failure) to
 * explore further. Seeds are written as {@link #parseSeed} reads them. A failure says how its seed
 * was set and how to rerun it ({@link #seedSource()}). {@code probity.database} sets the example
 * database ({@link #database()}): a directory, or {@code off}.
 *
 * @param tries how many generated inputs to try (examples come on top)
 * @param seed the seed that determines every try
 * @param timeBudget the wall-clock budget for the tries (the run reports when it stops short)
 * @param maxShrinkSteps how many candidate inputs shrinking may evaluate
 * @param shrinkTimeBudget the wall-clock budget for shrinking
 * @param maxDiscardRatio how many discarded inputs are allowed per try before the run fails
 * @param shard the part of the tries this run takes ({@link Shard#WHOLE} for all)
 * @param replay a replay token, or null
 * @param seedSource where the seed came from (it decides the rerun advice a failure prints)
 * @param replaySource where the replay token came from: a token set in code or on the command line
 *     must name the property it is given to; one from {@code -Dprobity.replay} applies to the
 *     property it names, and the others run as usual
 * @param database the example database directory, or null for none
 */
public record RunConfig(int tries, long seed, Duration timeBudget, int maxShrinkSteps, Duration shrinkTimeBudget,
                        int maxDiscardRatio, Shard shard, String replay, Source seedSource, Source replaySource,
                        Path database) {
    /** Where an option's value came from. */
    public enum Source {
        /** The built-in default. */
        DEFAULT,
        /** A system property ({@code -Dprobity.seed=N}, {@code -Dprobity.replay=TOKEN}). */
        SYSTEM_PROPERTY,
        /** Drawn at random ({@code -Dprobity.seed=random}). */
        RANDOM,
        /** Set by the caller: {@link #withSeed}, {@link #withReplay}, or a command-line option. */
        CODE
    }

    /** The example database unless {@code -Dprobity.database} says otherwise. */
    public static final Path DEFAULT_DATABASE = Path.of(".probity", "examples");
    /** Tries per property unless configured otherwise. */
    public static final int DEFAULT_TRIES = 1000;
    /** The seed unless {@code -Dprobity.seed} says otherwise. */
    public static final long DEFAULT_SEED = 20261124L;

    private static final String MSG_TRIES = "tries: expected an integer >= 1, got %d";
    private static final String MSG_NON_NEGATIVE = "%s: expected an integer >= 0, got %d";
    private static final String MSG_SEED = "expected a whole number (decimal, or hexadecimal with 0x), got '%s'";
    private static final Duration DEFAULT_TIME_BUDGET = Duration.ofMinutes(5);
    private static final int DEFAULT_MAX_SHRINK_STEPS = 10_000;
    private static final Duration DEFAULT_SHRINK_TIME_BUDGET = Duration.ofSeconds(30);
    private static final int DEFAULT_MAX_DISCARD_RATIO = 5;

    /** Validates the fields. */
    public RunConfig {
        if (tries < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_TRIES, tries));
        }
        if (maxShrinkSteps < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_NON_NEGATIVE, "maxShrinkSteps", maxShrinkSteps));
        }
        if (maxDiscardRatio < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_NON_NEGATIVE, "maxDiscardRatio", maxDiscardRatio));
        }
        Objects.requireNonNull(timeBudget, "timeBudget");
        Objects.requireNonNull(shrinkTimeBudget, "shrinkTimeBudget");
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(seedSource, "seedSource");
        Objects.requireNonNull(replaySource, "replaySource");
        if (replay != null) {
            ReplayToken.requireWellFormed(replay);
        }
    }

    /**
     * {@link #DEFAULT_TRIES} tries with seed {@code seed}, whatever the system properties say: the
     * whole run (one shard), no replay, no example database, a 5-minute budget for the tries,
     * 10 000 shrink candidates within 30 s, 5 discards per try.
     *
     * @param seed the seed that determines every try
     * @return the options
     */
    public static RunConfig ofSeed(long seed) {
        return new RunConfig(DEFAULT_TRIES, seed, DEFAULT_TIME_BUDGET, DEFAULT_MAX_SHRINK_STEPS, DEFAULT_SHRINK_TIME_BUDGET,
            DEFAULT_MAX_DISCARD_RATIO, Shard.WHOLE, null, Source.CODE, Source.DEFAULT, null);
    }

    /**
     * 1000 tries (or {@code -Dprobity.tries}), seed {@link #DEFAULT_SEED} (or
     * {@code -Dprobity.seed=N|random}), the replay token of {@code -Dprobity.replay}, and the example
     * database {@link #DEFAULT_DATABASE} (or {@code -Dprobity.database=DIR|off}).
     */
    public static RunConfig defaults() {
        String tries = System.getProperty("probity.tries");
        String seed = System.getProperty("probity.seed");
        String replay = System.getProperty("probity.replay");
        String db = System.getProperty("probity.database");
        boolean random = seed != null && "random".equals(seed.trim());
        long s = seed == null ? DEFAULT_SEED : random ? RandomSource.createLong() : parseSeed("probity.seed", seed);
        Source source = seed == null ? Source.DEFAULT : random ? Source.RANDOM : Source.SYSTEM_PROPERTY;
        Path database = db == null ? DEFAULT_DATABASE : "off".equals(db.trim()) ? null : Path.of(db.trim());
        return ofSeed(s).withSeed(s, source).withTries(tries == null ? DEFAULT_TRIES : parse("probity.tries", tries))
            .withReplay(replay, replay == null ? Source.DEFAULT : Source.SYSTEM_PROPERTY).withDatabase(database);
    }

    /**
     * Reads a seed as every command and failure report writes it: a decimal {@code long}
     * ({@code -42}, {@code 20261124}) or 64 bits in hexadecimal after {@code 0x}
     * ({@code 0x9E3779B97F4A7C15}); surrounding blanks are ignored.
     *
     * @param text the seed
     * @return its value
     * @throws IllegalArgumentException "expected a whole number (decimal, or hexadecimal with 0x),
     *     got 'TEXT'"
     */
    public static long parseSeed(String text) {
        String s = text == null ? "" : text.strip();
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Long.parseUnsignedLong(s.substring(2), 16);
            }
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_SEED, text), e);
        }
    }

    /** A copy with {@code n} tries. */
    public RunConfig withTries(int n) {
        return new RunConfig(n, seed, timeBudget, maxShrinkSteps, shrinkTimeBudget, maxDiscardRatio, shard, replay,
            seedSource, replaySource, database);
    }

    /** A copy with seed {@code s}, set by the caller ({@link Source#CODE}). */
    public RunConfig withSeed(long s) {
        return withSeed(s, Source.CODE);
    }

    /** A copy with seed {@code s} that came from {@code source}. */
    public RunConfig withSeed(long s, Source source) {
        return new RunConfig(tries, s, timeBudget, maxShrinkSteps, shrinkTimeBudget, maxDiscardRatio, shard, replay,
            source, replaySource, database);
    }

    /** A copy with a wall-clock budget for the tries. */
    public RunConfig withTimeBudget(Duration d) {
        return new RunConfig(tries, seed, d, maxShrinkSteps, shrinkTimeBudget, maxDiscardRatio, shard, replay,
            seedSource, replaySource, database);
    }

    /** A copy whose shrinking evaluates at most {@code steps} candidates. */
    public RunConfig withMaxShrinkSteps(int steps) {
        return new RunConfig(tries, seed, timeBudget, steps, shrinkTimeBudget, maxDiscardRatio, shard, replay,
            seedSource, replaySource, database);
    }

    /** A copy whose shrinking stops after {@code d} of wall-clock time. */
    public RunConfig withShrinkTimeBudget(Duration d) {
        return new RunConfig(tries, seed, timeBudget, maxShrinkSteps, d, maxDiscardRatio, shard, replay,
            seedSource, replaySource, database);
    }

    /** A copy that runs only the try slots {@code i} with {@code i mod shard.count() == shard.index()}. */
    public RunConfig withShard(Shard s) {
        return new RunConfig(tries, seed, timeBudget, maxShrinkSteps, shrinkTimeBudget, maxDiscardRatio, s, replay,
            seedSource, replaySource, database);
    }

    /**
     * A copy that runs shard {@code index} (0-based) of {@code count}: {@link #withShard(Shard)}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= index < count}
     */
    public RunConfig withShard(int index, int count) {
        return withShard(Shard.of(index, count));
    }

    /**
     * A copy that keeps failing examples in {@code dir} and replays them first (the engine's guide
     * in README.md), or none when {@code dir} is null.
     */
    public RunConfig withDatabase(Path dir) {
        return new RunConfig(tries, seed, timeBudget, maxShrinkSteps, shrinkTimeBudget, maxDiscardRatio, shard, replay,
            seedSource, replaySource, dir);
    }

    /**
     * A copy that replays one recorded input instead of generating tries. The token must name the
     * property it is given to ({@link Property#check} throws otherwise).
     *
     * @param token {@code HASH:CHOICES} as a failure prints it, or null for none
     * @throws IllegalArgumentException if the token is not of that form
     */
    public RunConfig withReplay(String token) {
        return withReplay(token, token == null ? Source.DEFAULT : Source.CODE);
    }

    /**
     * A copy with a replay token from {@code source}; a token from {@link Source#SYSTEM_PROPERTY}
     * applies to the property it names, and every other property runs as usual (one
     * {@code -Dprobity.replay} serves a whole test run).
     */
    public RunConfig withReplay(String token, Source source) {
        return new RunConfig(tries, seed, timeBudget, maxShrinkSteps, shrinkTimeBudget, maxDiscardRatio, shard, token,
            seedSource, source, database);
    }

    /** How a run header prints the options: {@code seed S, N tries, shard i/n}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "seed %d, %s, shard %s", seed, Counts.of(tries, "try", "tries"), shard);
    }

    private static int parse(String name, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: expected an integer, got '%s'", name, v), e);
        }
    }

    private static long parseSeed(String name, String v) {
        try {
            return parseSeed(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "%s: expected a whole number (decimal, or hexadecimal with 0x) or 'random', got '%s'", name, v), e);
        }
    }
}
