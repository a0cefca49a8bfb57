package org.probity.spec.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.probity.math.ShortestDouble;

/**
 * A {@code markov} model instance: K states, T steps, the forward process
 * \( q(x_0) \prod_t q(x_t | x_{t-1}) \) and the generative process \( p(x_T) \prod_t p(x_{t-1} | x_t) \).
 * Every density {@code q(A | B)} is the conditional of the full joint table, computed exactly by
 * summing it (at most 3^5 entries by default); where the condition has probability 0 the model's own
 * factor is used when the density is one ({@code q(x_t | x_{t-1}, earlier)}, {@code p(x_{t-1} | x_t, later)}),
 * and the value is undefined (NaN) otherwise.
 */
public final class MarkovInstance implements ModelInstance {
    private final int k;
    private final int steps;
    private final double[] q0;
    private final double[][][] forward;   // forward[t][i][j] = q(x_t = j | x_{t-1} = i), t = 1..T
    private final double[] pT;
    private final double[][][] reverse;   // reverse[t][i][j] = p(x_{t-1} = j | x_t = i), t = 1..T
    private final double[] qJoint;
    private final double[] pJoint;
    private final Map<Integer, double[]> qMarginals = new HashMap<>();
    private final Map<Integer, double[]> pMarginals = new HashMap<>();
    private final int size;

    MarkovInstance(int k, double[] q0, double[][][] forward, double[] pT, double[][][] reverse) {
        this.k = k;
        this.steps = forward.length - 1;
        this.q0 = q0;
        this.forward = forward;
        this.pT = pT;
        this.reverse = reverse;
        int n = 1;
        for (int i = 0; i <= steps; i++) {
            n *= k;
        }
        this.size = n;
        this.qJoint = new double[n];
        this.pJoint = new double[n];
        int[] x = new int[steps + 1];
        for (int j = 0; j < n; j++) {
            decode(j, x);
            double q = q0[x[0]];
            double p = pT[x[steps]];
            for (int t = 1; t <= steps; t++) {
                q *= forward[t][x[t - 1]][x[t]];
                p *= reverse[t][x[t]][x[t - 1]];
            }
            qJoint[j] = q;
            pJoint[j] = p;
        }
    }

    double[] q0() {
        return q0.clone();
    }

    /** Q_t for t = 1..T: [i][j] = q(x_t = j | x_{t-1} = i). */
    double[][] forward(int t) {
        return forward[t];
    }

    double[] prior() {
        return pT.clone();
    }

    /** P_t for t = 1..T: [i][j] = p(x_{t-1} = j | x_t = i). */
    double[][] reverse(int t) {
        return reverse[t];
    }

    /** The number of states K. */
    public int states() {
        return k;
    }

    @Override
    public int steps() {
        return steps;
    }

    @Override
    public String family() {
        return "markov";
    }

    private void decode(int j, int[] x) {
        for (int i = 0; i <= steps; i++) {
            x[i] = j % k;
            j /= k;
        }
    }

    private double[] marginal(boolean generative, int mask) {
        Map<Integer, double[]> cache = generative ? pMarginals : qMarginals;
        return cache.computeIfAbsent(mask, m -> {
            double[] joint = generative ? pJoint : qJoint;
            double[] out = new double[size];
            int[] x = new int[steps + 1];
            for (int j = 0; j < size; j++) {
                decode(j, x);
                out[key(m, x)] += joint[j];
            }
            return out;
        });
    }

    private int key(int mask, int[] x) {
        int key = 0;
        int w = 1;
        for (int i = 0; i <= steps; i++) {
            if ((mask & (1 << i)) != 0) {
                key += x[i] * w;
            }
            w *= k;
        }
        return key;
    }

    /**
     * The density {@code q(A | B)} or {@code p(A | B)} at the states {@code x} (entries of A and B set).
     *
     * @param targets bit mask of A
     * @param given bit mask of B (0 for none)
     */
    double density(boolean generative, int targets, int given, int[] x) {
        if (targets == 0) {
            return 1;
        }
        double num = targets == 0 ? (given == 0 ? 1 : marginal(generative, given)[key(given, x)])
            : marginal(generative, targets | given)[key(targets | given, x)];
        if (given == 0) {
            return num;
        }
        double den = marginal(generative, given)[key(given, x)];
        if (den > 0) {
            return targets == 0 ? 1 : num / den;
        }
        if (Integer.bitCount(targets) == 1) {
            int t = Integer.numberOfTrailingZeros(targets);
            if (!generative && t >= 1 && (given & (1 << (t - 1))) != 0 && given >>> t == 0) {
                return forward[t][x[t - 1]][x[t]];
            }
            if (generative && t < steps && (given & (1 << (t + 1))) != 0 && (given & ((1 << (t + 1)) - 1)) == 0) {
                return reverse[t + 1][x[t + 1]][x[t]];
            }
        }
        return Double.NaN;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "markov, K = %d states, T = %d steps%n", k, steps));
        sb.append("    q(x_0) = ").append(vector(q0)).append('\n');
        for (int t = 1; t <= steps; t++) {
            sb.append(String.format(Locale.ROOT, "    q(x_%d | x_%d) = %s  (row = x_%d)%n", t, t - 1, matrix(forward[t]), t - 1));
        }
        sb.append(String.format(Locale.ROOT, "    p(x_%d) = %s%n", steps, vector(pT)));
        for (int t = steps; t >= 1; t--) {
            sb.append(String.format(Locale.ROOT, "    p(x_%d | x_%d) = %s  (row = x_%d)%n", t - 1, t, matrix(reverse[t]), t));
        }
        return sb.toString().stripTrailing();
    }

    static String vector(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i > 0 ? ", " : "").append(ShortestDouble.toString(v[i]));
        }
        return sb.append(']').toString();
    }

    private static String matrix(double[][] m) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < m.length; i++) {
            sb.append(i > 0 ? ", " : "").append(vector(m[i]));
        }
        return sb.append(']').toString();
    }
}
