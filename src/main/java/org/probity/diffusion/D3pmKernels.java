package org.probity.diffusion;

/**
 * The two O(K²) loops of a step of {@link D3pmStructuredBound}, in plain Java and, when the JVM has
 * the module {@code jdk.incubator.vector} (Surefire and {@code bench/} add it), on SIMD lanes
 * ({@link D3pmVectorKernels}). Both implementations perform the same IEEE operations on the same
 * operands in the same order, so their results are identical bit for bit (and do not depend on the
 * number of threads or the vector width): the lanes of {@link #checkedSum} are fixed at
 * {@value #LANES}, and the lanes of {@link #columns} are independent columns.
 */
final class D3pmKernels {
    /** The interleaved accumulators of {@link #checkedSum}. */
    static final int LANES = 8;
    /** Whether the vector kernels run: the module is present and {@code -Dprobity.vector=false} is not set. */
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
        && !"false".equals(System.getProperty("probity.vector"));
    /** Half the roundings per entry of the validation rule (Stochastic.isProbabilityVector: 8 per entry). */
    private static final double HALF_ROW_TOLERANCE = 4;
    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);

    private D3pmKernels() {
    }

    /**
     * The compensated sum of a prediction when it passes the validation of
     * {@link D3pmReverseModel#predict} clearly, NaN when an entry lies outside [+0, 1] (or is NaN, or −0.0) or the
     * sum is farther than half the rule's limit from 1 (the caller then applies the rule itself).
     *
     * <p>The sum is Ogita, Rump and Oishi's Sum2 ("Accurate sum and dot product", SIAM J. Sci. Comput.
     * 26, 2005, Algorithm 4.4) over {@value #LANES} interleaved lanes (entry i in lane i mod 8): each lane
     * accumulates TwoSum errors, the lanes and their errors are combined in lane order, then the tail.
     * Error at most \( u |s| + \gamma_{n-1}^2 \sum |x_i| \): as if summed in twice the working precision and
     * rounded once (within 1 ulp of the Neumaier sum for a probability vector).
     */
    static double checkedSum(double[] x) {
        if (VECTOR && x.length >= 2 * LANES) {
            return D3pmVectorKernels.checkedSum(x, HALF_ROW_TOLERANCE);
        }
        return checkedSumScalar(x);
    }

    /** The scalar form of {@link #checkedSum}. */
    static double checkedSumScalar(double[] x) {
        int n = x.length;
        int bound = n - n % LANES;
        double[] s = new double[LANES];
        double[] c = new double[LANES];
        long signs = 0;
        long hi = 0;
        for (int i = 0; i < bound; i += LANES) {
            for (int l = 0; l < LANES; l++) {
                double xi = x[i + l];
                long bits = Double.doubleToRawLongBits(xi);
                signs |= bits;
                hi = Math.max(hi, bits);
                double u = s[l] + xi;
                double bb = u - s[l];
                c[l] += (s[l] - (u - bb)) + (xi - bb);
                s[l] = u;
            }
        }
        return finish(x, bound, s, c, signs, hi, HALF_ROW_TOLERANCE);
    }

    /**
     * The lanes' sums and errors combined in lane order, then the tail from {@code bound}; the verdict
     * from the bit patterns of the entries ({@code signs}: their OR, {@code hi}: their signed maximum) and
     * the sum. An entry lies in [+0, 1] exactly when its sign bit is clear and its bits are at most those
     * of 1.0 (a NaN has larger bits, or its sign bit set; −0.0 is sent to the rule).
     */
    static double finish(double[] x, int bound, double[] s, double[] c, long signs, long hi, double halfRule) {
        double total = 0;
        double comp = 0;
        for (int l = 0; l < s.length; l++) {
            double u = total + s[l];
            double bb = u - total;
            comp += ((total - (u - bb)) + (s[l] - bb)) + c[l];
            total = u;
        }
        int n = x.length;
        for (int i = bound; i < n; i++) {
            double xi = x[i];
            long bits = Double.doubleToRawLongBits(xi);
            signs |= bits;
            hi = Math.max(hi, bits);
            double u = total + xi;
            double bb = u - total;
            comp += (total - (u - bb)) + (xi - bb);
            total = u;
        }
        double sum = total + comp;
        return signs >= 0 && hi <= ONE_BITS && Math.abs(sum - 1) <= halfRule * Math.max(n, 2) * 0x1p-53 ? sum : Double.NaN;
    }

    /**
     * Columns {@code from..to-1} of a uniform step: for each column i, over the rows j in order,
     * \( \mathrm{prod}_i \leftarrow \mathrm{prod}_i \cdot \mathrm{fma}(a, \pi_j[i], b_j) \) (the binary exponent
     * moved into {@code exps} after every {@code block} rows, so the product stays normal) and the
     * TwoSum-compensated \( \sum_j w_j \pi_j[i] \) (sum in {@code sum}, errors in {@code comp}). The arrays
     * are indexed from 0 for column {@code from}; {@code prod} starts at 1, the others at 0.
     */
    static void columns(double[][] pi, int from, int to, double a, double[] b, double[] w, int block,
                        double[] prod, double[] exps, double[] sum, double[] comp) {
        int k = pi.length;
        for (int j0 = 0; j0 < k; j0 += block) {
            int j1 = Math.min(k, j0 + block);
            if (VECTOR) {
                D3pmVectorKernels.columns(pi, j0, j1, from, to, a, b, w, prod, sum, comp);
            } else {
                columnsScalar(pi, j0, j1, from, to, a, b, w, prod, sum, comp);
            }
            for (int i = 0; i < to - from; i++) {
                int ex = Math.getExponent(prod[i]);
                prod[i] = Math.scalb(prod[i], -ex);
                exps[i] += ex;
            }
        }
    }

    /** Rows {@code j0..j1-1} of {@link #columns} from column {@code i0} of the window (the scalar form and the vector tail). */
    static void columnsScalar(double[][] pi, int j0, int j1, int from, int to, double a, double[] b, double[] w,
                              double[] prod, double[] sum, double[] comp) {
        columnsScalar(pi, j0, j1, from, to, 0, a, b, w, prod, sum, comp);
    }

    static void columnsScalar(double[][] pi, int j0, int j1, int from, int to, int i0, double a, double[] b, double[] w,
                              double[] prod, double[] sum, double[] comp) {
        int n = to - from;
        for (int j = j0; j < j1; j++) {
            double[] row = pi[j];
            double bj = b[j];
            double wj = w[j];
            for (int i = i0; i < n; i++) {
                double x = row[from + i];
                prod[i] *= Math.fma(a, x, bj);
                double y = wj * x;
                double s0 = sum[i];
                double u = s0 + y;
                double bb = u - s0;
                comp[i] += (s0 - (u - bb)) + (y - bb);
                sum[i] = u;
            }
        }
    }
}
