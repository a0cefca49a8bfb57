package org.probity.identities.gen;

import java.util.Arrays;
import org.probity.check.Gen;
import org.probity.check.Gens;
import org.probity.diffusion.NoiseSchedule;
import org.probity.diffusion.Schedules;

/**
 * Generators of noise schedules in the engine's style: random β arrays (monotone or not, β near 0
 * and near 1, β = 1 included), T from 1 up to a maximum (biased toward small T, so failures shrink
 * toward T = 1 or 2), the named families with random parameters, respaced schedules and schedules
 * with zero terminal SNR. Every generator takes the smallest β it may produce, because some identities
 * are only well conditioned above a floor (their tolerance rules say which).
 */
public final class ScheduleGens {
    private ScheduleGens() {
    }

    /** T in 1..max: half of the draws in 1..8, then 1..64, 1..512, and the full range. */
    public static Gen<Integer> steps(int max) {
        return Gens.frequency(
            Gens.weighted(50, Gens.integers(1, Math.min(8, max))),
            Gens.weighted(25, Gens.integers(1, Math.min(64, max))),
            Gens.weighted(15, Gens.integers(1, Math.min(512, max))),
            Gens.weighted(10, Gens.integers(1, max)));
    }

    /** A single β in [minBeta, 1] across magnitudes, with exact 1 and values near 0 and near 1. */
    public static Gen<Double> beta(double minBeta) {
        return Gens.doubles(minBeta, 1);
    }

    /**
     * Random β arrays, not sorted. Long arrays (T &gt; 64) repeat a drawn block of up to 64 values so the
     * choice sequence stays short.
     */
    public static Gen<double[]> betaArrays(int maxSteps, double minBeta) {
        return steps(maxSteps).flatMap(n -> Gens.lists(beta(minBeta), Math.min(n, 64), Math.min(n, 64)).map(block -> {
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                b[i] = block.get(i % block.size());
            }
            return b;
        }));
    }

    /** Random non-decreasing β arrays. */
    public static Gen<double[]> monotoneBetaArrays(int maxSteps, double minBeta) {
        return betaArrays(maxSteps, minBeta).map(b -> {
            double[] c = b.clone();
            Arrays.sort(c);
            return c;
        });
    }

    /** The named families (linear, scaled linear, cosine, sigmoid) with random parameters. */
    public static Gen<NoiseSchedule> named(int maxSteps, double minBeta) {
        Gen<NoiseSchedule> linear = steps(maxSteps).flatMap(n -> Gens.combine(beta(minBeta), beta(minBeta),
            (a, b) -> Schedules.linear(n, Math.min(a, b), Math.max(a, b))));
        Gen<NoiseSchedule> scaled = steps(maxSteps).flatMap(n -> Gens.combine(beta(minBeta), beta(minBeta),
            (a, b) -> Schedules.scaledLinear(n, Math.min(a, b), Math.max(a, b))));
        Gen<NoiseSchedule> cosine = steps(maxSteps).map(Schedules::cosine);
        Gen<NoiseSchedule> sigmoid = steps(maxSteps).flatMap(n -> Gens.combine(Gens.doubles(-8, 0), Gens.doubles(0.5, 8),
            Gens.doubles(0.1, 2), (start, width, tau) -> Schedules.sigmoid(n, start, start + width, tau)));
        Gen<NoiseSchedule> ddpm = steps(maxSteps).map(Schedules::linear);
        return Gens.<NoiseSchedule>oneOf(ddpm, linear, scaled, cosine, sigmoid)
            .filter("every beta >= " + minBeta, s -> minBeta(s) >= minBeta);
    }

    /** A schedule respaced to an evenly spaced subset of its steps (always keeping the last). */
    public static Gen<NoiseSchedule> respaced(Gen<NoiseSchedule> base) {
        return base.flatMap(s -> Gens.integers(1, s.steps()).map(k -> {
            int[] kept = new int[k];
            for (int i = 0; i < k; i++) {
                kept[i] = (int) Math.round((double) s.steps() * (i + 1) / k);
            }
            return s.respace(kept);
        }));
    }

    /** The zero-terminal-SNR rescale of generated schedules (T ≥ 2), and arrays ending in β = 1. */
    public static Gen<NoiseSchedule> zeroTerminal(int maxSteps, double minBeta) {
        Gen<NoiseSchedule> rescaled = named(maxSteps, minBeta).filter("T >= 2", s -> s.steps() >= 2)
            .map(Schedules::zeroTerminalSnr).filter("every beta >= " + minBeta, s -> minBeta(s) >= minBeta);
        Gen<NoiseSchedule> endsAtOne = betaArrays(maxSteps, minBeta).map(b -> {
            double[] c = b.clone();
            c[c.length - 1] = 1;
            return NoiseSchedule.of(c);
        });
        return Gens.oneOf(rescaled, endsAtOne);
    }

    /** Every kind above: random arrays (40 %), monotone (15 %), named (25 %), respaced (10 %), zero terminal SNR (10 %). */
    public static Gen<NoiseSchedule> schedules(int maxSteps, double minBeta) {
        return Gens.frequency(
            Gens.weighted(40, betaArrays(maxSteps, minBeta).map(NoiseSchedule::of)),
            Gens.weighted(15, monotoneBetaArrays(maxSteps, minBeta).map(NoiseSchedule::of)),
            Gens.weighted(25, named(maxSteps, minBeta)),
            Gens.weighted(10, respaced(named(maxSteps, minBeta)).filter("every beta >= " + minBeta, s -> minBeta(s) >= minBeta)),
            Gens.weighted(10, zeroTerminal(maxSteps, minBeta)));
    }

    /** Schedules whose every β is below {@code maxBeta} (for models that divide by \( \sqrt{\alpha_t} \)). */
    public static Gen<NoiseSchedule> schedulesBelow(int maxSteps, double minBeta, double maxBeta) {
        return schedules(maxSteps, minBeta).map(s -> {
            double[] b = s.betas();
            for (int i = 0; i < b.length; i++) {
                b[i] = Math.min(b[i], maxBeta);
            }
            return NoiseSchedule.of(b);
        });
    }

    private static double minBeta(NoiseSchedule s) {
        double m = 1;
        for (double b : s.betas()) {
            m = Math.min(m, b);
        }
        return m;
    }
}
