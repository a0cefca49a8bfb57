package org.probity.cli;

import java.util.Locale;
import org.probity.check.RunConfig;
import org.probity.check.Shard;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option-value converters whose messages say what was expected and what was given. */
final class Converters {
    private static final String MSG_POSITIVE = "expected a whole number >= 1, got '%s'";
    private static final String MSG_RANGE = "expected a whole number in [1, %d], got '%s'";

    private Converters() {
    }

    /** A whole number {@code >= 1} (numbers of tries, steps). */
    static final class PositiveInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int n = Integer.parseInt(value.strip());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
            throw new TypeConversionException(String.format(Locale.ROOT, MSG_POSITIVE, value));
        }
    }

    /** The format of standard input for {@code check -}: md, tex or prob. */
    static final class InputFormat implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String s = value.strip().toLowerCase(Locale.ROOT);
            if (!(s.equals("md") || s.equals("tex") || s.equals("prob"))) {
                throw new TypeConversionException(String.format(Locale.ROOT,
                    "expected md, tex or prob, got '%s'", value));
            }
            return s;
        }
    }

    /** A number of schedule steps T: a whole number in [1, {@link ScheduleInput#MAX_STEPS}]. */
    static final class Steps implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return wholeNumber(value, ScheduleInput.MAX_STEPS);
        }
    }

    /** check-impl's cases per property: a whole number in [1, {@link CheckImplCommand#MAX_TRIES}]. */
    static final class Tries implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return wholeNumber(value, CheckImplCommand.MAX_TRIES);
        }
    }

    /** check-impl's shrink candidates per finding: a whole number in [1, {@link CheckImplCommand#MAX_SHRINK}]. */
    static final class ShrinkSteps implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return wholeNumber(value, CheckImplCommand.MAX_SHRINK);
        }
    }

    /** check-impl's per-request timeout in ms: a whole number in [1, {@link CheckImplCommand#MAX_TIMEOUT_MS}]. */
    static final class TimeoutMillis implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return wholeNumber(value, CheckImplCommand.MAX_TIMEOUT_MS);
        }
    }

    /**
     * @param value the option's text
     * @param max   the largest value allowed
     * @return the number, in [1, max]
     * @throws TypeConversionException {@code expected a whole number in [1, max], got 'value'}
     */
    static int wholeNumber(String value, int max) {
        try {
            long n = Long.parseLong(value.strip());
            if (n >= 1 && n <= max) {
                return (int) n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new TypeConversionException(String.format(Locale.ROOT, MSG_RANGE, max, value));
    }

    /** A 64-bit seed: any long, decimal or {@code 0x}-hexadecimal (as failures print it): {@link RunConfig#parseSeed}. */
    static final class Seed implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return RunConfig.parseSeed(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A replay token {@code HASH:CHOICES}, as a failure prints it. */
    static final class ReplayToken implements ITypeConverter<String> {
        /** The most characters of a token that a message quotes (a schedule's token runs to kilobytes). */
        static final int SHOWN = 80;

        /**
         * {@code token} as a message quotes it: whole up to {@link #SHOWN} characters, else its start
         * and end around "… (N characters) …".
         */
        static String shown(String token) {
            if (token.length() <= SHOWN) {
                return token;
            }
            return token.substring(0, SHOWN / 2) + "… (" + token.length() + " characters) …"
                + token.substring(token.length() - SHOWN / 4);
        }

        @Override
        public String convert(String value) {
            try {
                return RunConfig.ofSeed(RunConfig.DEFAULT_SEED).withReplay(value.strip()).replay();
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage().replaceFirst("^probity\\.replay: ", ""));
            }
        }
    }

    /** {@code i/n}, see {@link Shard#parse(String)}. */
    static final class ShardConverter implements ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            try {
                return Shard.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
