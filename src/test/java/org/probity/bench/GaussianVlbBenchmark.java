package org.probity.bench;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.probity.diffusion.GaussianDiffusion;
import org.probity.diffusion.LinearGaussianReverse;
import org.probity.diffusion.NoiseSchedule;
import org.probity.diffusion.ReverseVariance;
import org.probity.diffusion.Schedules;
import org.probity.diffusion.VlbTerms;

/**
 * Exact Gaussian VLB (Ho et al. 2020, eq. 5, every term in closed form) for a linear-Gaussian
 * reverse model, DDPM linear schedule, T = 1000, one CIFAR-sized image of D = 3072 dimensions on the
 * 256-level grid: O(T + D) per operation (the sum over the D dimensions of each step from the image's
 * centred moments, taken once; see GaussianDiffusion.exactVlb). Also the exact log-likelihood
 * (closed-form marginal of the reverse chain, O(T + D)) and building the schedule tables in
 * double-double (O(T)).
 *
 * <p>Run: {@code bench/jmh.sh GaussianVlbBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GaussianVlbBenchmark {
    private static final int STEPS = 1000;
    private static final int DIMS = 3072;

    private GaussianDiffusion diffusion;
    private LinearGaussianReverse epsModel;
    private LinearGaussianReverse trueReverse;
    private double[] image;

    /** One image on the grid, an ε-model with a per-step linear predictor, and the true reverse process. */
    @Setup
    public void setUp() {
        NoiseSchedule s = Schedules.linear(STEPS);
        diffusion = GaussianDiffusion.of(s);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261124L);
        image = new double[DIMS];
        for (int i = 0; i < DIMS; i++) {
            image[i] = rng.nextInt(256) / 127.5 - 1;
        }
        epsModel = epsModel(s);
        trueReverse = LinearGaussianReverse.trueReverse(s, 0, 0.25);
    }

    /**
     * The ε-model of the benchmarks (and of {@code bench/gaussian_vlb_peer.py}): the linear predictor
     * \( \hat\varepsilon(x_t, t) = k_t x_t + j_t \), \( k_t = 0.9 \sqrt{1 - \bar\alpha_t} \), \( j_t = 0.01 \), and
     * the learned variance interpolation with \( v_t = 0.5 \).
     */
    public static LinearGaussianReverse epsModel(NoiseSchedule s) {
        int n = s.steps();
        double[] k = new double[n];
        double[] j = new double[n];
        double[] v = new double[n];
        for (int t = 0; t < n; t++) {
            k[t] = 0.9 * s.sqrtOneMinusAlphaBar(t + 1);
            j[t] = 0.01;
            v[t] = 0.5;
        }
        return LinearGaussianReverse.fromEpsilon(s, k, j, ReverseVariance.LEARNED, v);
    }

    /** Exact VLB, all T terms over D dimensions, for the ε-model. */
    @Benchmark
    public VlbTerms exactVlbEpsModel() {
        return diffusion.exactVlb(image, epsModel);
    }

    /** Exact VLB for the true reverse process (tight bound). */
    @Benchmark
    public VlbTerms exactVlbTrueReverse() {
        return diffusion.exactVlb(image, trueReverse);
    }

    /** Exact log p(x_0) over D dimensions. */
    @Benchmark
    public double exactLogLikelihood() {
        return diffusion.logLikelihood(image, epsModel);
    }

    /** Schedule tables in double-double for T = 1000. */
    @Benchmark
    public NoiseSchedule scheduleTables() {
        return Schedules.linear(STEPS);
    }
}
