package org.probity.conformance;

import java.util.Objects;

/**
 * A replay token ({@code check-impl --replay}) names a property of this run but does not replay an
 * input of it exactly: its choices run out before the generator has drawn them all (a cut token —
 * the missing choices would read as zeros and so replay another input), are left over (an extended
 * token), or are read otherwise or refused by the generator. A replay of something else would be a
 * silent pass, so {@link ConformanceChecker#check} refuses the token before any request; the CLI
 * reports it as bad input (exit 2).
 */
public final class ReplayRefused extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String property;
    private final String token;
    private final String problem;

    /**
     * @param property the property the token names
     * @param token the token as given
     * @param problem why it does not replay an input of that property (from {@code Trials#replayProblem})
     */
    public ReplayRefused(String property, String token, String problem) {
        super("replay token for '" + property + "' " + problem);
        this.property = Objects.requireNonNull(property, "property");
        this.token = Objects.requireNonNull(token, "token");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** The property the token names. */
    public String property() {
        return property;
    }

    /** The token as given. */
    public String token() {
        return token;
    }

    /** Why it does not replay an input of the property exactly. */
    public String problem() {
        return problem;
    }
}
