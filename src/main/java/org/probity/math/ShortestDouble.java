package org.probity.math;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;

/**
 * The shortest decimal string that reads back as the same double, so numbers written by Probity
 * (schedule tables, reports) are exact reference values for other tools.
 *
 * <p>The string is what {@code Double.toString} returns on Java 19 and later (JDK-4511638):
 * among the decimals that round to {@code x}, one with the fewest digits, and of those the one
 * closest to {@code x}; the same layout ({@code 0.002}, {@code 1.0E-5}, {@code 1.0E23}). On
 * Java 17, {@code Double.toString} sometimes prints more digits than needed ({@code 2.0E23} as
 * {@code 1.9999999999999998E23}, {@code 0.002} as {@code 0.0020}); this class does not.
 * Implemented by Raffaello Giulietti's Schubfach algorithm as shipped in jackson-core
 * ({@code com.fasterxml.jackson.core.io.schubfach}), the same algorithm as the JDK's.
 * Tested against 6,000 strings produced by {@code Double.toString} on JDK 25.
 */
public final class ShortestDouble {
    private ShortestDouble() {
    }

    /**
     * @param x any double
     * @return the shortest round-trip decimal, in {@code Double.toString} layout ({@code NaN},
     *         {@code Infinity} and {@code -Infinity} for non-finite values)
     */
    public static String toString(double x) {
        return DoubleToDecimal.toString(x);
    }

    /**
     * @param x any double
     * @return {@link #toString(double)} for finite {@code x}; for NaN and the infinities, which JSON
     *         numbers cannot represent, the JSON strings {@code "NaN"}, {@code "Infinity"} and
     *         {@code "-Infinity"}, as PROTOCOL.md, {@code conformance.json} and {@code summary.json}
     *         write them (quotes included)
     */
    public static String json(double x) {
        return Double.isFinite(x) ? toString(x) : "\"" + toString(x) + "\"";
    }
}
