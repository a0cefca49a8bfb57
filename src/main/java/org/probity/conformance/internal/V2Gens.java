package org.probity.conformance.internal;

import java.util.List;
import org.probity.check.Gen;
import org.probity.check.Gens;
import org.probity.diffusion.DiscreteDiffusion;
import org.probity.diffusion.NamedSchedule;
import org.probity.diffusion.NoiseLevels;
import org.probity.diffusion.NoiseSchedule;
import org.probity.diffusion.Prediction;
import org.probity.diffusion.TimestepSpacing;

/**
 * Input generators of the version-2 properties, within the adapter's limits (through
 * {@link CaseGens}) and its variants (the values passed in). Each shrinks toward the simplest case:
 * short schedules, n = 1 or 2 timesteps, K = 2 states, the first variant, η = 0.
 */
public final class V2Gens {
    private final CaseGens gens;

    /** Generators whose schedules stay within {@code gens}' limits. */
    public V2Gens(CaseGens gens) {
        this.gens = gens;
    }

    /**
     * One to four named-schedule requests at T within the limits. A name with a domain edge
     * ({@code linear_scaled}: T ≥ 20) is drawn near it as often as elsewhere: below the edge an error
     * answer is accepted, and any other answer is still held to the properties of the implementation
     * alone.
     */
    Gen<List<V2Cases.Named>> named(List<NamedSchedule> names) {
        Gen<V2Cases.Named> one = Gens.integers(0, names.size() - 1).flatMap(i -> {
            NamedSchedule n = names.get(i);
            Gen<Integer> steps = n.minSteps() <= 1 ? gens.steps(1) : Gens.frequency(Gens.weighted(2, gens.steps(1)),
                Gens.weighted(1, gens.stepsUpTo(1, n.minSteps() - 1)), Gens.weighted(1, gens.stepsUpTo(n.minSteps(), n.minSteps() + 10)));
            return steps.map(t -> new V2Cases.Named(n, t));
        });
        return Gens.lists(one, 1, 4);
    }

    /** γ: the paper's 5 most often, also 1, 20 and values across [0.1, 100]. */
    static Gen<Double> gammas() {
        return Gens.frequency(
            Gens.weighted(3, Gens.constant(5.0)),
            Gens.weighted(1, Gens.constant(1.0)),
            Gens.weighted(1, Gens.constant(20.0)),
            Gens.weighted(2, Gens.doubles(0.1, 100)));
    }

    /** loss_weight requests: a schedule batch, one of {@code predictions}, γ. */
    Gen<V2Cases.Weight> weights(List<Prediction> predictions) {
        return Gens.combine(gens.scheduleCases(1, 1, false), Gens.integers(0, predictions.size() - 1), gammas(),
            (c, i, g) -> new V2Cases.Weight(c, predictions.get(i), g));
    }

    /** inference_timesteps requests: T within the limits, n in 1..min(T, 60), one of {@code spacings}. */
    Gen<V2Cases.Timesteps> timesteps(List<TimestepSpacing> spacings) {
        return gens.steps(1).flatMap(t -> Gens.combine(
            Gens.frequency(Gens.weighted(3, Gens.integers(1, Math.min(t, 12))), Gens.weighted(1, Gens.integers(1, Math.min(t, 60)))),
            Gens.integers(0, spacings.size() - 1), (n, i) -> new V2Cases.Timesteps(t, n, spacings.get(i))));
    }

    /** η: 0 (deterministic DDIM), 1 (DDPM) or in between. */
    static Gen<Double> etas() {
        return Gens.frequency(Gens.weighted(2, Gens.constant(0.0)), Gens.weighted(2, Gens.constant(1.0)),
            Gens.weighted(1, Gens.doubles(0, 1)));
    }

    /**
     * ddim_step requests: a schedule (T ≥ {@code tMin}), η and a batch of (t, t_prev, x_t, ε, noise)
     * with t ≥ {@code tMin}, t_prev = t − 1 or 0 weighted up, t where ᾱ_t ≥ {@code smallestAlphaBar}
     * (x̂_0 is undefined at ᾱ_t = 0; a t beyond the last such step is moved to it), and the data value
     * x_0 the self properties start from.
     *
     * <p>Drawn in the order shrinking needs: the schedule's family and T, then η and the batch, then
     * the β values. Lowering T therefore only stops reading the β values past it, and a failure on a
     * long schedule shrinks to the steps it needs in a few candidates (with T drawn before its β values
     * and the batch after them, a lower T misaligned every later choice, and a failure found at T = 735
     * stayed there). The batch has no mandatory first element, so any element can be deleted and a
     * failure shrinks to a batch of one (an empty draw is read as one point).
     */
    Gen<V2Cases.Ddim> ddim(double smallestAlphaBar, int tMin) {
        Gen<Double> free = Gens.doubles(-4, 4);
        return gens.shapes(tMin).flatMap(shape -> {
            Gen<V2Cases.DdimPoint> point = c -> {
                int t = CaseGens.timesteps(tMin, shape.steps()).generate(c);
                long mode = c.draw(2);
                int tPrev = mode == 0 ? t - 1 : mode == 1 ? 0 : Gens.integers(0, t - 1).generate(c);
                return new V2Cases.DdimPoint(t, tPrev, free.generate(c), free.generate(c), free.generate(c),
                    Gens.doubles(-1, 1).generate(c));
            };
            Gen<List<V2Cases.DdimPoint>> batch = c -> {
                List<V2Cases.DdimPoint> pts = Gens.lists(point, 0, CaseGens.MAX_POINTS).generate(c);
                return pts.isEmpty() ? List.of(point.generate(c)) : pts;
            };
            return Gens.combine(etas(), batch, shape.schedule(), (eta, pts, p) -> within(p, eta, pts, smallestAlphaBar, tMin));
        }).filter("a schedule where x0_hat is defined at t = " + tMin, java.util.Objects::nonNull);
    }

