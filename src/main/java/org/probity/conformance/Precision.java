package org.probity.conformance;

import java.util.Locale;
import java.util.Optional;
import org.probity.math.Tolerance;

/**
 * The arithmetic an implementation declares it computes in (PROTOCOL.md {@code precision}); every
 * tolerance of a conformance check is derived from its unit roundoff \( u \).
 */
public enum Precision {
    /** IEEE binary64, \( u = 2^{-53} \). */
    FLOAT64("float64", Tolerance.UNIT_ROUNDOFF),
    /** IEEE binary32, \( u = 2^{-24} \). */
    FLOAT32("float32", Tolerance.UNIT_ROUNDOFF_FLOAT);

    private final String wireName;
    private final double unitRoundoff;

    Precision(String wireName, double unitRoundoff) {
        this.wireName = wireName;
        this.unitRoundoff = unitRoundoff;
    }

    /** The wire name, {@code "float64"} or {@code "float32"}. */
    public String wireName() {
        return wireName;
    }

    /** The unit roundoff \( u \): \( 2^{-53} \) or \( 2^{-24} \). */
    public double unitRoundoff() {
        return unitRoundoff;
    }

    /**
     * The rule "{@code k} rounding errors amplified by the condition number {@code kappa}", at this
     * precision: relative \( k \, u \, \max(1, \kappa) \), named after the rule. For float64 it equals
     * {@link Tolerance#conditioned(double, double)}.
     *
     * @param k the number of rounding errors the computation commits, {@code >= 0}
     * @param kappa the condition estimate
     * @return the named tolerance
     */
    public Tolerance conditioned(double k, double kappa) {
        double c = Math.max(1, kappa);
        return Tolerance.relative(k * unitRoundoff * c)
            .named(String.format(Locale.ROOT, "%s u(%s) x condition %.3g", fmt(k), wireName, c));
    }

    /**
     * The rule "{@code k} rounding errors on terms whose magnitudes add up to {@code scale}": absolute
     * \( k \, u \, \text{scale} \), for quantities computed as sums whose result may cancel to near 0
     * (a KL near 0, a posterior mean near 0), named after the rule.
     *
     * @param k the number of rounding errors per term, {@code >= 0}
     * @param scale the sum of the magnitudes of the terms (finite, {@code >= 0})
     * @return the named tolerance
     */
    public Tolerance onScale(double k, double scale) {
        return Tolerance.absolute(k * unitRoundoff * scale)
            .named(String.format(Locale.ROOT, "%s u(%s) x term scale %.3g", fmt(k), wireName, scale));
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

    private static String fmt(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : String.format(Locale.ROOT, "%.3g", x);
    }
}
