package org.probity.conformance.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.probity.check.internal.Discard;
import org.probity.check.internal.RecordingChoices;
import org.probity.check.internal.Shrinker;
import org.probity.check.internal.TrySeeds;
import org.probity.conformance.Finding;
import org.probity.conformance.OpError;
import org.probity.conformance.Precision;
import org.probity.conformance.PropertyRun;

/**
 * Runs one conformance property: draws {@code tries} cases from the property engine's choice
 * sequences (seeded per property and try, so a run is fixed by its seed), answers them all in one
 * evaluation (one request per op for batchable ops, one per schedule otherwise), and shrinks the
 * first failing case with the engine's shrinker, re-querying the implementation for each candidate
 * (bounded by {@code maxShrinkSteps} and a time budget). An implementation error on a batch is
 * localized by bisection, so it costs log₂(batch) extra requests.
 */
public final class PropertyRunner {
    private static final long SHRINK_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(20);

    private PropertyRunner() {
    }

    private record Drawn<C>(long[] recorded, C value) {
    }

    private record Failed<C>(C value, Outcome outcome) {
    }

    /** Runs {@code p} against {@code ctx}. */
    public static <C> PropertyRun run(ConformanceProperty<C> p, CheckContext ctx, long seed, int tries, int maxShrinkSteps) {
        long propertySeed = seed ^ (0x9e3779b97f4a7c15L * (p.name().hashCode() + 1L));
        List<Drawn<C>> drawn = new ArrayList<>(tries);
        for (int i = 0; i < tries; i++) {
            RecordingChoices rc = RecordingChoices.random(TrySeeds.stream(propertySeed, i));
            try {
                C value = p.gen().generate(rc);
                drawn.add(new Drawn<>(rc.recorded(), value));
            } catch (Discard d) {
                // the generator could not build this try (e.g. a family undefined at this T)
            }
        }
        List<C> cases = new ArrayList<>(drawn.size());
        drawn.forEach(d -> cases.add(d.value()));
        List<Outcome> outcomes = evaluateSafely(p, ctx, cases);
        long points = 0;
        long maxUlps = 0;
        double maxUsage = 0;
        double maxDifference = 0;
        int firstFail = -1;
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            points += o.points();
            for (Comparison c : o.comparisons()) {
                if (c.ulpsMeaningful()) {
                    maxUlps = Math.max(maxUlps, ulpsIn(ctx.precision(), c));
                }
                maxUsage = Math.max(maxUsage, c.usage());
                if (!c.oneSided() && !Double.isNaN(c.difference())) {
                    maxDifference = Math.max(maxDifference, c.difference());
                }
            }
            if (!o.passed() && firstFail < 0) {
                firstFail = i;
            }
            if (o.error() != null) {
                maxUsage = Double.POSITIVE_INFINITY;
            }
        }
        Optional<Finding> finding = Optional.empty();
        if (firstFail >= 0) {
            finding = Optional.of(shrink(p, ctx, drawn.get(firstFail), outcomes.get(firstFail), seed, maxShrinkSteps));
        }
        return new PropertyRun(p.op(), p.name(), p.kind() == ConformanceProperty.Kind.SELF, drawn.size(), points,
            maxUlps, maxUsage, maxDifference, finding);
    }

    /**
     * The error in ulps of the declared format (float32 ulps for a float32 implementation), counted
     * only for expected values in the format's normal range.
     */
    static long ulpsIn(Precision p, Comparison c) {
        double e = c.expected();
        if (p == Precision.FLOAT32) {
            if (!(Math.abs(e) >= Float.MIN_NORMAL && Math.abs(e) <= Float.MAX_VALUE)) {
                return 0;
            }
            float a = (float) c.actual();
            if (Float.isNaN(a)) {
                return Long.MAX_VALUE;
            }
            long ia = orderedFloat(a);
            long ie = orderedFloat((float) e);
            return Math.abs(ia - ie);
        }
        return Math.abs(e) >= Double.MIN_NORMAL ? c.ulps() : 0;
    }

    private static long orderedFloat(float x) {
        int bits = Float.floatToRawIntBits(x);
        return bits >= 0 ? bits : (long) Integer.MIN_VALUE - bits;
    }

    private static <C> List<Outcome> evaluateSafely(ConformanceProperty<C> p, CheckContext ctx, List<C> cases) {
        if (cases.isEmpty()) {
            return List.of();
        }
        try {
            return p.evaluate(ctx, cases);
        } catch (OpError e) {
            if (cases.size() == 1) {
                return List.of(Outcome.error(0, e.getMessage()));
            }
            int mid = cases.size() / 2;
            List<Outcome> out = new ArrayList<>(evaluateSafely(p, ctx, cases.subList(0, mid)));
            out.addAll(evaluateSafely(p, ctx, cases.subList(mid, cases.size())));
            return out;
        }
    }

    private static final java.util.regex.Pattern INDEX = java.util.regex.Pattern.compile("\\[(\\d+)\\]");

    /** The batch index named in a quantity such as {@code "variance[3]"}, or −1. */
    static int focus(String quantity) {
        java.util.regex.Matcher m = INDEX.matcher(quantity);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static <C> Finding shrink(ConformanceProperty<C> p, CheckContext ctx, Drawn<C> start, Outcome startOutcome,
                                      long seed, int maxShrinkSteps) {
        Shrinker<Failed<C>> shrinker = new Shrinker<>(candidate -> {
            RecordingChoices rc = RecordingChoices.replay(candidate);
            C value;
            try {
                value = p.gen().generate(rc);
            } catch (Discard | IllegalArgumentException e) {
                return null;
            }
            Outcome o = evaluateSafely(p, ctx, List.of(value)).get(0);
            return o.passed() ? null : new Shrinker.Attempt<>(rc.recorded(), new Failed<>(value, o));
        }, maxShrinkSteps, SHRINK_BUDGET_NANOS);
        Shrinker.Attempt<Failed<C>> best = shrinker.shrink(
            new Shrinker.Attempt<>(start.recorded(), new Failed<>(start.value(), startOutcome)));
        Failed<C> f = best.payload();
        Outcome o = f.outcome();
        Comparison worst = o.worstFailure();
        String input = p.show(f.value(), worst == null ? -1 : focus(worst.quantity()));
        if (o.error() != null) {
            return new Finding(p.op(), p.name(), input, "error", Double.NaN, Double.NaN, Double.NaN, "-",
                "the implementation raised an error on a valid input: " + o.error(), shrinker.steps(), seed);
        }
        Comparison c = worst;
        return new Finding(p.op(), p.name(), input, c.quantity(), c.actual(), c.expected(), c.difference(),
            c.tolerance().toString(), c.render(), shrinker.steps(), seed);
    }
}
