package org.probity.check.internal;

import org.probity.check.Choices;
import org.probity.math.NeumaierSum;

/**
 * Draws probability vectors from choices. One choice picks a shape, the simplest first:
 * <ol start="0">
 *   <li>sparse: each weight is 0 or a draw from (0, 1] (about half are exact zeros);</li>
 *   <li>free: each weight uniform in [0, 1] on a 2⁻³⁰ grid;</li>
 *   <li>near one-hot: one entry holds nearly all mass, the others 2⁻ᵏ-small with k in 10..60;</li>
 *   <li>Dirichlet(1): weights −log U, uniform over the simplex.</li>
 * </ol>
 * Weights are normalised, then the largest entry is set to one minus the compensated sum of the
 * others, so the compensated sum of the vector is 1 to within an ulp. All-zero weights give a
 * one-hot vector on the last state: the shrink target. Positive vectors keep every weight
 * {@code >= 2⁻³⁰} so no entry underflows to 0.
 */
public final class ProbabilityVectors {
    private static final long GRID = 1L << 30;

    private ProbabilityVectors() {
    }

    /**
     * @param c the choices
     * @param k the length, {@code >= 1}
     * @param positive whether every entry must be {@code > 0}
     * @return a new probability vector
     */
    public static double[] generate(Choices c, int k, boolean positive) {
        c.beginSpan(k < CACHED ? LABELS[positive ? 1 : 0][k] : new Label(k, positive));
        double[] v = draw(c, k, positive);
        c.endSpan();
        return v;
    }

    /** The span label of a vector: vectors of one length and positivity have the same shape. */
    private record Label(int k, boolean positive) {
    }

    /** Labels of the common lengths, made once (a try must not allocate one per vector). */
    private static final int CACHED = 64;
    private static final Label[][] LABELS = new Label[2][CACHED];

    static {
        for (int k = 0; k < CACHED; k++) {
            LABELS[0][k] = new Label(k, false);
            LABELS[1][k] = new Label(k, true);
        }
    }

    private static double[] draw(Choices c, int k, boolean positive) {
        long shape = c.draw(3);
        double[] w = new double[k];
        int heavy = shape == 2 ? (int) c.draw(k - 1) : -1;
        for (int i = 0; i < k; i++) {
            double x;
            if (shape == 0) {
                x = c.draw(1) == 0 ? 0 : (1 + c.draw(GRID - 1)) / (double) GRID;
            } else if (shape == 1) {
                x = c.draw(GRID) / (double) GRID;
            } else if (shape == 2) {
                x = i == heavy ? 1 : Math.scalb(1.0 + c.draw(15) / 16.0, -10 - (int) c.draw(50));
            } else {
                x = -Math.log((1 + c.draw(GRID - 1)) / (double) GRID);
            }
            w[i] = positive ? Math.max(x, 1.0 / GRID) : x;
        }
        return normalise(w);
    }

    private static double[] normalise(double[] w) {
        double total = NeumaierSum.sum(w);
        if (total == 0) {
            w[w.length - 1] = 1;
            return w;
        }
        int largest = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] /= total;
            if (w[i] > w[largest]) {
                largest = i;
            }
        }
        NeumaierSum rest = NeumaierSum.create();
        for (int i = 0; i < w.length; i++) {
            if (i != largest) {
                rest.add(w[i]);
            }
        }
        w[largest] = 1 - rest.sum();
        return w;
    }
}
