package org.probity.cli;

/**
 * The exit codes of the {@code probity} command, which a CI pipeline gates on.
 *
 * <ul>
 *   <li>{@link #HOLDS} (0): everything that was checked holds;</li>
 *   <li>{@link #FAILS} (1): at least one identity, claim or derivation step fails (the
 *       counterexample is printed and written to every report);</li>
 *   <li>{@link #BAD_INPUT} (2): bad usage or unreadable input (a missing or malformed file, an
 *       unknown name, an option value out of range); one line on standard error says which;</li>
 *   <li>{@link #INTERNAL_ERROR} (3): Probity itself broke (a bug: please report the one-line
 *       message; set the environment variable {@code PROBITY_DEBUG=1} to get the stack trace).</li>
 * </ul>
 */
public final class ExitCodes {
    /** Everything checked holds. */
    public static final int HOLDS = 0;
    /** Something checked fails. */
    public static final int FAILS = 1;
    /** Bad usage or unreadable input. */
    public static final int BAD_INPUT = 2;
    /** An unexpected error inside Probity. */
    public static final int INTERNAL_ERROR = 3;

    private ExitCodes() {
    }
}
