package org.probity.conformance.internal;

import java.util.List;
import java.util.function.IntFunction;
import org.probity.check.Gen;
import org.probity.check.Gens;
import org.probity.conformance.StepLimits;
import org.probity.diffusion.NoiseSchedule;
import org.probity.diffusion.Schedules;
import org.probity.dist.DiscretizedGaussian;

/**
 * Input generators of the conformance properties, built on the property engine's generators so
 * that every case shrinks: schedules of every family and length (T shrinks toward its minimum, the
 * family toward {@code linear}), edge timesteps t = 1, 2, T − 1, T, values across magnitudes,
 * extreme log-variances, probability vectors with exact zeros.
 */
public final class CaseGens {
    /** The largest batch per case. */
    public static final int MAX_POINTS = 24;
    /** The largest T generated when the adapter declares no larger minimum. */
    static final int MAX_STEPS = 1000;

    private final StepLimits limits;

    private CaseGens(StepLimits limits) {
        this.limits = limits;
    }

    /** Generators whose schedules (and every T) stay within {@code limits} (PROTOCOL.md {@code describe}). */
    public static CaseGens within(StepLimits limits) {
        return new CaseGens(limits);
    }

    /** The limits every generated T respects. */
    public StepLimits limits() {
        return limits;
    }

    private record Family(String name, int minSteps, IntFunction<NoiseSchedule> make) {
    }

    private static final List<Family> FAMILIES = List.of(
        new Family("linear", 1, Schedules::linear),
        new Family("cosine", 1, Schedules::cosine),
        new Family("scaled-linear", 1, Schedules::scaledLinear),
        new Family("sigmoid", 1, Schedules::sigmoid),
        new Family("zero-terminal-snr(linear)", 2, t -> Schedules.zeroTerminalSnr(Schedules.linear(t))),
        new Family("zero-terminal-snr(cosine)", 2, t -> Schedules.zeroTerminalSnr(Schedules.cosine(t))));

    /**
     * T, mostly small (shrinks toward the smallest allowed), up to 1000 (or up to 1000 above the
     * adapter's {@code min_T}), within the limits. The checker skips a property whose smallest T lies
     * beyond the limits ({@link ConformanceProperty#minSteps()}), so the limits always leave a T here.
     */
    Gen<Integer> steps(int min) {
        int lo = Math.max(min, limits.minSteps());
        int hi = (int) Math.max(lo, Math.min(limits.maxSteps(), Math.max(MAX_STEPS, (long) lo + MAX_STEPS)));
        return Gens.frequency(
            Gens.weighted(4, Gens.integers(lo, Math.min(hi, Math.max(lo, 12)))),
            Gens.weighted(3, Gens.integers(lo, Math.min(hi, Math.max(lo, 100)))),
            Gens.weighted(2, Gens.integers(lo, hi)));
    }

    /** T in {@code min}..{@code cap} (within the limits; the smallest allowed T when the limits exclude that range). */
    Gen<Integer> stepsUpTo(int min, int cap) {
        int lo = Math.max(min, limits.minSteps());
        return Gens.integers(lo, Math.max(lo, Math.min(cap, limits.maxSteps())));
    }

    /**
     * A schedule: a named family at some T, or arbitrary β values (log-uniform across magnitudes,
     * sometimes with β_T = 1).
     */
    public Gen<Pair> schedules(int minSteps) {
        return shapes(minSteps).flatMap(Shape::schedule);
    }

    /**
     * The shape of a {@link #schedules} draw — its family and T — with the generator of the rest (the
     * β values of an arbitrary schedule; nothing for a named family). A generator that draws other
     * values between the shape and the β values (as {@link V2Gens#ddim} does) lets the shrinker
     * lower T without moving any other choice: the β values past the new T are simply not read.
     */
    Gen<Shape> shapes(int minSteps) {
        Gen<Shape> named = Gens.integers(0, FAMILIES.size() - 1).flatMap(i -> {
            Family f = FAMILIES.get(i);
            return steps(Math.max(minSteps, f.minSteps())).map(t -> {
                try {
                    Pair p = new Pair(f.name(), f.make().apply(t));
                    return new Shape(t, Gens.constant(p));
                } catch (IllegalArgumentException e) {
                    return null; // the family is not defined at this T: redrawn by the filter
                }
            }).filter("a " + f.name() + " schedule at a T where the family is defined", java.util.Objects::nonNull);
        });
        Gen<Shape> random = steps(minSteps).map(t -> new Shape(t, Gens.doubles(1e-9, 0.999).arrays(t, t)
            .flatMap(b -> Gens.booleans().map(one -> {
                double[] betas = b.clone();
                String name = "random";
                if (one && betas.length >= 2) {
                    betas[betas.length - 1] = 1.0;
                    name = "random, beta_T = 1";
                }
                return new Pair(name, NoiseSchedule.of(betas));
            }))));
        return Gens.frequency(Gens.weighted(5, named), Gens.weighted(2, random));
    }

    /** A schedule's T and the generator of its schedule at that T. */
    record Shape(int steps, Gen<Pair> schedule) {
    }

    /** A family name with its schedule. */
    public record Pair(String family, NoiseSchedule schedule) {
    }

