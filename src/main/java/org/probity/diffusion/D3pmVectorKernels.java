package org.probity.diffusion;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link D3pmKernels} on the JDK's incubating Vector API: the same operations lane by lane, so the
 * results equal the scalar kernels' bit for bit. Loaded only when the module
 * {@code jdk.incubator.vector} is present ({@link D3pmKernels#VECTOR}).
 */
final class D3pmVectorKernels {
    /** Two vectors of this species make the 8 lanes of the checked sum. */
    private static final VectorSpecies<Double> HALF = DoubleVector.SPECIES_256;
    /** The columns are independent: the widest species of the machine. */
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private D3pmVectorKernels() {
    }

    /** The 8 lanes of the checked sum in one vector, where the machine has 512-bit vectors. */
    private static final VectorSpecies<Double> FULL = DoubleVector.SPECIES_512;
    private static final boolean WIDE = S.length() >= 8;

    /** {@link D3pmKernels#checkedSum}: the 8 lanes in one 512-bit vector, or lanes 0–3 in one 256-bit vector and 4–7 in another. */
    static double checkedSum(double[] x, double halfRule) {
        return WIDE ? checkedSumWide(x, halfRule) : checkedSumHalves(x, halfRule);
    }

    /** The checked sum on two 256-bit vectors. */
    static double checkedSumHalves(double[] x, double halfRule) {
        int n = x.length;
        int bound = n - n % D3pmKernels.LANES;
        DoubleVector s0 = DoubleVector.zero(HALF);
        DoubleVector s1 = DoubleVector.zero(HALF);
        DoubleVector c0 = DoubleVector.zero(HALF);
        DoubleVector c1 = DoubleVector.zero(HALF);
        LongVector signs = LongVector.zero(LongVector.SPECIES_256);
        LongVector hi = LongVector.zero(LongVector.SPECIES_256);
        for (int i = 0; i < bound; i += D3pmKernels.LANES) {
            DoubleVector x0 = DoubleVector.fromArray(HALF, x, i);
            DoubleVector x1 = DoubleVector.fromArray(HALF, x, i + 4);
            LongVector b0 = x0.viewAsIntegralLanes();
            LongVector b1 = x1.viewAsIntegralLanes();
            signs = signs.or(b0).or(b1);
            hi = hi.max(b0).max(b1);
            DoubleVector u0 = s0.add(x0);
            DoubleVector u1 = s1.add(x1);
            DoubleVector bb0 = u0.sub(s0);
            DoubleVector bb1 = u1.sub(s1);
            c0 = c0.add(s0.sub(u0.sub(bb0)).add(x0.sub(bb0)));
            c1 = c1.add(s1.sub(u1.sub(bb1)).add(x1.sub(bb1)));
            s0 = u0;
            s1 = u1;
        }
        double[] s = new double[D3pmKernels.LANES];
        double[] c = new double[D3pmKernels.LANES];
        s0.intoArray(s, 0);
        s1.intoArray(s, 4);
        c0.intoArray(c, 0);
        c1.intoArray(c, 4);
        return D3pmKernels.finish(x, bound, s, c, signs.reduceLanes(VectorOperators.OR), hi.reduceLanes(VectorOperators.MAX),
            halfRule);
    }

    /** The checked sum on one 512-bit vector. */
    static double checkedSumWide(double[] x, double halfRule) {
        int n = x.length;
        int bound = n - n % D3pmKernels.LANES;
        DoubleVector s = DoubleVector.zero(FULL);
        DoubleVector c = DoubleVector.zero(FULL);
        LongVector signs = LongVector.zero(LongVector.SPECIES_512);
        LongVector hi = LongVector.zero(LongVector.SPECIES_512);
        for (int i = 0; i < bound; i += D3pmKernels.LANES) {
            DoubleVector xi = DoubleVector.fromArray(FULL, x, i);
            LongVector bits = xi.viewAsIntegralLanes();
            signs = signs.or(bits);
            hi = hi.max(bits);
            DoubleVector u = s.add(xi);
            DoubleVector bb = u.sub(s);
            c = c.add(s.sub(u.sub(bb)).add(xi.sub(bb)));
            s = u;
        }
        return D3pmKernels.finish(x, bound, s.toArray(), c.toArray(), signs.reduceLanes(VectorOperators.OR),
            hi.reduceLanes(VectorOperators.MAX), halfRule);
    }

    /** Rows {@code j0..j1-1} of {@link D3pmKernels#columns}, the columns on lanes, the last few scalar. */
    static void columns(double[][] pi, int j0, int j1, int from, int to, double a, double[] b, double[] w,
                        double[] prod, double[] sum, double[] comp) {
        int n = to - from;
        int bound = S.loopBound(n);
        for (int j = j0; j < j1; j++) {
            double[] row = pi[j];
            DoubleVector av = DoubleVector.broadcast(S, a);
            DoubleVector bj = DoubleVector.broadcast(S, b[j]);
            DoubleVector wj = DoubleVector.broadcast(S, w[j]);
            for (int i = 0; i < bound; i += S.length()) {
                DoubleVector x = DoubleVector.fromArray(S, row, from + i);
                DoubleVector.fromArray(S, prod, i).mul(av.fma(x, bj)).intoArray(prod, i);
                DoubleVector y = wj.mul(x);
                DoubleVector s0 = DoubleVector.fromArray(S, sum, i);
                DoubleVector u = s0.add(y);
                DoubleVector bb = u.sub(s0);
                DoubleVector.fromArray(S, comp, i).add(s0.sub(u.sub(bb)).add(y.sub(bb))).intoArray(comp, i);
                u.intoArray(sum, i);
            }
        }
        if (bound < n) {
            D3pmKernels.columnsScalar(pi, j0, j1, from, to, bound, a, b, w, prod, sum, comp);
        }
    }
}
