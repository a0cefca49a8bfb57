package org.probity.math;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Random tolerances from every rule of {@link Tolerances} and {@link Tolerance}, and random
 * (expected, actual) pairs across magnitudes: exact 0 and -0, subnormals, the smallest normal,
 * values near 1, the largest finite values, ±∞ and NaN, with actual values placed a few ulps, a
 * relative fraction or an arbitrary distance from expected. Used by the agreement tests of the
 * tolerance, of verdicts and of assertions.
 */
public final class ToleranceSamples {
    private static final double[] SPECIAL = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 3 * Double.MIN_VALUE,
        Double.MIN_NORMAL, -Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), Float.MIN_NORMAL, Float.MIN_VALUE, 1.0,
        -1.0, Math.nextUp(1.0), Math.nextDown(1.0), 0x1.0p-54, Double.MAX_VALUE, -Double.MAX_VALUE,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};

    private ToleranceSamples() {
    }

    /** A value: a special one (a third of the draws), or a random sign and significand at a random binary exponent. */
    public static double value(UniformRandomProvider rng) {
        if (rng.nextInt(3) == 0) {
            return SPECIAL[rng.nextInt(SPECIAL.length)];
        }
        double x = Math.scalb(1 + rng.nextDouble(), rng.nextInt(2 * 1074) - 1074);
        return rng.nextBoolean() ? x : -x;
    }

    /** A value compared with {@code expected}: itself, a few or many ulps away, a relative fraction away, or unrelated. */
    public static double actual(UniformRandomProvider rng, double expected) {
        switch (rng.nextInt(6)) {
            case 0:
                return expected;
            case 1:
                return Ulps.step(expected, rng.nextInt(65) - 32);
            case 2:
                return Ulps.step(expected, rng.nextLong(1L << 40) - (1L << 39));
            case 3:
                return expected * (1 + Math.scalb(rng.nextDouble() - 0.5, -rng.nextInt(60)));
            case 4:
                return expected + Math.scalb(rng.nextDouble() - 0.5, rng.nextInt(2100) - 1074);
            default:
                return value(rng);
        }
    }

    /** A measured magnitude or condition number, including 0, values below 1, huge ones, ±∞ and NaN. */
    public static double magnitude(UniformRandomProvider rng) {
        switch (rng.nextInt(5)) {
            case 0:
                return SPECIAL[rng.nextInt(SPECIAL.length)];
            case 1:
                return rng.nextDouble();
            default:
                return Math.scalb(1 + rng.nextDouble(), rng.nextInt(120) - 20);
        }
    }

    /** A tolerance from one of the rules, or an {@code or} of two (nested up to {@code depth}). */
    public static Tolerance rule(UniformRandomProvider rng) {
        return rule(rng, 2);
    }

    private static Tolerance rule(UniformRandomProvider rng, int depth) {
        double c = rng.nextInt(4) == 0 ? 0 : Math.scalb(1 + rng.nextDouble(), rng.nextInt(20));
        FloatFormat f = rng.nextBoolean() ? FloatFormat.FLOAT64 : FloatFormat.FLOAT32;
        switch (rng.nextInt(depth > 0 ? 12 : 11)) {
            case 0:
                return Tolerance.ulps(rng.nextInt(3) == 0 ? rng.nextInt(4) : rng.nextLong(1L << 40));
            case 1:
                double eps = Math.abs(value(rng));
                return Tolerance.absolute(eps < Double.POSITIVE_INFINITY ? eps : 1);
            case 2:
                return Tolerance.relative(Math.scalb(rng.nextDouble(), -rng.nextInt(60)));
            case 3:
                return Tolerances.roundedSum(f, c, magnitude(rng));
            case 4:
                return Tolerances.roundedSum(c, magnitude(rng));
            case 5:
                return Tolerances.conditioned(f, c, magnitude(rng));
            case 6:
                return Tolerances.conditionedSum(c, magnitude(rng), magnitude(rng));
            case 7:
                return Tolerances.belowNormalRange(f, c);
            case 8:
                double bound = magnitude(rng);
                return Tolerances.statistical(bound < 0 ? -bound : bound, c, value(rng), "a bound");
            case 9:
                return Tolerances.differenceQuotient(Math.scalb(1 + rng.nextDouble(), -rng.nextInt(30)),
                    rng.nextDouble(), c, magnitude(rng));
            case 10:
                return Tolerance.conditioned(c, Math.scalb(1 + rng.nextDouble(), rng.nextInt(40)));
            default:
                return rule(rng, depth - 1).or(rule(rng, depth - 1));
        }
    }

    /**
     * The decision each kind of rule states, computed without {@link Tolerance#allowance}: NaN never
     * passes, equal values always do, a non-finite value otherwise never does; ulps by
     * {@link Ulps#distance}, absolute and relative by their formulas; an {@code or} by any alternative.
     */
    public static boolean oracle(Tolerance t, double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return false;
        }
        if (expected == actual) {
            return true;
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return false;
        }
        for (Tolerance a : t.alternatives()) {
            double d = Math.abs(actual - expected);
            boolean ok = switch (a.kind()) {
                case ULPS -> Ulps.distance(expected, actual) <= a.amount();
                case ABSOLUTE -> d <= a.amount();
                case RELATIVE -> d <= a.amount() * Math.max(Math.abs(expected), Math.abs(actual));
                case EITHER -> throw new AssertionError("alternatives are never EITHER");
            };
            if (ok) {
                return true;
            }
        }
        return false;
    }
}
