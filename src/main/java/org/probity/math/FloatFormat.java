package org.probity.math;

/**
 * An IEEE 754 binary floating-point format, as far as tolerance rules need it: its unit roundoff
 * \( u \) (the largest relative error of one correctly rounded operation in the normal range) and
 * the smallest positive normal number, below which relative accuracy is lost to gradual underflow.
 * The rules of {@link Tolerances} take the format a computation was carried out in; Probity itself
 * computes in {@link #FLOAT64}, an implementation under test may declare {@link #FLOAT32}.
 */
public enum FloatFormat {
    /** IEEE binary64 ({@code double}): \( u = 2^{-53} \), smallest normal \( 2^{-1022} \). */
    FLOAT64("float64", 0x1.0p-53, Double.MIN_NORMAL),
    /** IEEE binary32 ({@code float}): \( u = 2^{-24} \), smallest normal \( 2^{-126} \). */
    FLOAT32("float32", 0x1.0p-24, Float.MIN_NORMAL);

    private final String label;
    private final double unitRoundoff;
    private final double minNormal;

    FloatFormat(String label, double unitRoundoff, double minNormal) {
        this.label = label;
        this.unitRoundoff = unitRoundoff;
        this.minNormal = minNormal;
    }

    /** The unit roundoff \( u \): \( 2^{-53} \) or \( 2^{-24} \). */
    public double unitRoundoff() {
        return unitRoundoff;
    }

    /** The smallest positive normal number: \( 2^{-1022} \) or \( 2^{-126} \). */
    public double minNormal() {
        return minNormal;
    }

    /** {@code "float64"} or {@code "float32"}, as printed in rule names. */
    @Override
    public String toString() {
        return label;
    }
}
