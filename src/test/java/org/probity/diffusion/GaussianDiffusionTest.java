package org.probity.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.probity.assertions.ProbityAssertions;
import org.probity.chain.GaussianVector;
import org.probity.chain.LinearGaussianChain;
import org.probity.math.Tolerance;
import org.probity.math.Tolerances;

/** Forward process, posterior, VLB terms, exact VLB and likelihood, Monte Carlo estimate. */
class GaussianDiffusionTest {
    private static final Tolerance FEW = Tolerance.conditioned(16, 1).named("16 roundings, well conditioned");
    private static final Tolerance LINALG = Tolerance.conditioned(1024, 1e4).named("Cholesky of a T+1 joint, kappa < 1e4")
        .or(Tolerances.roundedSum(1e4 * 1024, 1).named("same rule, absolute near 0"));

    private static void close(Tolerance tol, double expected, double actual, String what) {
        ProbityAssertions.assertThat(actual).as(what).isCloseTo(expected, tol);
    }

    @Test
    void marginalIsComposedSteps() {
        NoiseSchedule s = Schedules.cosine(20);
        GaussianDiffusion g = GaussianDiffusion.of(s);
        LinearGaussianChain q = g.forwardChain(0.7);
        for (int t = 0; t <= 20; t++) {
            close(FEW.or(Tolerance.conditioned(4 * t + 4, 1)), g.marginalMean(t, 0.7), q.mean(t), "mean " + t);
            close(Tolerance.conditioned(4 * t + 4, 1 / Math.max(s.oneMinusAlphaBar(t), 1e-300)).or(Tolerance.absolute(0)), g.marginalVariance(t), q.variance(t), "variance " + t);
        }
    }

    @Test
    void posteriorIsTheConditionalOfTheJoint() {
        NoiseSchedule s = Schedules.linear(6, 0.05, 0.3);
        GaussianDiffusion g = GaussianDiffusion.of(s);
        GaussianVector joint = g.forwardChain(0.4, 0.9).joint();
        for (int t = 2; t <= 6; t++) {
            GaussianVector c = joint.conditional(new int[] {t - 1}, new int[] {0, t}, new double[] {0.4, -1.1});
            close(LINALG, c.mean()[0], g.posteriorMean(t, 0.4, -1.1), "posterior mean at " + t);
            close(LINALG, c.covariance()[0][0], g.posteriorVariance(t), "posterior variance at " + t);
        }
    }

    @Test
    void predictX0FromTrueNoiseRecoversX0() {
        NoiseSchedule s = Schedules.linear(1000);
        GaussianDiffusion g = GaussianDiffusion.of(s);
        double x0 = -0.3;
        double eps = 1.7;
        for (int t : new int[] {1, 2, 500, 1000}) {
            double xt = s.sqrtAlphaBar(t) * x0 + s.sqrtOneMinusAlphaBar(t) * eps;
            close(Tolerance.conditioned(8, 1 + Math.abs(eps) / Math.sqrt(s.snr(t)) / Math.abs(x0)), x0, g.predictX0FromEps(t, xt, eps), "x0 at " + t);
        }
        NoiseSchedule z = Schedules.zeroTerminalSnr(s);
        assertThatThrownBy(() -> GaussianDiffusion.of(z).predictX0FromEps(1000, 0.1, 0.2))
            .hasMessage("t: x_0 cannot be recovered from eps at step 1000, where alphaBar_t = 0");
    }

    @Test
    void vbTermIsZeroWhenTheModelIsThePosterior() {
        GaussianDiffusion g = GaussianDiffusion.of(Schedules.linear(100));
        for (int t = 2; t <= 100; t += 7) {
            assertThat(g.vbTerm(t, 0.5, -0.2, g.posteriorMean(t, 0.5, -0.2), g.posteriorLogVariance(t))).isZero();
        }
    }

    @Test
    void priorKlInBitsMatchesHo2020() {
        // Ho et al. 2020, §4: L_T ~ 1e-5 bits/dim; ORACLES.md: 2.9113e-5 bits at |x0| = 1, 5.87e-10 at x0 = 0.
        GaussianDiffusion g = GaussianDiffusion.of(Schedules.linear(1000));
        close(Tolerance.absolute(0.5e-9).named("published to 5 significant digits"), 2.9113e-5, GaussianDiffusion.toBits(g.priorKl(1)), "L_T at 1");
        close(Tolerance.absolute(0.5e-9).named("same"), 2.9113e-5, GaussianDiffusion.toBits(g.priorKl(-1)), "L_T at -1");
        close(Tolerance.absolute(0.005e-10).named("published to 3 significant digits"), 5.87e-10, GaussianDiffusion.toBits(g.priorKl(0)), "L_T at 0");
        // L_T is quadratic in x0, so its average over x0 ~ U[-1, 1] is L_T at x0^2 = 1/3.
        double avg = GaussianDiffusion.toBits(g.priorKl(Math.sqrt(1.0 / 3)));
        close(Tolerance.absolute(0.5e-5).named("published to 1 significant digit"), 1e-5, avg, "L_T averaged");
    }

