package org.probity.diffusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;
import org.probity.chain.ReverseChain;
import org.probity.chain.TransitionSource;
import org.probity.chain.VariationalBound;
import org.probity.math.HighPrecision;
import org.probity.math.MagnitudeErrors;
import org.probity.math.Tolerance;

/**
 * The structured D3PM bound ({@link D3pmStructuredBound}: uniform and absorbing families, JOINT
 * x₀-parameterised reverse model) against 64-digit references and against the dense dynamic program
 * on the same model's matrices.
 *
 * <p>Error unit: \( u \cdot M(x_0) \), with M the backward pass of
 * \( \sum_j Q_t[i][j] (|\log Q_t[i][j] - \log P_t[j][i]| + 1 + M_t(j)) \), \( M_T = |\log p(x_T)| \):
 * the condition of the sum plus one unit per step for the once-rounded inputs of each log
 * (\( \bar\alpha_{t-1} \), the entries of \( Q_t \)). Budget {@value #BUDGET} units for the VLB of both
 * paths (measured: printed by the test) and the same for \( \log p(x_0) \) in units of
 * \( u (1 + T) \).
 */
class D3pmStructuredBoundTest {
    private static final long SEED = 20261130L;
    /** Both paths: a few roundings per term of each step, the product of a column counted once. */
    static final double BUDGET = 8;

