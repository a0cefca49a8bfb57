package org.probity.diffusion;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The named noise schedules of PROTOCOL.md ("Named schedules"), by their protocol names, each with its
 * published definition, its source and the schedule lengths where it is defined. Built by
 * {@link Schedules}; every \( \beta_t \) is correctly rounded from the definition.
 *
 * <pre>{@code
 * NoiseSchedule s = NamedSchedule.of("linear_scaled").schedule(50);   // improved-diffusion's ends
 * double[] betas = s.betas();
 * double abarT = s.alphaBar(s.steps());
 * }</pre>
 */
public enum NamedSchedule {
    /** Ho et al.'s fixed ends for every T. */
    LINEAR("linear", 1, "beta_t = linspace(1e-4, 0.02, T): Ho et al.'s fixed ends for every T "
        + "(improved-diffusion scales them by 1000/T: linear_scaled)",
        "Ho et al. 2020, §4 (diffusers \"linear\")", Schedules::linear),
    /** Ho's ends times 1000/T; T ≥ 20. */
    LINEAR_SCALED("linear_scaled", Schedules.LINEAR_SCALED_MIN_STEPS,
        "beta_t = linspace(0.1/T, 20/T, T): Ho's ends times 1000/T, defined for T >= 20 "
        + "(Ho's fixed ends: linear)",
        "improved-diffusion get_named_beta_schedule(\"linear\")", Schedules::linearScaled),
    /** Stable Diffusion's squared linspace of square roots. */
    SCALED_LINEAR("scaled_linear", 1, "beta_t = linspace(sqrt(0.00085), sqrt(0.012), T)^2",
        "Stable Diffusion (diffusers \"scaled_linear\")", Schedules::scaledLinear),
    /** Nichol & Dhariwal's cosine schedule with β clipped at 0.999. */
    COSINE("cosine", 1, "abar(t) = f(t)/f(0), f(t) = cos^2((t/T + 0.008)/1.008 * pi/2), "
        + "beta_t = min(1 - abar(t)/abar(t-1), 0.999)",
        "Nichol & Dhariwal 2021, eq. 17 (diffusers \"squaredcos_cap_v2\")", Schedules::cosine);

    private static final String MSG_NAME = "name: expected one of %s, got '%s'";

    private final String wireName;
    private final int minSteps;
    private final String definition;
    private final String source;
    private final IntFunction<NoiseSchedule> build;

    NamedSchedule(String wireName, int minSteps, String definition, String source, IntFunction<NoiseSchedule> build) {
        this.wireName = wireName;
        this.minSteps = minSteps;
        this.definition = definition;
        this.source = source;
        this.build = build;
    }

    /**
     * The schedule of a protocol name.
     *
     * @param name {@code linear}, {@code linear_scaled}, {@code scaled_linear} or {@code cosine}
     * @return the named schedule
     * @throws IllegalArgumentException naming the known names for any other (null included)
     */
    public static NamedSchedule of(String name) {
        for (NamedSchedule n : values()) {
            if (n.wireName.equals(name)) {
                return n;
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_NAME, names(), name));
    }

    /** The protocol names, comma-separated, in table order. */
    public static String names() {
        return Arrays.stream(values()).map(NamedSchedule::wireName).collect(Collectors.joining(", "));
    }

    /** The protocol name ({@code linear}, {@code linear_scaled}, {@code scaled_linear}, {@code cosine}). */
    public String wireName() {
        return wireName;
    }

    /** The smallest T where the schedule is defined (20 for {@code linear_scaled}, else 1). */
    public int minSteps() {
        return minSteps;
    }

    /** Whether the schedule is defined for {@code steps} (\( T \ge \) {@link #minSteps()}). */
    public boolean isDefinedFor(int steps) {
        return steps >= minSteps;
    }

    /** The published definition, one line. */
    public String definition() {
        return definition;
    }

    /** Where the definition is published. */
    public String source() {
        return source;
    }

    /**
     * The schedule with T steps.
     *
     * @param steps T, at least {@link #minSteps()}
     * @return the schedule, every \( \beta_t \) correctly rounded from the definition
     * @throws IllegalArgumentException if the schedule is not defined for T
     */
    public NoiseSchedule schedule(int steps) {
        return build.apply(steps);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
