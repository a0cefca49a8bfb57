package org.probity.report;

import java.util.List;
import java.util.Objects;

/**
 * The research sanity figures of one noise schedule (what {@code probity schedule} prints and
 * what {@code probity verify} records for the schedules it charts). Immutable.
 *
 * @param name            the schedule's name or file
 * @param steps           T
 * @param alphaBarT       \( \bar\alpha_T \)
 * @param snrFirst        \( \mathrm{SNR}_1 = \bar\alpha_1 / (1 - \bar\alpha_1) \)
 * @param snrLast         \( \mathrm{SNR}_T \)
 * @param priorKlBitsMean \( L_T \) in bits per dimension averaged over \( x_0 \) uniform on [-1, 1]
 * @param priorKlBitsEdge \( L_T \) in bits per dimension at \( |x_0| = 1 \) (the largest on [-1, 1])
 * @param betaNonDecreasing whether \( \beta_t \) never decreases
 * @param firstBetaDecrease the first t with \( \beta_t < \beta_{t-1} \), or 0
 * @param firstAlphaBarStall the first t with \( \bar\alpha_t \ge \bar\alpha_{t-1} \) in double precision (a
 *                        step that adds no noise: \( \bar\alpha_{t-1} = 0 \) after a \( \beta = 1 \), or a
 *                        \( \beta_t \) below the rounding of \( \bar\alpha_{t-1} \)), or 0 when
 *                        \( \bar\alpha_t \) strictly decreases
 * @param clippedSteps    the steps t whose \( \beta_t \) equals the cosine schedule's clip 0.999
 */
public record ScheduleSummary(String name, int steps, double alphaBarT, double snrFirst, double snrLast,
                              double priorKlBitsMean, double priorKlBitsEdge, boolean betaNonDecreasing,
                              int firstBetaDecrease, int firstAlphaBarStall, List<Integer> clippedSteps) {
    /** The cosine schedule's clip on \( \beta_t \) (Nichol and Dhariwal 2021). */
    public static final double BETA_CLIP = 0.999;

    /** Copies the list, checks for nulls. */
    public ScheduleSummary {
        Objects.requireNonNull(name, "name");
        clippedSteps = List.copyOf(clippedSteps);
    }

    /** @return whether \( \bar\alpha_t \) strictly decreases over t = 0..T (no stall) */
    public boolean alphaBarDecreasing() {
        return firstAlphaBarStall == 0;
    }

    /** @return whether the terminal SNR is exactly zero (\( \bar\alpha_T = 0 \)) */
    public boolean zeroTerminalSnr() {
        return alphaBarT == 0;
    }
}