    @Test
    void againstSixtyFourDigitReferences() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        MagnitudeErrors structured = MagnitudeErrors.of("D3PM VLB(x0), structured");
        MagnitudeErrors denseErrors = MagnitudeErrors.of("D3PM VLB(x0), dense");
        MagnitudeErrors logP = MagnitudeErrors.of("D3PM log p(x0), structured");
        for (int trial = 0; trial < 24; trial++) {
            int k = 2 + rng.nextInt(3);
            int steps = 1 + rng.nextInt(3);
            double[] betas = ExactSchedule.randomBetas(rng, steps, trial % 4 == 0);
            for (DiscreteDiffusion.Family f : new DiscreteDiffusion.Family[] {DiscreteDiffusion.Family.UNIFORM,
                DiscreteDiffusion.Family.ABSORBING}) {
                DiscreteDiffusion d = DiscreteDiffusion.create(f, k, betas);
                double[][][] table = predictions(rng, k, steps, false);
                D3pmReverseModel p = joint(d, table);
                double[] q0 = DiscreteDiffusionTest.randomVector(rng, k);
                double[] prior = positiveVector(rng, k);
                VariationalBound fast = VariationalBound.of(q0, d, prior, p);
                VariationalBound dense = VariationalBound.of(q0, denseView(d), prior, matrices(p, prior));
                Reference ref = new Reference(d, new ExactSchedule("", NoiseSchedule.of(betas)), table, prior);
                for (int x0 = 0; x0 < k; x0++) {
                    String in = String.format(Locale.ROOT, "%s K=%d T=%d x0=%d", f, k, steps, x0);
                    double magnitude = HighPrecision.toDouble(ref.magnitude[x0]);
                    double eFast = structured.add(in, fast.vlb(x0), ref.vlb[x0], magnitude);
                    double eDense = denseErrors.add(in, dense.vlb(x0), ref.vlb[x0], magnitude);
                    double eLogP = logP.add(in, fast.logLikelihood(x0), ref.logP[x0], 1 + steps);
                    assertThat(eFast).as("%s: structured %s vs exact %s", in, fast.vlb(x0), ref.vlb[x0]).isLessThanOrEqualTo(BUDGET);
                    assertThat(eDense).as("%s: dense %s vs exact %s", in, dense.vlb(x0), ref.vlb[x0]).isLessThanOrEqualTo(BUDGET);
                    assertThat(eLogP).as("%s: log p %s vs exact %s", in, fast.logLikelihood(x0), ref.logP[x0]).isLessThanOrEqualTo(BUDGET);
                }
            }
        }
        System.out.printf(Locale.ROOT, "[accuracy] D3PM VLB(x0), %d starts, error in u x M(x0): structured max %.3f, dense max %.3f;"
            + " log p(x0) structured max %.3f u (1 + T)%n", structured.count(), structured.max(), denseErrors.max(), logP.max());
    }

    /**
     * Larger K and T with exact zeros in the predictions (infinite bounds where q reaches them): the
     * structured path against the dense one, within the sum of both budgets in units of the dense
     * magnitude (the same M, computed in double from the matrices).
     */
    @Test
    void agreesWithTheDenseProgramWithZerosAndLargeK() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED + 1);
        double worst = 0;
        for (int[] kt : new int[][] {{5, 6}, {16, 12}, {70, 5}, {256, 2}}) {
            int k = kt[0];
            int steps = kt[1];
            double[][] schedules = k > 100 ? new double[][] {D3pmSchedules.cosine(steps)}
                : new double[][] {D3pmSchedules.cosine(steps), D3pmSchedules.jsd(steps), ExactSchedule.randomBetas(rng, steps, false)};
            for (double[] betas : schedules) {
                for (DiscreteDiffusion.Family f : new DiscreteDiffusion.Family[] {DiscreteDiffusion.Family.UNIFORM,
                    DiscreteDiffusion.Family.ABSORBING}) {
                    DiscreteDiffusion d = DiscreteDiffusion.create(f, k, betas);
                    D3pmReverseModel p = joint(d, predictions(rng, k, steps, true));
                    double[] q0 = DiscreteDiffusionTest.randomVector(rng, k);
                    double[] prior = f == DiscreteDiffusion.Family.UNIFORM ? DiscreteDiffusionTest.uniform(k) : positiveVector(rng, k);
                    VariationalBound fast = VariationalBound.of(q0, d, prior, p);
                    ReverseChain mats = matrices(p, prior);
                    VariationalBound dense = VariationalBound.of(q0, denseView(d), prior, mats);
                    double[] mag = magnitudes(d, mats);
                    for (int x0 = 0; x0 < k; x0++) {
                        String in = String.format(Locale.ROOT, "%s K=%d T=%d x0=%d", f, k, steps, x0);
                        if (Double.isInfinite(dense.vlb(x0)) || Double.isInfinite(fast.vlb(x0))) {
                            assertThat(fast.vlb(x0)).as(in).isEqualTo(dense.vlb(x0));
                            continue;
                        }
                        double e = Math.abs(fast.vlb(x0) - dense.vlb(x0)) / (Tolerance.UNIT_ROUNDOFF * mag[x0]);
                        worst = Math.max(worst, e);
                        assertThat(e).as("%s: structured %s vs dense %s", in, fast.vlb(x0), dense.vlb(x0))
                            .isLessThanOrEqualTo(2 * BUDGET);
                        double l = Math.abs(fast.logLikelihood(x0) - dense.logLikelihood(x0))
                            / (Tolerance.UNIT_ROUNDOFF * (1 + steps) * Math.max(1, Math.abs(dense.logLikelihood(x0))));
                        assertThat(l).as("%s: log p structured %s vs dense %s", in, fast.logLikelihood(x0),
                            dense.logLikelihood(x0)).isLessThanOrEqualTo(2 * BUDGET);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "[accuracy] D3PM VLB(x0), K up to 256: structured vs dense, largest difference %.3f u x M(x0)%n",
            worst);
    }

    /** The structure is not used for the MIXTURE form, for matrices, or for the discretized-Gaussian family. */
    @Test
    void otherModelsRunTheDenseProgram() {
        DiscreteDiffusion d = DiscreteDiffusion.uniform(3, D3pmSchedules.jsd(2));
        double[][][] table = predictions(RandomSource.XO_RO_SHI_RO_128_PP.create(SEED + 2), 3, 2, false);
        D3pmReverseModel mixture = D3pmReverseModel.x0Parameterised(d, DiscreteDiffusionTest.uniform(3),
            (t, xt, out) -> System.arraycopy(table[t - 1][xt], 0, out, 0, 3), D3pmReverseModel.Form.MIXTURE);
        assertThat(d.structuredBound(DiscreteDiffusionTest.uniform(3), mixture)).isEmpty();
        assertThat(d.structuredBound(DiscreteDiffusionTest.uniform(3), matrices(joint(d, table), DiscreteDiffusionTest.uniform(3))))
            .isEmpty();
        DiscreteDiffusion g = DiscreteDiffusion.discretizedGaussian(3, D3pmSchedules.jsd(2));
        assertThat(g.structuredBound(DiscreteDiffusionTest.uniform(3), joint(g, table))).isEmpty();
        assertThat(d.structuredBound(DiscreteDiffusionTest.uniform(3), joint(d, table))).isPresent();
    }

    /**
     * At K = 256 (the predictions of step t - 1 read while a pool worker works on step t):
     * the predictor is called in order, t = T..1 and x_t = 0..K-1, on the calling thread, and an invalid
     * prediction throws the dense path's message; a prediction that fails only the quick check
     * (an entry -0.0) is accepted by the rule.
     */
    @Test
    void predictorCalledInOrderOnTheCallingThreadAndInvalidPredictionsNamed() {
        int k = 256;
        int steps = 4;
        for (DiscreteDiffusion.Family f : new DiscreteDiffusion.Family[] {DiscreteDiffusion.Family.UNIFORM,
            DiscreteDiffusion.Family.ABSORBING}) {
            DiscreteDiffusion d = DiscreteDiffusion.create(f, k, D3pmSchedules.cosine(steps));
            double[][][] table = predictions(RandomSource.XO_RO_SHI_RO_128_PP.create(SEED + 3), k, steps, false);
            Thread caller = Thread.currentThread();
            java.util.List<Integer> calls = new java.util.ArrayList<>();
            double[] prior = DiscreteDiffusionTest.uniform(k);
            D3pmReverseModel p = D3pmReverseModel.x0Parameterised(d, prior, (t, xt, out) -> {
                assertThat(Thread.currentThread()).isSameAs(caller);
                calls.add(t * k + xt);
                System.arraycopy(table[t - 1][xt], 0, out, 0, k);
                if (t == 2 && xt == 7) {
                    out[4] += out[3];
                    out[3] = -0.0; // fails the quick check (bits), passes the rule
                }
            }, D3pmReverseModel.Form.JOINT);
            assertThat(d.structuredBound(prior, p)).isPresent();
            java.util.List<Integer> expected = new java.util.ArrayList<>();
            for (int t = steps; t >= 1; t--) {
                for (int xt = 0; xt < k; xt++) {
                    expected.add(t * k + xt);
                }
            }
            // validated again by the rule: at once (uniform), or once the rows of step 1 are read (absorbing)
            expected.add(f == DiscreteDiffusion.Family.UNIFORM ? expected.indexOf(2 * k + 7) + 1 : expected.size(), 2 * k + 7);
            assertThat(calls).as("%s", f).isEqualTo(expected);
            D3pmReverseModel bad = D3pmReverseModel.x0Parameterised(d, prior, (t, xt, out) -> {
                System.arraycopy(table[t - 1][xt], 0, out, 0, k);
                if (t == 2 && xt == 200) {
                    out[0] += 1e-6;
                }
            }, D3pmReverseModel.Form.JOINT);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> d.structuredBound(prior, bad))
                .as("%s", f).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("predictor(t=2, xt=200): expected entries summing to 1 within ");
        }
    }

    static D3pmReverseModel joint(DiscreteDiffusion d, double[][][] table) {
        int k = d.states();
        double[] prior = new double[k];
        java.util.Arrays.fill(prior, 1.0 / k);
        return D3pmReverseModel.x0Parameterised(d, prior, (t, xt, out) -> System.arraycopy(table[t - 1][xt], 0, out, 0, k),
            D3pmReverseModel.Form.JOINT);
    }

    /** The same matrices, without the structure: the dense program runs. */
    static TransitionSource denseView(DiscreteDiffusion d) {
        return new TransitionSource() {
            @Override
            public int states() {
                return d.states();
            }

            @Override
            public int steps() {
                return d.steps();
            }

            @Override
            public void fill(int t, double[][] out) {
                d.fill(t, out);
            }
        };
    }

    static ReverseChain matrices(D3pmReverseModel p, double[] prior) {
        double[][][] mats = new double[p.steps()][][];
        for (int t = 1; t <= p.steps(); t++) {
            mats[t - 1] = p.transition(t);
        }
        return ReverseChain.of(prior, mats);
    }

    /** Random predictions, with exact zeros from t = 2 on when asked (at t = 1 a zero makes every uniform VLB infinite). */
    static double[][][] predictions(UniformRandomProvider rng, int k, int steps, boolean zeros) {
        double[][][] table = new double[steps][k][];
        for (int t = 0; t < steps; t++) {
            for (int x = 0; x < k; x++) {
                table[t][x] = zeros && t > 0 ? DiscreteDiffusionTest.randomVector(rng, k) : positiveVector(rng, k);
            }
        }
        return table;
    }

    static double[] positiveVector(UniformRandomProvider rng, int k) {
        double[] v = new double[k];
        double s = 0;
        for (int i = 0; i < k; i++) {
            v[i] = 0.01 + rng.nextDouble();
            s += v[i];
        }
        for (int i = 0; i < k; i++) {
            v[i] /= s;
        }
        return v;
    }

    /** M(x0) in double from the matrices (see the class comment). */
    static double[] magnitudes(DiscreteDiffusion d, ReverseChain p) {
        int k = d.states();
        double[] m = new double[k];
        double[] prior = p.prior();
        for (int i = 0; i < k; i++) {
            m[i] = Math.abs(Math.log(prior[i]));
        }
        for (int t = d.steps(); t >= 1; t--) {
            double[][] qt = d.transition(t);
            double[][] pt = p.transition(t);
            double[] next = new double[k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    if (qt[i][j] != 0) {
                        next[i] += qt[i][j] * (Math.abs(Math.log(qt[i][j]) - Math.log(pt[j][i])) + 1 + m[j]);
                    }
                }
            }
            m = next;
        }
        return m;
    }

    /**
     * The exact VLB(x0), M(x0) and log p(x0) in 64 digits: \( Q_t \) and \( \bar{Q}_{t-1} \) from the exact
     * β and \( \bar\alpha \) ({@link ExactSchedule}, {@link D3pmAccuracyTest#entry}), the JOINT reverse
     * matrices by Bayes' rule (a zero row made uniform, as the model does), then the backward pass.
     */
    static final class Reference {
        final Dfp[] vlb;
        final Dfp[] magnitude;
        final Dfp[] logP;

        Reference(DiscreteDiffusion d, ExactSchedule e, double[][][] table, double[] prior) {
            int k = d.states();
            int steps = d.steps();
            DiscreteDiffusion.Family f = d.family();
            Dfp zero = HighPrecision.of(0);
            Dfp one = HighPrecision.of(1);
            Dfp[] v = new Dfp[k];
            Dfp[] mag = new Dfp[k];
            Dfp[] m = new Dfp[k];
            for (int i = 0; i < k; i++) {
                v[i] = HighPrecision.log(HighPrecision.of(prior[i])).negate();
                mag[i] = v[i].abs();
                m[i] = HighPrecision.of(prior[i]);
            }
            for (int t = steps; t >= 1; t--) {
                Dfp[][] q = new Dfp[k][k];
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        q[i][j] = D3pmAccuracyTest.entry(f, k, one.subtract(e.beta(t)), e.beta(t), i, j);
                    }
                }
                Dfp[][] p = new Dfp[k][k];
                for (int xt = 0; xt < k; xt++) {
                    Dfp[] pred = new Dfp[k];
                    for (int i = 0; i < k; i++) {
                        pred[i] = HighPrecision.of(table[t - 1][xt][i]);
                    }
                    if (t == 1) {
                        p[xt] = pred;
                        continue;
                    }
                    Dfp z = zero;
                    for (int i = 0; i < k; i++) {
                        Dfp vi = zero;
                        for (int x0 = 0; x0 < k; x0++) {
                            vi = vi.add(pred[x0].multiply(D3pmAccuracyTest.entry(f, k, e.alphaBar(t - 1), e.oneMinusAlphaBar(t - 1), x0, i)));
                        }
                        p[xt][i] = q[i][xt].multiply(vi);
                        z = z.add(p[xt][i]);
                    }
                    for (int i = 0; i < k; i++) {
                        p[xt][i] = z.isZero() ? one.divide(k) : p[xt][i].divide(z);
                    }
                }
                Dfp[] nv = new Dfp[k];
                Dfp[] nmag = new Dfp[k];
                Dfp[] nm = new Dfp[k];
                for (int i = 0; i < k; i++) {
                    nv[i] = zero;
                    nmag[i] = zero;
                    nm[i] = zero;
                    for (int j = 0; j < k; j++) {
                        nm[i] = nm[i].add(m[j].multiply(p[j][i]));
                        if (q[i][j].isZero()) {
                            continue;
                        }
                        Dfp lr = HighPrecision.log(q[i][j]).subtract(HighPrecision.log(p[j][i]));
                        nv[i] = nv[i].add(q[i][j].multiply(lr.add(v[j])));
                        nmag[i] = nmag[i].add(q[i][j].multiply(lr.abs().add(one).add(mag[j])));
                    }
                }
                v = nv;
                mag = nmag;
                m = nm;
            }
            this.vlb = v;
            this.magnitude = mag;
            this.logP = new Dfp[k];
            for (int i = 0; i < k; i++) {
                logP[i] = HighPrecision.log(m[i]);
            }
        }
    }
}
