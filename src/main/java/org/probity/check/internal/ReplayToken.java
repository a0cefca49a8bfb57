package org.probity.check.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.probity.check.Gen;

/**
 * The one-option replay of a shrunk failure: {@code <property hash>:<choices>}, where the hash is
 * the first 8 hex digits of the property name's hash and the choices are comma-separated. A token
 * applies only to the property whose name it hashes, so one system property can be set for a
 * whole test run.
 */
public final class ReplayToken {
    private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{8}");

    private ReplayToken() {
    }

    /** The token for {@code choices} of the property named {@code name}. */
    public static String of(String name, long[] choices) {
        return tag(name) + ":" + Arrays.stream(choices).mapToObj(Long::toString).collect(Collectors.joining(","));
    }

    /**
     * The choices of {@code token} if it belongs to the property named {@code name} (any property
     * when {@code name} is null), else null.
     *
     * @throws IllegalArgumentException if the token is malformed
     */
    public static long[] choicesFor(String name, String token) {
        int colon = token.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "probity.replay: expected HASH:CHOICES as printed by a failure, got '%s'", token));
        }
        String hash = token.substring(0, colon).strip();
        if (!HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "probity.replay: expected 8 hex digits before ':' as printed by a failure, got '%s'", token));
        }
        if (name != null && !hash.equalsIgnoreCase(tag(name))) {
            return null;
        }
        String body = token.substring(colon + 1).trim();
        if (body.isEmpty()) {
            return new long[0];
        }
        try {
            long[] choices = Arrays.stream(body.split(",")).mapToLong(s -> Long.parseLong(s.trim())).toArray();
            if (Arrays.stream(choices).anyMatch(c -> c < 0)) {
                throw new NumberFormatException("a negative choice");
            }
            return choices;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "probity.replay: expected comma-separated whole numbers from 0 to 2^63 - 1 after ':', got '%s'", body), e);
        }
    }

    /**
     * Checks the form {@code HASH:CHOICES} (8 hex digits, a colon, comma-separated integers).
     *
     * @throws IllegalArgumentException naming the token and the expected form
     */
    public static void requireWellFormed(String token) {
        choicesFor(null, token);
    }

    /** The 8 hex digits that a token for the property named {@code name} starts with. */
    public static String tag(String name) {
        String hex = Integer.toHexString(name.hashCode());
        return "0".repeat(8 - hex.length()) + hex;
    }

    /**
     * Why {@code token} does not replay an input of the property named {@code name} drawn by
     * {@code gen}, if it does not: it was recorded for another property, or its choices are not
     * exactly what the generator draws from them (a value beyond a draw's range, choices left over,
     * too few choices — a sequence that runs out would read as zeros and so replay another input —,
     * a generator that refuses them). The one rule of {@code Property#replayProblem} and
     * {@code Trials#replayProblem}.
     *
     * @return empty when the token replays an input exactly, else the reason
     * @throws IllegalArgumentException if the token is malformed
     */
    public static Optional<String> problem(String name, Gen<?> gen, String token) {
        long[] choices = choicesFor(name, token);
        if (choices == null) {
            return Optional.of("was recorded for another property");
        }
        RecordingChoices c = RecordingChoices.replay(choices);
        try {
            gen.generate(c);
        } catch (RuntimeException e) {
            return Optional.of("does not replay an input of this property: its generator refuses the choices ("
                + e.getMessage() + ")");
        }
        long[] drawn = c.recorded();
        if (!Arrays.equals(drawn, choices)) {
            int k = Arrays.mismatch(drawn, choices);
            String why = k >= drawn.length ? "the generator uses " + drawn.length + " of its " + choices.length + " choices"
                : k >= choices.length ? "the generator draws more than its " + choices.length + " choices"
                : "choice " + (k + 1) + " is " + choices[k] + ", which the generator reads as " + drawn[k];
            return Optional.of("does not replay an input of this property exactly (" + why + ")");
        }
        return Optional.empty();
    }
}
