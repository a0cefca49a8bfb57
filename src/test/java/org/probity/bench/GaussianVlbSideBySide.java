package org.probity.bench;

import java.util.Arrays;
import java.util.Locale;
import org.probity.diffusion.GaussianDiffusion;
import org.probity.diffusion.LinearGaussianReverse;
import org.probity.diffusion.NoiseSchedule;
import org.probity.diffusion.Schedules;
import org.probity.diffusion.VlbTerms;

/**
 * Probity's side of {@code bench/gaussian_side_by_side.sh}: the exact Gaussian VLB
 * ({@code GaussianDiffusion.exactVlb}, every term in closed form) of the instance that
 * {@code bench/gaussian_vlb_peer.py} builds from the same seed (Ho et al.'s linear schedule, T = 1000, one
 * 3072-pixel image from SplitMix64, the ε-model of {@link GaussianVlbBenchmark}; the sum over pixels of each
 * step from the image's centred moments, so O(T + D) against the peer's O(T · D)). Prints one JSON line with
 * the median of 10 timed runs after 200 warm-up runs (the JIT compiles the loops first).
 *
 * <p>Usage: {@code GaussianVlbSideBySide SEED}.
 */
public final class GaussianVlbSideBySide {
    static final int STEPS = 1000;
    static final int DIMS = 3072;

    private GaussianVlbSideBySide() {
    }

    public static void main(String[] args) {
        long seed = Long.parseLong(args[0]);
        double[] x = new double[DIMS];
        for (int n = 0; n < DIMS; n++) {
            x[n] = (ChainVlbSideBySide.splitmix(seed, n) >>> 56) / 127.5 - 1;
        }
        NoiseSchedule s = Schedules.linear(STEPS);
        GaussianDiffusion diffusion = GaussianDiffusion.of(s);
        LinearGaussianReverse model = GaussianVlbBenchmark.epsModel(s);
        VlbTerms terms = null;
        for (int r = 0; r < 200; r++) {
            terms = diffusion.exactVlb(x, model);
        }
        double[] times = new double[10];
        for (int r = 0; r < times.length; r++) {
            long t0 = System.nanoTime();
            terms = diffusion.exactVlb(x, model);
            times[r] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "{\"side\": \"probity\", \"T\": %d, \"D\": %d, \"seconds\": %.9f, \"vlb\": %.17g}%n",
            STEPS, DIMS, (times[4] + times[5]) / 2, terms.total());
    }
}
