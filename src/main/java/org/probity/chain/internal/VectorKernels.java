package org.probity.chain.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The row kernels of {@link ChainDp}'s backward pass on the JDK's incubating Vector API (one SIMD
 * {@code LOG} per lane, the widest species of the machine). Loaded only when the module
 * {@code jdk.incubator.vector} is present ({@link ChainDp}); otherwise the scalar kernels run.
 *
 * <p>{@link #vlbRow}: each lane computes the same term as {@code LogSpace.klTermFast} —
 * \( \mathrm{fma}(q, \log r, q - r p) \), \( r = q \oslash p \), the remainder exact — plus \( q V \), and
 * adds both with TwoSum into per-lane compensated sums, which are reduced in a fixed lane order, so a
 * result depends only on the species length. The vector {@code LOG} is specified within 1 ulp like
 * {@code Math.log}, so the term bound of {@code klTermFast} (3 ulps) holds (measured in
 * {@code ChainDpAccuracyTest}). The row runs in two passes: the quotients and their logs first (the
 * {@code LOG} is a call into the JDK's SIMD math library, and a loop that keeps no accumulator live
 * across it spills nothing), then the terms and sums. Lanes that need anything else (a zero, tiny or
 * subnormal entry) make the row fall back to the scalar kernel: the method then returns NaN.
 *
 * <p>{@link #dot}: \( \sum_j a_j b_j \) with the same per-lane TwoSum, the products rounded once (the
 * propagation \( m' = m P \) by rows of \( P^{\mathsf T} \)).
 */
final class VectorKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** Below this, the division remainder may not be exact (LogSpace.klTermFast). */
    private static final double TINY = 0x1.0p-969;
    /** The smallest quotient taken on the SIMD path: adding 2^-1074 leaves every larger double unchanged. */
    private static final double R_MIN = 0x1.0p-1020;

    private VectorKernels() {
    }

    /** The width in lanes; rows shorter than twice this run the scalar kernel. */
    static int lanes() {
        return S.length();
    }

    /**
     * \( \sum_j q_j \log(q_j / p_j) + q_j v_j \) over the entries with \( q_j &gt; 0 \), compensated; NaN
     * when some entry with \( q_j &gt; 0 \) has \( q_j &lt; 2^{-969} \), \( p_j &lt; \) the smallest normal
     * or \( q_j/p_j \) outside \( [2^{-1020}, \infty) \) (the caller then runs the scalar kernel). Every
     * \( v_j \) must be finite (the caller checks once per step). NaN also when some
     * \( q_j = p_j = 0 \) (the scalar kernel skips such entries).
     *
     * @param scratch at least {@code 2 q.length} doubles, overwritten (the quotients and their logs)
     */
    static double vlbRow(double[] q, double[] p, double[] v, double[] scratch) {
        int n = q.length;
        int bound = S.loopBound(n);
        for (int j = 0; j < bound; j += S.length()) {
            DoubleVector r = DoubleVector.fromArray(S, q, j).div(DoubleVector.fromArray(S, p, j));
            r.intoArray(scratch, j);
            // log(r + 2^-1074): r itself for r >= 2^-1020 (the only r that the check below lets through
            // where q > 0: the addition is below half an ulp), and a finite number where q = 0 and r = 0,
            // so that the term q log r + (q - r p) below is exactly 0 there without a mask (a Java vector
            // max costs several instructions); where q = p = 0, r is NaN, the row's sum is NaN and the
            // scalar kernel takes the row
            r.add(Double.MIN_VALUE).lanewise(VectorOperators.LOG).intoArray(scratch, n + j);
        }
        DoubleVector s = DoubleVector.zero(S);
        DoubleVector c = DoubleVector.zero(S);
        VectorMask<Double> bad = S.maskAll(false);
        for (int j = 0; j < bound; j += S.length()) {
            DoubleVector qv = DoubleVector.fromArray(S, q, j);
            DoubleVector pv = DoubleVector.fromArray(S, p, j);
            DoubleVector r = DoubleVector.fromArray(S, scratch, j);
            VectorMask<Double> ok = qv.compare(VectorOperators.GE, TINY)
                .and(pv.compare(VectorOperators.GE, Double.MIN_NORMAL))
                .and(r.compare(VectorOperators.GE, R_MIN))
                .and(r.compare(VectorOperators.LT, Double.POSITIVE_INFINITY));
            bad = bad.or(qv.compare(VectorOperators.GT, 0).andNot(ok));
            DoubleVector x = qv.fma(DoubleVector.fromArray(S, scratch, n + j), r.neg().fma(pv, qv));
            DoubleVector u = s.add(x);
            DoubleVector bb = u.sub(s);
            c = c.add(s.sub(u.sub(bb)).add(x.sub(bb)));
            s = u;
            x = qv.mul(DoubleVector.fromArray(S, v, j)); // 0 where q = 0: v is finite
            u = s.add(x);
            bb = u.sub(s);
            c = c.add(s.sub(u.sub(bb)).add(x.sub(bb)));
            s = u;
        }
        if (bad.anyTrue()) {
            return Double.NaN;
        }
        double[] sum = reduce(s, c, scratch);
        double total = sum[0];
        double comp = sum[1];
        for (int j = bound; j < n; j++) {
            double qj = q[j];
            if (qj == 0) {
                continue;
            }
            double pj = p[j];
            double r = qj / pj;
            if (!(qj >= TINY && pj >= Double.MIN_NORMAL && r >= R_MIN && r < Double.POSITIVE_INFINITY)) {
                return Double.NaN;
            }
            double x = Math.fma(qj, Math.log(r), Math.fma(-r, pj, qj));
            double u = total + x;
            double bb = u - total;
            comp += (total - (u - bb)) + (x - bb);
            total = u;
            x = qj * v[j];
            u = total + x;
            bb = u - total;
            comp += (total - (u - bb)) + (x - bb);
            total = u;
        }
        return total + comp;
    }

    /**
     * \( \sum_j a_j b_j \), each product rounded once and added by TwoSum into per-lane compensated sums.
     *
     * @param scratch at least {@code 2 lanes()} doubles, overwritten
     */
    static double dot(double[] a, double[] b, double[] scratch) {
        int n = a.length;
        int bound = S.loopBound(n);
        DoubleVector s = DoubleVector.zero(S);
        DoubleVector c = DoubleVector.zero(S);
        for (int j = 0; j < bound; j += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, j).mul(DoubleVector.fromArray(S, b, j));
            DoubleVector u = s.add(x);
            DoubleVector bb = u.sub(s);
            c = c.add(s.sub(u.sub(bb)).add(x.sub(bb)));
            s = u;
        }
        double[] sum = reduce(s, c, scratch);
        return Propagation.dot(a, b, bound, sum[0], sum[1]);
    }

    /**
     * The lanes of a per-lane compensated sum added in lane order by TwoSum: {@code {sum, compensation}}.
     * The lanes go through {@code buffer} (at least two vectors long, overwritten): one store each, where
     * a {@code lane(l)} per lane is a slow path.
     */
    private static double[] reduce(DoubleVector s, DoubleVector c, double[] buffer) {
        int lanes = S.length();
        s.intoArray(buffer, 0);
        c.intoArray(buffer, lanes);
        double total = 0;
        double comp = 0;
        for (int l = 0; l < lanes; l++) {
            double x = buffer[l];
            double u = total + x;
            double bb = u - total;
            comp += (total - (u - bb)) + (x - bb) + buffer[lanes + l];
            total = u;
        }
        return new double[] {total, comp};
    }
}
