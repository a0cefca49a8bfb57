package org.probity.report;

import java.util.Locale;
import java.util.Objects;

/**
 * Per-timestep curves of one noise schedule, for the charts. Immutable (arrays are copied).
 *
 * @param name     the schedule's name
 * @param logSnr   \( \log \mathrm{SNR}_t \) for t = 1..T at index t - 1 (−∞ where ᾱ_t = 0)
 * @param vlbTerms the VLB terms \( L_{t-1} \) in bits per dimension for t = 2..T at index t - 1
 *                 (index 0 is NaN: \( L_0 \) is the decoder term, not a KL)
 */
public record ScheduleCurve(String name, double[] logSnr, double[] vlbTerms) {
    private static final String MSG_LENGTH = "vlbTerms: expected length %d (= logSnr length), got %d";

    /** Copies the arrays and checks that both have length T. */
    public ScheduleCurve {
        Objects.requireNonNull(name, "name");
        logSnr = logSnr.clone();
        vlbTerms = vlbTerms.clone();
        if (vlbTerms.length != logSnr.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_LENGTH, logSnr.length, vlbTerms.length));
        }
    }

    /** @return T */
    public int steps() {
        return logSnr.length;
    }

    @Override
    public double[] logSnr() {
        return logSnr.clone();
    }

    @Override
    public double[] vlbTerms() {
        return vlbTerms.clone();
    }
}
