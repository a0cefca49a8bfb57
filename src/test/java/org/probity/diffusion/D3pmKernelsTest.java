package org.probity.diffusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * {@link D3pmKernels}: the vector kernels equal the scalar ones bit for bit (Surefire runs with the
 * module {@code jdk.incubator.vector}); the checked sum is within its error bound of the exact sum and
 * refuses what the validation rule refuses.
 */
class D3pmKernelsTest {
    private static final long SEED = 20261130L;

    @Test
    void vectorKernelsEqualTheScalarOnesBitForBit() {
        assertThat(D3pmKernels.VECTOR).as("Surefire adds --add-modules jdk.incubator.vector").isTrue();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        for (int k : new int[] {16, 17, 23, 64, 70, 256, 257}) {
            double[][] pi = new double[k][];
            for (int j = 0; j < k; j++) {
                pi[j] = D3pmStructuredBoundTest.positiveVector(rng, k);
                double scalar = D3pmKernels.checkedSumScalar(pi[j]);
                assertThat(D3pmVectorKernels.checkedSumWide(pi[j], 4)).as("K=%d wide", k).isEqualTo(scalar);
                assertThat(D3pmVectorKernels.checkedSumHalves(pi[j], 4)).as("K=%d halves", k).isEqualTo(scalar);
                assertThat(scalar).as("K=%d row %d passes", k, j).isNotNaN();
            }
            double[] b = new double[k];
            double[] w = new double[k];
            for (int j = 0; j < k; j++) {
                b[j] = 0x1p-12 * rng.nextDouble();
                w[j] = rng.nextDouble();
            }
            for (int[] range : new int[][] {{0, k}, {3, k - 2}, {k / 2, k}}) {
                int n = range[1] - range[0];
                double[][] scalar = {filled(n, 1), new double[n], new double[n], new double[n]};
                double[][] vector = {filled(n, 1), new double[n], new double[n], new double[n]};
                D3pmKernels.columnsScalar(pi, 0, k, range[0], range[1], 0.75, b, w, scalar[0], scalar[2], scalar[3]);
                D3pmVectorKernels.columns(pi, 0, k, range[0], range[1], 0.75, b, w, vector[0], vector[2], vector[3]);
                for (int a = 0; a < 4; a++) {
                    assertThat(vector[a]).as("K=%d columns %d..%d array %d", k, range[0], range[1], a).containsExactly(scalar[a]);
                }
            }
        }
    }

    /** Sum2 error bound u|s| + gamma_{n-1}^2 sum|x|: below 1.01 ulp of the sum for these sizes. */
    @Test
    void checkedSumIsWithinOneUlpOfTheExactSum() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED + 1);
        double worst = 0;
        for (int trial = 0; trial < 200; trial++) {
            int k = 2 + rng.nextInt(300);
            double[] x = D3pmStructuredBoundTest.positiveVector(rng, k);
            BigDecimal exact = BigDecimal.ZERO;
            for (double v : x) {
                exact = exact.add(new BigDecimal(v));
            }
            double s = D3pmKernels.checkedSum(x);
            double err = new BigDecimal(s).subtract(exact).abs().doubleValue() / Math.ulp(exact.doubleValue());
            worst = Math.max(worst, err);
            assertThat(err).as("K=%d: %s vs exact %s", k, s, exact).isLessThanOrEqualTo(1.01);
        }
        System.out.printf(java.util.Locale.ROOT, "[accuracy] checked sum of probability vectors: max %.3f ulp of the exact sum%n", worst);
    }

    @Test
    void refusesWhatTheRuleRefuses() {
        for (int k : new int[] {5, 16, 40}) {
            double[] ok = filled(k, 1.0 / k);
            assertThat(D3pmKernels.checkedSum(ok)).isNotNaN();
            // beside a point mass, so that the sum stays 1 (or NaN) and the range check alone decides
            double[] point = filled(k, 0);
            point[0] = 1;
            assertThat(D3pmKernels.checkedSum(point)).isEqualTo(1);
            for (int at : new int[] {1, k / 2, k - 1}) {
                for (double bad : new double[] {-Double.MIN_VALUE, -0.0, Double.NaN, -Double.NaN, Double.POSITIVE_INFINITY,
                    Double.NEGATIVE_INFINITY}) {
                    double[] x = point.clone();
                    x[at] = bad;
                    assertThat(D3pmKernels.checkedSum(x)).as("K=%d x[%d]=%s", k, at, bad).isNaN();
                    assertThat(D3pmKernels.checkedSumScalar(x)).as("K=%d x[%d]=%s scalar", k, at, bad).isNaN();
                }
            }
            double[] heavy = filled(k, 0);
            heavy[k - 1] = Math.nextUp(1.0); // sums to 1 + 2^-52 with every other entry 0: the range decides
            assertThat(D3pmKernels.checkedSum(heavy)).isNaN();
            double[] off = ok.clone();
            off[0] += 1e-9; // a sum off by far more than the rule allows
            assertThat(D3pmKernels.checkedSum(off)).isNaN();
        }
    }

    private static double[] filled(int n, double v) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, v);
        return x;
    }
}
