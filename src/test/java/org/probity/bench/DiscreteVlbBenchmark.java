package org.probity.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.probity.chain.VariationalBound;
import org.probity.chain.internal.ChainDp;
import org.probity.diffusion.D3pmReverseModel;
import org.probity.diffusion.D3pmSchedules;
import org.probity.diffusion.DiscreteDiffusion;

/**
 * The exact discrete variational bound and log-likelihood of D3PM at image scale: K = 256 states
 * (one 8-bit channel), T = 1000 steps, an x₀-parameterised reverse model (Austin et al. eq. 4, the
 * JOINT form) whose prediction is a fixed Gaussian-shaped kernel around x_t (a stand-in for a
 * network: the cost of the bound does not depend on the numbers). Matrices are computed one step
 * at a time, so memory is O(K²).
 *
 * <ul>
 *   <li>{@code bound}: VLB(x₀) for all 256 x₀ and log p(x₀) for all 256 x₀ in one backward pass
 *       that uses the rank-one structure of Q_t (DiscreteDiffusion#structuredBound): per step the K²
 *       predictions are read (the callback below: the network's cost, on the calling thread) and summed
 *       and checked once, then O(K²) multiply-adds (uniform) and O(K) logs; the reading of step t - 1
 *       overlaps the work of step t on the second core;</li>
 *   <li>{@code termsOneStart}: L_T, L_{t-1} (t = 2..T), L_0 at one x₀: T × K² work with K² logs per step;</li>
 *   <li>{@code logLikelihood}: log p(x₀) for all x₀ only, on the dense reverse matrices.</li>
 * </ul>
 * Run: {@code bench/jmh.sh DiscreteVlbBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class DiscreteVlbBenchmark {
    static final int K = 256;
    static final int T = 1000;
    private static final double KERNEL_WIDTH = 8;

    @Param({"UNIFORM", "ABSORBING"})
    public String family;

    private DiscreteDiffusion diffusion;
    private D3pmReverseModel reverse;
    private double[] data;
    private VariationalBound bound;

    @Setup
    public void setup() {
        double[] betas = family.equals("UNIFORM") ? D3pmSchedules.cosine(T) : D3pmSchedules.jsd(T);
        diffusion = DiscreteDiffusion.create(DiscreteDiffusion.Family.valueOf(family), K, betas);
        double[][] kernel = new double[K][K];
        for (int x = 0; x < K; x++) {
            double z = 0;
            for (int y = 0; y < K; y++) {
                double d = (x - y) / KERNEL_WIDTH;
                kernel[x][y] = Math.exp(-0.5 * d * d) + 1e-6;
                z += kernel[x][y];
            }
            for (int y = 0; y < K; y++) {
                kernel[x][y] /= z;
            }
        }
        double[] prior = new double[K];
        if (diffusion.family() == DiscreteDiffusion.Family.ABSORBING) {
            prior[diffusion.maskState()] = 1;
        } else {
            java.util.Arrays.fill(prior, 1.0 / K);
        }
        reverse = D3pmReverseModel.x0Parameterised(diffusion, prior,
            (t, xt, out) -> System.arraycopy(kernel[xt], 0, out, 0, K), D3pmReverseModel.Form.JOINT);
        data = new double[K];
        java.util.Arrays.fill(data, 1.0 / K);
        bound = diffusion.bound(data, reverse);
        System.out.printf("%n[%s] L_VLB = %.6f nats, L_CE = %.6f nats, VLB(128) = %.6f, decomposed = %.6f%n", family,
            bound.totalVlb(), bound.crossEntropy(), bound.vlb(128), bound.decomposedVlb(128));
    }

    /** VLB(x₀) and log p(x₀) for all 256 x₀. */
    @Benchmark
    public VariationalBound bound() {
        return diffusion.bound(data, reverse);
    }

    /** The decomposition L_T + Σ L_{t-1} + L_0 at one x₀. */
    @Benchmark
    public double[] termsOneStart() {
        return bound.terms(128);
    }

    /** log p(x₀) for all 256 x₀. */
    @Benchmark
    public double[] logLikelihood() {
        return ChainDp.logLikelihoods(reverse.prior(), reverse);
    }
}