    /** A timestep in tMin..T, with the edges t = tMin, 2, T − 1, T weighted up. */
    static Gen<Integer> timesteps(int tMin, int steps) {
        int hi = steps;
        return Gens.frequency(
            Gens.weighted(2, Gens.constant(tMin)),
            Gens.weighted(1, Gens.constant(Math.min(hi, Math.max(tMin, 2)))),
            Gens.weighted(2, Gens.constant(hi)),
            Gens.weighted(1, Gens.constant(Math.max(tMin, hi - 1))),
            Gens.weighted(4, Gens.integers(tMin, hi)));
    }

    /** A point of the 256-level grid of [−1, 1]: (2k − 255) / 255, edges weighted up. */
    public static Gen<Double> gridValues() {
        return Gens.frequency(
            Gens.weighted(4, Gens.integers(0, 255)),
            Gens.weighted(1, Gens.constant(0)),
            Gens.weighted(1, Gens.constant(255)),
            Gens.weighted(1, Gens.integers(0, 2)),
            Gens.weighted(1, Gens.integers(253, 255)))
            .map(CaseGens::grid);
    }

    /** Grid point {@code k} of 0..255: {@link DiscretizedGaussian#center(int)}. */
    public static double grid(int k) {
        return DiscretizedGaussian.center(k);
    }

    /**
     * Schedule batches.
     *
     * @param minSteps the smallest T
     * @param tMin the smallest timestep (2 for the posterior)
     * @param gridX0 whether x_0 lies on the 256-level grid (the decoder term of vb_term)
     */
    public Gen<ScheduleCase> scheduleCases(int minSteps, int tMin, boolean gridX0) {
        Gen<Double> x0 = gridX0 ? gridValues() : Gens.doubles(-1, 1);
        Gen<Double> free = Gens.doubles(-4, 4);
        return schedules(Math.max(minSteps, tMin)).flatMap(p -> {
            int steps = p.schedule().steps();
            Gen<SchedulePoint> point = c -> new SchedulePoint(
                timesteps(tMin, steps).generate(c), x0.generate(c), free.generate(c), free.generate(c),
                Gens.doubles(-1.5, 1.5).generate(c), logVariances().generate(c));
            return Gens.lists(point, 1, MAX_POINTS).map(pts -> new ScheduleCase(p.family(), p.schedule(), pts));
        });
    }

    /** Log-variances: moderate, extreme (down to −30 and up to 30), and exactly 0. */
    public static Gen<Double> logVariances() {
        return Gens.frequency(
            Gens.weighted(1, Gens.constant(0.0)),
            Gens.weighted(4, Gens.doubles(-12, 3)),
            Gens.weighted(2, Gens.doubles(-30, 30)));
    }

    /** Means and data values across magnitudes. */
    public static Gen<Double> means() {
        return Gens.frequency(Gens.weighted(3, Gens.doubles(-2, 2)), Gens.weighted(1, Gens.doubles(-30, 30)));
    }

    /** A (mean1, logvar1, mean2, logvar2) point; one in four has the second Gaussian equal or close to the first. */
    public static Gen<double[]> normalPairs() {
        return c -> {
            double m1 = means().generate(c);
            double lv1 = logVariances().generate(c);
            long mode = c.draw(3);
            if (mode == 3) {
                return new double[] {m1, lv1, m1 + Gens.doubles(-1e-6, 1e-6).generate(c), lv1 + Gens.doubles(-1e-6, 1e-6).generate(c)};
            }
            return new double[] {m1, lv1, means().generate(c), logVariances().generate(c)};
        };
    }

    /** Decoder points (x on the grid, mean mostly in [−1.5, 1.5] with the edges weighted up, log-scale in [−9, 1.5]). */
    public static Gen<double[]> decoderPoints() {
        Gen<Double> mean = Gens.frequency(
            Gens.weighted(3, Gens.doubles(-1.5, 1.5)),
            Gens.weighted(1, Gens.doubles(-1.02, -0.98)),
            Gens.weighted(1, Gens.doubles(0.98, 1.02)),
            Gens.weighted(1, Gens.doubles(-8, 8)));
        Gen<Double> logScale = Gens.frequency(Gens.weighted(3, Gens.doubles(-7, 1)), Gens.weighted(1, Gens.doubles(-12, 3)));
        return c -> new double[] {gridValues().generate(c), mean.generate(c), logScale.generate(c)};
    }

    /**
     * A (p, q) pair of probability vectors of the same length 1..12: q independent (with exact
     * zeros: KL may be +∞), q strictly positive, or q = p.
     */
    public static Gen<double[][]> categoricalPairs() {
        return Gens.integers(1, 12).flatMap(k -> c -> {
            double[] p = Gens.probabilityVectors(k).generate(c);
            long mode = c.draw(3);
            double[] q = mode == 0 ? Gens.positiveProbabilityVectors(k).generate(c)
                : mode == 1 ? Gens.probabilityVectors(k).generate(c)
                : mode == 2 ? p.clone()
                : Gens.positiveProbabilityVectors(k).generate(c);
            return new double[][] {p, q};
        });
    }
}
