package org.probity.spec.internal;

import java.util.Locale;
import org.probity.spec.ast.Statement;

/**
 * The sizes a spec may have, enforced before anything runs (a spec past them is refused with
 * {@code file:line:column: expected ..., found ...}, exit 2), so that no input can overflow, exhaust
 * memory or the stack, or run without bound (issue 11). Each limit is stated in docs/spec-language.md.
 */
public final class Limits {
    /**
     * The deepest nesting the parser accepts: brackets, unary minus, {@code ^}, and the arguments of
     * functions, densities, E, int, sum, KL and H each count one level. A flat sum or product of any
     * length is one level (it is read and evaluated iteratively).
     */
    public static final int MAX_NESTING = 100;
    /** The deepest an expression may be once the lets it uses are expanded (each let use adds its body's depth). */
    public static final int MAX_EXPANDED_DEPTH = 300;
    /** The largest number of steps T a model may have (the language's {@code steps a..b} takes up to 3 digits). */
    public static final int MAX_STEPS = 999;
    /**
     * The most random numbers one model instance may draw. The property engine discards a try that
     * needs 200 000 choices or more; staying at half of that leaves room for the engine's own.
     */
    public static final long MAX_DRAWS = 100_000;
    /**
     * The most points one claim or step may evaluate per markov instance: the assignments of its
     * free variables times the points enumerated by every E, int, KL, H and sum inside it (K^n for n
     * variables bound at once).
     */
    public static final long MAX_MARKOV_POINTS = 1L << 26;

    private Limits() {
    }

    /** k^n, saturating at {@link Long#MAX_VALUE}. */
    static long power(int k, int n) {
        long r = 1;
        for (int i = 0; i < n; i++) {
            if (r > Long.MAX_VALUE / Math.max(k, 1)) {
                return Long.MAX_VALUE;
            }
            r *= k;
        }
        return r;
    }

    /**
     * The random numbers a markov instance of the largest size of {@code m} may draw: each entry of
     * q(x_0), p(x_T) and the 2T transition matrices takes at most two.
     */
    static double markovDraws(Statement.Model m) {
        double k = m.statesHi();
        return 2 * (2 * k + 2.0 * m.stepsHi() * k * k) + 2;
    }

    /** The random numbers a gaussian instance of the largest size of {@code m} draws: schedule, q, p and points. */
    static double gaussianDraws(Statement.Model m) {
        double t = m.stepsHi();
        return 2 * t + 4 + 3 * t + InstanceGen.POINTS * (t + 1) + 1;
    }

    /** A count for messages: exact below 10^7, else 3 significant digits. */
    static String count(double n) {
        return n < 1e7 ? String.format(Locale.ROOT, "%.0f", n) : String.format(Locale.ROOT, "%.3g", n);
    }
}
