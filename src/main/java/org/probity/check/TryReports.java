package org.probity.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.check.internal.Discard;
import org.probity.check.internal.TryContext;
import org.probity.check.internal.TrySeeds;

/**
 * What the bodies of a run reported, summed over its tries: the {@code collect}/{@code label}
 * histograms, and for each {@code target} label the largest value seen with the input and choices
 * that gave it; and the targeted search that climbs from those inputs ({@link #mutate}), after
 * Hypothesis' {@code target()}.
 *
 * @param <T> the type of the inputs
 */
final class TryReports<T> {
    /** Salt of the random stream that mutates a targeted try (independent of the try's own stream). */
    private static final long TARGET_SALT = 0x7a4c9e15b3d2f061L;

    /** The best value of one target label so far, with the input and choices that gave it. */
    private static final class Best {
        double value;
        String input;
        long[] choices;
        int tries;
    }

    private final Trials<Evaluator.Generated<T>> trials;
    private final long seed;
    private final Map<String, Map<String, Integer>> stats = new LinkedHashMap<>();
    private final Map<String, Best> best = new LinkedHashMap<>();

    /** The reports of a run over {@code trials} with seed {@code seed}. */
    TryReports(Trials<Evaluator.Generated<T>> trials, long seed) {
        this.trials = trials;
        this.seed = seed;
    }

    /** Adds one try's statistics and targets ({@code ctx}, reported on {@code trial}'s input). */
    void add(TryContext ctx, Trial<Evaluator.Generated<T>> trial) {
        for (Map.Entry<String, String> e : ctx.collected()) {
            stats.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).merge(e.getValue(), 1, Integer::sum);
        }
        ctx.targets().forEach((label, value) -> {
            Best b = best.computeIfAbsent(label, k -> new Best());
            b.tries++;
            if (b.input == null || value > b.value) {
                b.value = value;
                b.input = trial.value().toString();
                b.choices = trial.choices();
            }
        });
    }

    /** Whether any try has targeted a value yet. */
    boolean targeting() {
        return !best.isEmpty();
    }

    /**
     * A targeted try: the best input so far of one label (chosen at random), with one to three of
     * its choices changed by a small step, by a fraction of their value, or by flipping one bit;
     * the changes come from a random stream of the try's own slot, so the run stays fixed by its
     * seed. {@code drawn} itself when the best input has no choices or its mutation is discarded.
     */
    Trial<Evaluator.Generated<T>> mutate(Trial<Evaluator.Generated<T>> drawn) {
        List<Best> all = new ArrayList<>(best.values());
        UniformRandomProvider rng = TrySeeds.stream(seed ^ TARGET_SALT, drawn.index());
        long[] c = all.get(rng.nextInt(all.size())).choices.clone();
        if (c.length == 0) {
            return drawn;
        }
        int edits = 1 + rng.nextInt(3);
        for (int k = 0; k < edits; k++) {
            int i = rng.nextInt(c.length);
            long v = c[i];
            long step = 1 + rng.nextInt(4);
            long scaled = Math.max(1, v >>> (1 + rng.nextInt(8)));
            int bits = 65 - Long.numberOfLeadingZeros(v);
            long next = switch (rng.nextInt(6)) {
                case 0 -> v + step;
                case 1 -> v - step;
                case 2 -> v + scaled;
                case 3 -> v - scaled;
                // A bit at any scale: fine and coarse moves alike, whatever the choice encodes.
                default -> v ^ (1L << rng.nextInt(Math.min(bits, 63)));
            };
            c[i] = next < 0 ? 0 : next;
        }
        try {
            return trials.regenerate(c);
        } catch (Discard d) {
            return drawn;
        }
    }

    /** The histograms: statistic → value → number of tries. */
    Map<String, Map<String, Integer>> statistics() {
        return stats;
    }

    /** The largest value of each target label, with its input and how many tries reported the label. */
    Map<String, Target> targets() {
        Map<String, Target> out = new LinkedHashMap<>();
        best.forEach((label, b) -> out.put(label, new Target(label, b.value, b.input, b.tries)));
        return out;
    }
}