    /** The request with each t moved down to the last step where ᾱ_t ≥ {@code smallestAlphaBar}; null when ᾱ_tMin is below it. */
    private static V2Cases.Ddim within(CaseGens.Pair p, double eta, List<V2Cases.DdimPoint> pts, double smallestAlphaBar, int tMin) {
        NoiseSchedule s = p.schedule();
        if (!(s.alphaBar(tMin) >= smallestAlphaBar)) {
            return null;
        }
        int last = s.steps();
        while (last > tMin && !(s.alphaBar(last) >= smallestAlphaBar)) {
            last--;
        }
        List<V2Cases.DdimPoint> in = new java.util.ArrayList<>(pts.size());
        for (V2Cases.DdimPoint q : pts) {
            int t = Math.min(q.t(), last);
            in.add(new V2Cases.DdimPoint(t, Math.min(q.tPrev(), t - 1), q.xt(), q.eps(), q.noise(), q.x0()));
        }
        return new V2Cases.Ddim(p.family(), s, eta, in);
    }

    /** sigma_schedule requests: one of {@code kinds}, n mostly small, the EDM defaults and ranges across magnitudes. */
    static Gen<V2Cases.Sigmas> sigmas(List<NoiseLevels.Kind> kinds) {
        Gen<double[]> range = Gens.frequency(
            Gens.weighted(2, Gens.constant(new double[] {0.002, 80})),
            Gens.weighted(1, Gens.constant(new double[] {0.0292, 14.6146})),
            Gens.weighted(2, Gens.combine(Gens.doubles(-7, 1), Gens.doubles(0.5, 12), (lo, span) -> new double[] {
                Math.exp(lo), Math.exp(lo + span)})));
        Gen<Double> rho = Gens.frequency(Gens.weighted(3, Gens.constant(7.0)), Gens.weighted(1, Gens.doubles(1, 10)));
        Gen<Integer> n = Gens.frequency(Gens.weighted(4, Gens.integers(1, 12)), Gens.weighted(1, Gens.integers(1, 100)));
        return c -> {
            NoiseLevels.Kind k = kinds.get(Gens.integers(0, kinds.size() - 1).generate(c));
            int levels = n.generate(c);
            double[] r = range.generate(c);
            return new V2Cases.Sigmas(k, levels, r[0], r[1], rho.generate(c));
        };
    }

    /**
     * D3PM requests: one of {@code kinds}, a β schedule (every family of {@link CaseGens}, β in (0, 1]),
     * K = 2, 3 weighted up (also up to 10, and 256 in one case of twenty), a batch of (t ≥ tMin, x_0, x_t) with x_t
     * reachable from x_0 in the declared format (for the absorbing family x_0 itself while ᾱ_t ≥
     * {@code smallestAlphaBar}, else the mask K − 1).
     */
    Gen<V2Cases.D3pm> d3pm(List<DiscreteDiffusion.Family> kinds, int tMin, double smallestAlphaBar) {
        Gen<Integer> states = Gens.frequency(Gens.weighted(12, Gens.integers(2, 3)), Gens.weighted(6, Gens.integers(2, 10)),
            Gens.weighted(1, Gens.constant(256)));
        return Gens.zip(Gens.integers(0, kinds.size() - 1), states).flatMap(head -> gens.schedules(tMin).flatMap(p -> {
                DiscreteDiffusion.Family kind = kinds.get(head.first());
                int k = head.second();
                NoiseSchedule s = p.schedule();
                Gen<V2Cases.D3pmPoint> point = c -> {
                    int t = CaseGens.timesteps(tMin, s.steps()).generate(c);
                    int x0 = Gens.integers(0, k - 1).generate(c);
                    int xt;
                    if (kind == DiscreteDiffusion.Family.ABSORBING) {
                        boolean masked = x0 == k - 1 || !(s.alphaBar(t) >= smallestAlphaBar) || Gens.booleans().generate(c);
                        xt = masked ? k - 1 : x0;
                    } else {
                        xt = Gens.integers(0, k - 1).generate(c);
                    }
                    return new V2Cases.D3pmPoint(t, x0, xt);
                };
                return Gens.lists(point, 1, CaseGens.MAX_POINTS / 2).map(pts -> new V2Cases.D3pm(kind, p.family(), s, k, pts));
            }));
    }
}