    @Test
    void decoderBinsSumToOne() {
        // Ho et al. 2020, eq. 13: the 256 bins (edge bins open) partition the real line.
        GaussianDiffusion g = GaussianDiffusion.of(Schedules.linear(10));
        Tolerance tol = Tolerances.roundedSum(256 * 16, 1).named("256 bins x 16 roundings");
        for (double mean : new double[] {0, 0.3, -0.99, 1.5, -7}) {
            for (double logScale : new double[] {-8, -3, 0, 2}) {
                double sum = 0;
                for (int k = 0; k < 256; k++) {
                    sum += Math.exp(-g.decoderNll(k / 127.5 - 1, mean, logScale));
                }
                close(tol, 1, sum, "sum at mean " + mean + ", logScale " + logScale);
            }
        }
    }

    @Test
    void boundIsTightForTheTrueReverseAndBelowOtherwise() {
        NoiseSchedule s = Schedules.linear(8, 0.02, 0.4);
        GaussianDiffusion g = GaussianDiffusion.of(s);
        LinearGaussianReverse truth = LinearGaussianReverse.trueReverse(s, 0.2, 0.5);
        for (double x0 : new double[] {-1, 0.2, 0.9}) {
            double elbo = -g.exactVlb(x0, truth).total();
            close(LINALG, g.logLikelihood(x0, truth), elbo, "tight at " + x0);
        }
        double[] k = new double[8];
        double[] j = new double[8];
        java.util.Arrays.fill(k, 0.3);
        LinearGaussianReverse other = LinearGaussianReverse.fromEpsilon(s, k, j, ReverseVariance.FIXED_LARGE, null);
        assertThat(-g.exactVlb(0.5, other).total()).isLessThan(g.logLikelihood(0.5, other));
    }

    @Test
    void singleStepIsAVae() {
        NoiseSchedule s = NoiseSchedule.of(0.3);
        GaussianDiffusion g = GaussianDiffusion.of(s);
        LinearGaussianReverse p = LinearGaussianReverse.of(new double[] {0.5}, new double[] {0.1}, new double[] {Math.log(0.2)}, 0, 1);
        VlbTerms v = g.exactVlb(0.7, p);
        assertThat(v.stepTerms()).isEmpty();
        close(FEW, g.priorKl(0.7), v.priorTerm(), "L_T");
        // L_0 = E_{x1 ~ N(sqrt(0.7) 0.7, 0.3)} [-log N(0.7; 0.5 x1 + 0.1, 0.2)]
        double m1 = Math.sqrt(0.7) * 0.7;
        double r = 0.7 - 0.5 * m1 - 0.1;
        double expected = 0.5 * Math.log(2 * Math.PI * 0.2) + (r * r + 0.25 * 0.3) / 0.4;
        close(FEW, expected, v.decoderTerm(), "L_0");
    }

    @Test
    void monteCarloCoversTheExactVlbAtItsDeclaredRate() {
        NoiseSchedule s = Schedules.cosine(5);
        GaussianDiffusion g = GaussianDiffusion.of(s);
        double[] k = {0.1, 0.2, 0.3, 0.4, 0.5};
        double[] j = {0.0, 0.1, 0.0, -0.1, 0.0};
        LinearGaussianReverse p = LinearGaussianReverse.trueReverse(s, 0, 1);
        double[] x0 = {0.5, -0.25, 1};
        double exact = g.exactVlb(x0, p).total();
        MonteCarloVlb mc = g.monteCarloVlb(x0, p, false, 4000, 1e-9, RandomSource.XO_RO_SHI_RO_128_PP.create(20261124L));
        assertThat(mc.covers(exact)).as("%s vs exact %s", mc, exact).isTrue();
        // ... and is sharp enough to see a different model.
        LinearGaussianReverse other = LinearGaussianReverse.trueReverse(s, 0.5, 1);
        assertThat(mc.covers(g.exactVlb(x0, other).total())).as("%s vs other %s", mc, g.exactVlb(x0, other).total()).isFalse();
        LinearGaussianReverse q = LinearGaussianReverse.fromEpsilon(s, k, j, ReverseVariance.LEARNED, new double[] {0.5, 0.5, 0.2, 0.8, 1});
        MonteCarloVlb mq = g.monteCarloVlb(x0, q, false, 4000, 1e-9, RandomSource.XO_RO_SHI_RO_128_PP.create(7L));
        assertThat(mq.covers(g.exactVlb(x0, q).total())).as("%s vs exact %s", mq, g.exactVlb(x0, q).total()).isTrue();
        q = LinearGaussianReverse.fromEpsilon(s, k, j, ReverseVariance.FIXED_LARGE, null);
        // The eps-parameterised general model agrees with its linear form.
        ReverseModel general = ReverseModels.epsilon(s, (t, xt) -> {
            double[] e = new double[xt.length];
            for (int i = 0; i < e.length; i++) {
                e[i] = k[t - 1] * xt[i] + j[t - 1];
            }
            return e;
        }, ReverseVariance.FIXED_LARGE, null);
        double[] xt = {0.3, -0.6, 2};
        for (int t = 1; t <= 5; t++) {
            double[] a = general.mean(t, xt);
            double[] b = q.mean(t, xt);
            double[] la = general.logVariance(t, xt);
            for (int i = 0; i < 3; i++) {
                close(FEW.or(Tolerances.roundedSum(16 * 4, 1)), b[i], a[i], "mean t=" + t);
                assertThat(la[i]).isEqualTo(q.logVariance(t));
            }
        }
    }

