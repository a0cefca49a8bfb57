package org.probity.diffusion;

import org.probity.math.NeumaierSum;

/**
 * The moments of a data point \( x \in \mathbb{R}^D \) that the exact Gaussian VLB needs, taken once so
 * that each of the T steps costs O(1) instead of O(D): with c the rounded mean,
 * \( R = \sum_n (x_n - c) \) and \( S = \sum_n (x_n - c)^2 \), the exact identity (any c)
 * \[ \sum_n (u x_n - h)^2 = u^2 S + 2 u e R + D e^2, \qquad e = u c - h \]
 * splits the sum of squares into two nonnegative parts and a cross term that is \( O(u_{53}) \) of them
 * (R vanishes up to the rounding of c), so no cancellation arises however close \( u x_n \) is to h.
 *
 * <p>Accuracy: \( x_n - c = d_n + \delta_n \) exactly (TwoSum), \( d_n^2 \) split exactly by an fma,
 * R and S compensated (Neumaier): S within \( 2 u_{53} S + O(D u_{53}^2) S \); e by one fma (correctly
 * rounded); so {@link #halfSum} is within about 8 roundings of its value relative to its (nonnegative)
 * size, against the per-dimension loop's 2 roundings of the sum plus up to 3 per term, amplified by the
 * cancellation in \( u x_n - h \) (GaussianExactVlbAccuracyTest: against 60-digit sums at D = 3072).
 * Non-finite data keep the per-dimension loop, so infinities and NaN propagate as they do there.
 *
 * <p>Source: the parallel-axis (König–Huygens) decomposition of a sum of squares; the centred,
 * compensated moments as in Chan, Golub and LeVeque, "Algorithms for computing the sample variance"
 * (The American Statistician 37, 1983), §2 (two-pass algorithm with correction term).
 */
final class DataMoments {
    private final double[] x;
    private final int count;
    private final double centre;
    private final double residual;
    private final double squares;
    private final boolean finite;

    private DataMoments(double[] x, double centre, double residual, double squares) {
        this.x = x;
        this.count = x.length;
        this.centre = centre;
        this.residual = residual;
        this.squares = squares;
        this.finite = Double.isFinite(centre) && Double.isFinite(residual) && Double.isFinite(squares);
    }

    /** The moments of {@code x} (not copied: read again only when they are not finite). */
    static DataMoments of(double[] x) {
        if (x.length == 0) {
            return new DataMoments(x, 0, 0, 0);
        }
        double c = NeumaierSum.sum(x) / x.length;
        NeumaierSum r = NeumaierSum.create();
        NeumaierSum sq = NeumaierSum.create();
        NeumaierSum sqLow = NeumaierSum.create();
        for (double xn : x) {
            double d = xn - c;
            double bb = d - xn;
            double delta = (xn - (d - bb)) - (c + bb); // x_n - c = d + delta exactly (TwoSum)
            r.add(d).add(delta);
            double d2 = d * d;
            sq.add(d2);
            sqLow.add(Math.fma(d, d, -d2) + 2 * d * delta + delta * delta);
        }
        return new DataMoments(x, c, r.sum(), NeumaierSum.create().add(sq.sum()).add(sqLow.sum()).sum());
    }

    /**
     * \( \tfrac12 \sum_n (k + (u x_n - h)^2 w) = \tfrac12 (D k + w (u^2 S + 2 u e R + D e^2)) \),
     * \( e = u c - h \): a VLB term with per-dimension constant k (k, w \( \ge 0 \)).
     */
    double halfSum(double k, double u, double h, double w) {
        if (!finite) {
            NeumaierSum acc = NeumaierSum.create();
            for (double xn : x) {
                double m = u * xn - h;
                acc.add(0.5 * (k + m * m * w));
            }
            return acc.sum();
        }
        double e = Math.fma(u, centre, -h);
        double squared = Math.fma(u * u, squares, Math.fma(2 * u * e, residual, count * (e * e)));
        return 0.5 * Math.fma(w, squared, count * k);
    }
}
