package org.probity.chain.internal;

import java.util.Locale;
import org.probity.math.NeumaierSum;
import org.probity.math.FloatFormat;
import org.probity.math.Tolerance;
import org.probity.math.Tolerances;

/**
 * Argument validation shared by the chain and discrete-diffusion types. Messages name the
 * parameter, the value and what was expected (STYLE.md 3).
 */
public final class Checks {
    /** Row sums must be 1 within this many roundings per entry (a row of K entries is summed once). */
    private static final int ROUNDINGS_PER_ENTRY = 8;
    private static final String MSG_STATES = "%s: expected a number of states >= 1, got %d";
    private static final String MSG_LENGTH = "%s: expected %d entries, got %d";
    private static final String MSG_ENTRY = "%s: expected a probability in [0, 1], got %s";
    private static final String MSG_SUM = "%s: expected entries summing to 1 within %s, got sum %s";
    private static final String MSG_INDEX = "%s: expected an integer in [%d, %d], got %d";
    private static final String MSG_NULL = "%s: expected an array, got null";

    private Checks() {
    }

    /** The tolerance on the sum of a probability vector of length {@code k}. */
    public static Tolerance rowSumTolerance(int k) {
        return Tolerances.roundedSum(ROUNDINGS_PER_ENTRY * Math.max(k, 2), 1)
            .named(ROUNDINGS_PER_ENTRY + " roundings per entry");
    }

    /** Requires {@code k >= 1}. */
    public static int states(String name, int k) {
        if (!(k >= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_STATES, name, k));
        }
        return k;
    }

    /** Requires {@code lo <= value <= hi}. */
    public static int index(String name, int value, int lo, int hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_INDEX, name, lo, hi, value));
        }
        return value;
    }

    /**
     * Validates a probability vector of length {@code k} and returns a copy.
     *
     * @throws IllegalArgumentException naming {@code name} if an entry is outside [0, 1] or NaN, or
     *     the sum differs from 1 by more than {@link #rowSumTolerance(int)}
     */
    public static double[] probabilityVector(String name, double[] p, int k) {
        if (p == null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_NULL, name));
        }
        if (p.length != k) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_LENGTH, name, k, p.length));
        }
        NeumaierSum s = NeumaierSum.create();
        for (int i = 0; i < k; i++) {
            double x = p[i];
            if (!(x >= 0 && x <= 1)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_ENTRY, name + "[" + i + "]", x));
            }
            s.add(x);
        }
        Tolerance tol = rowSumTolerance(k);
        if (!tol.accepts(1.0, s.sum())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_SUM, name, tol, s.sum()));
        }
        return p.clone();
    }

    /**
     * Whether {@code p} passes {@link #probabilityVector} (no allocation: the fast path of hot loops,
     * which call {@code probabilityVector} for the message only when this is false).
     */
    public static boolean isProbabilityVector(double[] p, int k) {
        if (p == null || p.length != k) {
            return false;
        }
        double s = 0;
        double c = 0;
        for (int i = 0; i < k; i++) {
            double x = p[i];
            if (!(x >= 0 && x <= 1)) {
                return false;
            }
            double t = s + x;
            c += s >= x ? (s - t) + x : (x - t) + s;
            s = t;
        }
        // the same rule as rowSumTolerance(k), without allocating it
        return Math.abs(s + c - 1.0) <= ROUNDINGS_PER_ENTRY * Math.max(k, 2) * FloatFormat.FLOAT64.unitRoundoff();
    }

    /**
     * Validates a probability vector whose length is the number of states and returns a copy.
     *
     * @throws IllegalArgumentException {@code "NAME: expected an array, got null"},
     *     {@code "NAME.length: expected a number of states >= 1, got 0"}, or as {@link #probabilityVector(String, double[], int)}
     */
    public static double[] probabilityVector(String name, double[] p) {
        if (p == null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_NULL, name));
        }
        return probabilityVector(name, p, states(name + ".length", p.length));
    }

    /**
     * Validates row-stochastic {@code k x k} matrices {@code ms[0..T-1]} (named {@code NAME[t]} in
     * messages) and returns deep copies.
     */
    public static double[][][] stochasticMatrices(String name, double[][][] ms, int k) {
        if (ms == null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_NULL, name));
        }
        double[][][] copy = new double[ms.length][][];
        for (int t = 0; t < ms.length; t++) {
            copy[t] = stochasticMatrix(name + "[" + t + "]", ms[t], k);
        }
        return copy;
    }

    /** Validates a row-stochastic {@code k x k} matrix and returns a deep copy. */
    public static double[][] stochasticMatrix(String name, double[][] m, int k) {
        if (m == null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_NULL, name));
        }
        if (m.length != k) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_LENGTH, name, k, m.length));
        }
        double[][] copy = new double[k][];
        for (int i = 0; i < k; i++) {
            copy[i] = probabilityVector(name + "[" + i + "]", m[i], k);
        }
        return copy;
    }

    /**
     * Writes matrix {@code t} of {@code ms} (1-based: {@code ms[t - 1]}) into {@code out}, after
     * checking {@code 1 <= t <= ms.length}: the {@code fill} of a chain that stores its matrices.
     */
    public static void fillStep(double[][][] ms, int t, double[][] out) {
        double[][] m = step(ms, t);
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, out[i], 0, m.length);
        }
    }

    /** Matrix {@code t} (1-based) of a stored sequence, shared, not copied; checks {@code t}. */
    public static double[][] step(double[][][] ms, int t) {
        index("t", t, 1, ms.length);
        return ms[t - 1];
    }
}
