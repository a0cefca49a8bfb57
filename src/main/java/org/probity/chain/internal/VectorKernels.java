package org.probity.chain.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The row kernel of {@link ChainDp#vlbByStart} on the JDK's incubating Vector API (one SIMD
 * {@code LOG} per lane, the widest species of the machine). Loaded only when the module
 * {@code jdk.incubator.vector} is present ({@link ChainDp}); otherwise the scalar kernel runs.
 *
 * <p>Each lane computes the same term as {@code LogSpace.klTermFast} — \( \mathrm{fma}(q, \log r, q - r p) \),
 * \( r = q \oslash p \), the remainder exact — plus \( q V \), and adds both with TwoSum into per-lane
 * compensated sums, which are reduced in a fixed lane order, so a result depends only on the species
 * length. The vector {@code LOG} is specified within 1 ulp like {@code Math.log}, so the term bound of
 * {@code klTermFast} (3 ulps) holds (measured in {@code ChainDpAccuracyTest}). Lanes that need
 * anything else (a zero, tiny or subnormal entry, an infinite value) make the row fall back to the
 * scalar kernel: the method then returns NaN.
 */
final class VectorKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** Below this, the division remainder may not be exact (LogSpace.klTermFast). */
    private static final double TINY = 0x1.0p-969;

    private VectorKernels() {
    }

    /** The width in lanes; rows shorter than this run the scalar kernel. */
    static int lanes() {
        return S.length();
    }

    /**
     * \( \sum_j q_j \log(q_j / p_j) + q_j v_j \) over the entries with \( q_j &gt; 0 \), compensated; NaN
     * when some entry with \( q_j &gt; 0 \) has \( q_j &lt; 2^{-969} \), \( p_j &lt; \) the smallest normal,
     * \( q_j/p_j \) outside the normal range, or \( v_j \) not finite (the caller then runs the scalar kernel).
     */
    static double vlbRow(double[] q, double[] p, double[] v) {
        int n = q.length;
        int bound = S.loopBound(n);
        DoubleVector s = DoubleVector.zero(S);
        DoubleVector c = DoubleVector.zero(S);
        DoubleVector zero = DoubleVector.zero(S);
        for (int j = 0; j < bound; j += S.length()) {
            DoubleVector qv = DoubleVector.fromArray(S, q, j);
            DoubleVector pv = DoubleVector.fromArray(S, p, j);
            DoubleVector vv = DoubleVector.fromArray(S, v, j);
            VectorMask<Double> live = qv.compare(VectorOperators.GT, 0);
            DoubleVector r = qv.div(pv);
            VectorMask<Double> ok = qv.compare(VectorOperators.GE, TINY)
                .and(pv.compare(VectorOperators.GE, Double.MIN_NORMAL))
                .and(r.compare(VectorOperators.GE, Double.MIN_NORMAL))
                .and(r.compare(VectorOperators.LT, Double.POSITIVE_INFINITY))
                .and(vv.abs().compare(VectorOperators.LT, Double.POSITIVE_INFINITY));
            if (live.andNot(ok).anyTrue()) {
                return Double.NaN;
            }
            DoubleVector term = qv.fma(r.lanewise(VectorOperators.LOG), r.neg().fma(pv, qv));
            DoubleVector x = zero.blend(term, live);
            DoubleVector u = s.add(x);
            DoubleVector bb = u.sub(s);
            c = c.add(s.sub(u.sub(bb)).add(x.sub(bb)));
            s = u;
            x = zero.blend(qv.mul(vv), live);
            u = s.add(x);
            bb = u.sub(s);
            c = c.add(s.sub(u.sub(bb)).add(x.sub(bb)));
            s = u;
        }
        double total = 0;
        double comp = 0;
        for (int l = 0; l < S.length(); l++) {
            double x = s.lane(l);
            double u = total + x;
            double bb = u - total;
            comp += (total - (u - bb)) + (x - bb) + c.lane(l);
            total = u;
        }
        for (int j = bound; j < n; j++) {
            double qj = q[j];
            if (qj == 0) {
                continue;
            }
            double pj = p[j];
            double r = qj / pj;
            if (!(qj >= TINY && pj >= Double.MIN_NORMAL && r >= Double.MIN_NORMAL && r < Double.POSITIVE_INFINITY
                && Math.abs(v[j]) < Double.POSITIVE_INFINITY)) {
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
}
