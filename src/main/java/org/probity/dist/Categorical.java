package org.probity.dist;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.probity.math.LogSpace;
import org.probity.math.NeumaierSum;
import org.probity.math.Tolerance;
import org.probity.math.Tolerances;

/**
 * A categorical distribution on \( \{0, \dots, K-1\} \): an immutable, validated probability vector.
 *
 * <p>Validation: \( K \ge 1 \); every \( p_i \) finite and in \( [0, 1] \); \( |\sum_i p_i - 1| \le 8 K u \)
 * (\( u = 2^{-53} \), the {@link #normalization(int)} rule: a vector of K probabilities each rounded
 * once, summed exactly by compensation). The entries are kept exactly as given, so values computed
 * from them are reproducible; use {@link #normalized(double...)} for weights.
 */
public final class Categorical {
    static final String MSG_EMPTY = "%s: expected at least one entry, got none";
    static final String MSG_ENTRY = "%s[%d]: expected a probability in [0, 1], got %s";
    static final String MSG_SUM = "%s: expected probabilities summing to 1 (within %s), got sum %s";
    static final String MSG_WEIGHT = "%s[%d]: expected a finite weight >= 0, got %s";
    static final String MSG_WEIGHT_SUM = "%s: expected weights with a positive finite sum, got sum %s";
    static final String MSG_LOGIT = "%s[%d]: expected a finite logit, got %s";
    static final String MSG_INDEX = "i: expected an index in [0, %d], got %d";

    private final double[] p;

    private Categorical(double[] p) {
        this.p = p;
    }

    /**
     * The rule that accepts a vector as normalized: \( |\sum_i p_i - 1| \le 8 K u \).
     *
     * @param k the number of categories
     * @return the absolute tolerance, named
     */
    public static Tolerance normalization(int k) {
        return Tolerances.roundedSum(8.0 * Math.max(1, k), 1).named("8 K u, K = " + k);
    }

    /**
     * The distribution with probabilities {@code p}.
     *
     * @param p the probabilities, copied
     * @return the distribution
     * @throws IllegalArgumentException if {@code p} is empty, has an entry outside [0, 1] or NaN, or does
     *     not sum to 1 within {@link #normalization(int)}
     */
    public static Categorical of(double... p) {
        return new Categorical(validate("p", p));
    }

    /**
     * Checks that {@code p} is a probability vector (see {@link #of}) and returns a copy.
     *
     * @param name the parameter name used in messages
     * @param p the vector
     * @return a copy of {@code p}
     */
    public static double[] validate(String name, double[] p) {
        Objects.requireNonNull(p, name);
        if (p.length == 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_EMPTY, name));
        }
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_ENTRY, name, i, p[i]));
            }
        }
        double sum = NeumaierSum.sum(p);
        Tolerance t = normalization(p.length);
        if (!t.accepts(1, sum)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_SUM, name, t, sum));
        }
        return p.clone();
    }

    /**
     * The distribution proportional to {@code weights}: \( p_i = w_i / \sum_j w_j \) (compensated sum).
     *
     * @param weights finite, non-negative, with a positive finite sum
     * @return the distribution
     */
    public static Categorical normalized(double... weights) {
        Objects.requireNonNull(weights, "weights");
        if (weights.length == 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_EMPTY, "weights"));
        }
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0 && weights[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_WEIGHT, "weights", i, weights[i]));
            }
        }
        double sum = NeumaierSum.sum(weights);
        if (!(sum > 0 && sum < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_WEIGHT_SUM, "weights", sum));
        }
        double[] p = new double[weights.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = weights[i] / sum;
        }
        return new Categorical(p);
    }

    /**
     * The softmax of {@code logits}: \( p_i = e^{\ell_i - \operatorname{logSumExp}(\ell)} \).
     *
     * @param logits finite numbers
     * @return the distribution
     */
    public static Categorical ofLogits(double... logits) {
        Objects.requireNonNull(logits, "logits");
        if (logits.length == 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_EMPTY, "logits"));
        }
        for (int i = 0; i < logits.length; i++) {
            if (!Double.isFinite(logits[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_LOGIT, "logits", i, logits[i]));
            }
        }
        double lse = LogSpace.logSumExp(logits);
        double[] p = new double[logits.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - lse);
        }
        return new Categorical(p);
    }

    /** The number of categories K. */
    public int size() {
        return p.length;
    }

    /**
     * \( p_i \).
     *
     * @param i an index in [0, K)
     * @return the probability of category i
     */
    public double probability(int i) {
        if (!(i >= 0 && i < p.length)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_INDEX, p.length - 1, i));
        }
        return p[i];
    }

    /** \( \ln p_i \) (\( -\infty \) for a zero probability). */
    public double logProbability(int i) {
        return Math.log(probability(i));
    }

    /** A copy of the probability vector. */
    public double[] probabilities() {
        return p.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Categorical && Arrays.equals(p, ((Categorical) o).p);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(p);
    }

    @Override
    public String toString() {
        return "Categorical" + Arrays.toString(p);
    }
}