    @Test
    void marginalAndPosteriorAsDistributions() {
        NoiseSchedule s = Schedules.linear(1000);
        GaussianDiffusion g = GaussianDiffusion.of(s);
        org.probity.dist.Gaussian m = g.marginal(2, 0.5);
        assertThat(m.mean()).isEqualTo(s.sqrtAlphaBar(2) * 0.5);
        assertThat(m.variance()).isEqualTo(s.oneMinusAlphaBar(2));
        org.probity.dist.Gaussian p = g.posterior(2, 0.5, 0.1);
        assertThat(p.mean()).isEqualTo(g.posteriorMean(2, 0.5, 0.1));
        assertThat(p.variance()).isEqualTo(5.4531876613026055E-5);
        assertThatThrownBy(() -> g.posterior(1, 0.5, 0.1))
            .hasMessage("t: expected a timestep >= 2 (q(x_0 | x_1, x_0) is a point mass), got 1");
        assertThatThrownBy(() -> g.marginal(0, 0.5)).hasMessage("t: expected a timestep in 1..1000, got 0");
    }

    @Test
    void diagonalVersionsAreSumsOverDimensions() {
        NoiseSchedule s = Schedules.cosine(30);
        GaussianDiffusion g = GaussianDiffusion.of(s);
        double[] x0 = {0.5, -1, 0.25};
        LinearGaussianReverse a = LinearGaussianReverse.trueReverse(s, 0, 1);
        LinearGaussianReverse b = LinearGaussianReverse.trueReverse(s, 0.3, 0.5);
        VlbTerms shared = g.exactVlb(x0, a);
        VlbTerms perDim = g.exactVlb(x0, java.util.List.of(a, a, a));
        close(FEW, shared.total(), perDim.total(), "shared = per-dimension");
        VlbTerms mixed = g.exactVlb(x0, java.util.List.of(a, b, a));
        double sum = g.exactVlb(0.5, a).total() + g.exactVlb(-1, b).total() + g.exactVlb(0.25, a).total();
        close(FEW, sum, mixed.total(), "mixed = sum of scalar VLBs");
        double ll = g.logLikelihood(0.5, a) + g.logLikelihood(-1, b) + g.logLikelihood(0.25, a);
        close(FEW, ll, g.logLikelihood(x0, java.util.List.of(a, b, a)), "log-likelihood");
        assertThat(mixed.bitsPerDim()).isEqualTo(mixed.total() / (3 * Math.log(2)));
        org.probity.chain.DiagonalLinearGaussianChain q = g.forwardChain(x0);
        assertThat(q.dimension()).isEqualTo(3);
        assertThat(q.mean(30)[1]).isEqualTo(g.forwardChain(-1.0).mean(30));
        double[][] path = new double[31][3];
        for (int t = 1; t <= 30; t++) {
            path[t] = new double[] {0.1 * t, -0.05 * t, 0.3};
        }
        path[0] = x0.clone();
        double expected = 0;
        for (int d = 0; d < 3; d++) {
            double[] col = new double[31];
            for (int t = 0; t <= 30; t++) {
                col[t] = path[t][d];
            }
            col[0] = x0[d];
            expected += g.forwardChain(x0[d]).logDensity(col);
        }
        close(Tolerance.conditioned(64, 1), expected, q.logDensity(path), "diagonal path density");
    }

    @Test
    void validation() {
        GaussianDiffusion g = GaussianDiffusion.of(Schedules.linear(3));
        LinearGaussianReverse p = LinearGaussianReverse.of(new double[] {1}, new double[] {0}, new double[] {0}, 0, 1);
        assertThatThrownBy(() -> g.exactVlb(0, p)).hasMessage("model: expected a reverse model with 3 steps, got 1");
        assertThatThrownBy(() -> g.monteCarloVlb(new double[] {0.1}, p, true, 10, 1e-9, RandomSource.JSF_64.create(1L)))
            .hasMessage("x0[0]: expected a value on the 256-level grid of [-1, 1], got 0.1");
        assertThatThrownBy(() -> g.monteCarloVlb(new double[] {0}, p, false, 1, 1e-9, RandomSource.JSF_64.create(1L)))
            .hasMessage("samples: expected at least 2, got 1");
        assertThatThrownBy(() -> LinearGaussianReverse.of(new double[] {1}, new double[] {0}, new double[] {0}, 0, 0))
            .hasMessage("priorVariance: expected a finite number > 0, got 0.0");
        assertThatThrownBy(() -> ReverseModels.epsilon(g.schedule(), (t, x) -> x, ReverseVariance.LEARNED, null))
            .hasMessageStartingWith("interpolation: expected a predictor for LEARNED variance and null otherwise");
    }
}
