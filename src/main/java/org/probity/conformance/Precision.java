package org.probity.conformance;

import java.util.Optional;
import org.probity.math.FloatFormat;

/**
 * The arithmetic an implementation declares it computes in (PROTOCOL.md {@code precision}); every
 * tolerance of a conformance check is a rule of {@link org.probity.math.Tolerances} at its
 * {@link #format()}.
 */
public enum Precision {
    /** IEEE binary64, \( u = 2^{-53} \). */
    FLOAT64("float64", FloatFormat.FLOAT64),
    /** IEEE binary32, \( u = 2^{-24} \). */
    FLOAT32("float32", FloatFormat.FLOAT32);

    private final String wireName;
    private final FloatFormat format;

    Precision(String wireName, FloatFormat format) {
        this.wireName = wireName;
        this.format = format;
    }

    /** The floating-point format the tolerance rules are evaluated at. */
    public FloatFormat format() {
        return format;
    }

    /** The wire name, {@code "float64"} or {@code "float32"}. */
    public String wireName() {
        return wireName;
    }

    /** The unit roundoff \( u \): \( 2^{-53} \) or \( 2^{-24} \). */
    public double unitRoundoff() {
        return format.unitRoundoff();
    }

    /**
     * The precision with this wire name.
     *
     * @param name {@code "float64"} or {@code "float32"}
     * @return the precision, or empty for any other name
     */
    public static Optional<Precision> fromWireName(String name) {
        for (Precision p : values()) {
            if (p.wireName.equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
