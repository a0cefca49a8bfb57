package org.probity.chain.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.probity.math.LogSpace;
import org.probity.math.NeumaierSum;
import org.probity.math.Tolerance;

/**
 * The SIMD row kernel's edge lanes (runs under Surefire, which adds the Vector API module): entries with
 * q = 0 stay on the lanes and add exactly 0; an entry with q = p = 0, a tiny q or a subnormal p hands the
 * row to the scalar kernel (NaN). Rows of 40 entries: full vectors and a tail on every species width.
 */
class VectorKernelsTest {
    private static final int K = 40;

    @Test
    void zeroProbabilitiesInQStayOnTheLanes() {
        double[] q = row(7);
        double[] p = row(11);
        double[] v = new double[K];
        for (int j = 0; j < K; j++) {
            v[j] = 1 + j % 5;
        }
        for (int j = 0; j < K; j += 3) {
            q[j] = 0;
        }
        double expected = reference(q, p, v);
        double actual = VectorKernels.vlbRow(q, p, v, new double[2 * K]);
        // both compensated sums of the same terms (klTerm correctly rounded, the lanes' term within 3 ulps):
        // within 3 u x the sum of the magnitudes of the terms, plus the final rounding of each
        double magnitude = 0;
        for (int j = 0; j < K; j++) {
            magnitude += Math.abs(LogSpace.klTerm(q[j], p[j])) + q[j] * v[j];
        }
        assertThat(Math.abs(actual - expected)).as("%s vs %s", actual, expected)
            .isLessThanOrEqualTo(3 * Tolerance.UNIT_ROUNDOFF * magnitude + 2 * Math.ulp(expected));
    }

    @Test
    void entriesTheLanesCannotTakeHandTheRowToTheScalarKernel() {
        double[] v = new double[K];
        double[] scratch = new double[2 * K];
        double[] q = row(3);
        double[] p = row(5);
        q[K - 1] = 0;
        p[K - 1] = 0;
        assertThat(VectorKernels.vlbRow(q, p, v, scratch)).as("q = p = 0").isNaN();
        q = row(3);
        q[2] = 0x1.0p-1000;
        assertThat(VectorKernels.vlbRow(q, row(5), v, scratch)).as("tiny q").isNaN();
        p = row(5);
        p[1] = Double.MIN_NORMAL / 4;
        assertThat(VectorKernels.vlbRow(row(3), p, v, scratch)).as("subnormal p").isNaN();
    }

    private static double reference(double[] q, double[] p, double[] v) {
        NeumaierSum s = NeumaierSum.create();
        for (int j = 0; j < K; j++) {
            if (q[j] != 0) {
                s.add(LogSpace.klTerm(q[j], p[j]));
                s.add(q[j] * v[j]);
            }
        }
        return s.sum();
    }

    /** A positive probability vector with entries proportional to (seed * j) mod 17 + 1. */
    private static double[] row(int seed) {
        double[] r = new double[K];
        double sum = 0;
        for (int j = 0; j < K; j++) {
            r[j] = (seed * j) % 17 + 1;
            sum += r[j];
        }
        for (int j = 0; j < K; j++) {
            r[j] /= sum;
        }
        return r;
    }
}
