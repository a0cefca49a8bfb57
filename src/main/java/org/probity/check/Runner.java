package org.probity.check;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.check.internal.Discard;
import org.probity.check.internal.Failures;
import org.probity.check.internal.RecordingChoices;
import org.probity.check.internal.ReplayToken;
import org.probity.check.internal.Show;
import org.probity.check.internal.Shrinker;
import org.probity.check.internal.TrySeeds;

/** Runs one property: examples, generated tries, coverage, then shrinking of the first failure. */
final class Runner<T> {
    /**
     * A generated input (null when the generator threw), the verdict on it, and for a failure its
     * kind: the failing relation, or the exception type and where it was thrown. Shrinking keeps to
     * one kind, so that it never slips from one bug to another.
     */
    private record Outcome<T>(T value, Verdict verdict, String kind) {
    }

    private final String name;
    private final Gen<T> gen;
    private final Function<? super T, Verdict> body;
    private final List<Property.Coverage<T>> coverage;
    private final List<T> examples;
    private final RunConfig cfg;
    /** The verdict of the last passing evaluation. */
    private Verdict lastVerdict;

    Runner(String name, Gen<T> gen, Function<? super T, Verdict> body, List<Property.Coverage<T>> coverage,
           List<T> examples, RunConfig cfg) {
        this.name = name;
        this.gen = gen;
        this.body = body;
        this.coverage = coverage;
        this.examples = examples;
        this.cfg = cfg;
    }

    PropertyResult run() {
        long start = System.nanoTime();
        if (cfg.replay() != null) {
            long[] choices = ReplayToken.choicesFor(name, cfg.replay());
            if (choices != null) {
                return replay(choices, start);
            }
        }
        Verdict largest = null;
        // Explicit examples belong to shard 0, so that n shards add up to exactly one run.
        List<T> mine = cfg.shardIndex() == 0 ? examples : List.of();
        for (T example : mine) {
            Outcome<T> o = evaluate(example);
            if (o != null) {
                String shown = Show.value(example);
                Failure f = new Failure(shown, shown, o.verdict(), cfg.seed(), -1, new long[0], 0, false, "(an explicit example: not replayable by token)");
                return result(false, 0, 0, Map.of(), f, largest, start, "");
            }
            largest = tighter(largest, lastVerdict);
        }
        int[] inClass = new int[coverage.size()];
        int tries = 0;
        int discards = 0;
        int maxDiscards = cfg.maxDiscardRatio() * cfg.tries();
        long deadline = start + cfg.timeBudget().toNanos();
        String note = "";
        // Try slot i owns the random stream (seed, i); a discarded input is redrawn from the rest of
        // that stream, so the slots, and with them the shards, partition a run whatever is discarded.
        for (int i = cfg.shardIndex(); i < cfg.tries(); i += cfg.shardCount()) {
            if (System.nanoTime() > deadline) {
                note = String.format(Locale.ROOT, "stopped by the time budget of %s after %d of %d tries",
                    cfg.timeBudget(), tries, triesInShard());
                break;
            }
            UniformRandomProvider stream = TrySeeds.stream(cfg.seed(), i);
            RecordingChoices choices;
            T value;
            while (true) {
                choices = RecordingChoices.random(stream);
                try {
                    value = gen.generate(choices);
                    break;
                } catch (Discard d) {
                    if (++discards > maxDiscards) {
                        String why = String.format(Locale.ROOT,
                            "too many discarded inputs: %d discarded for %d tries (budget %d per try); the generator rarely satisfies '%s'",
                            discards, tries, cfg.maxDiscardRatio(), d.getMessage());
                        return result(false, tries, discards, percentages(inClass, tries), null, largest, start, why);
                    }
                } catch (RuntimeException | Error e) {
                    tries++;
                    Failure f = shrink(generatorFailure(e), choices.recorded(), i);
                    return result(false, tries, discards, percentages(inClass, tries), f, largest, start, note);
                }
            }
            tries++;
            for (int k = 0; k < inClass.length; k++) {
                if (coverage.get(k).member().test(value)) {
                    inClass[k]++;
                }
            }
            Outcome<T> o = evaluate(value);
            if (o != null) {
                Failure f = shrink(o, choices.recorded(), i);
                return result(false, tries, discards, percentages(inClass, tries), f, largest, start, note);
            }
            largest = tighter(largest, lastVerdict);
        }
        String covNote = coverageShortfall(inClass, tries);
        if (!covNote.isEmpty()) {
            return result(false, tries, discards, percentages(inClass, tries), null, largest, start, covNote);
        }
        return result(true, tries, discards, percentages(inClass, tries), null, largest, start, note);
    }

    private int triesInShard() {
        int n = cfg.shardCount();
        int i = cfg.shardIndex();
        return cfg.tries() / n + (i < cfg.tries() % n ? 1 : 0);
    }

    private PropertyResult replay(long[] choices, long start) {
        RecordingChoices c = RecordingChoices.replay(choices);
        Outcome<T> o;
        String shown;
        try {
            T value = gen.generate(c);
            shown = Show.value(value);
            o = evaluate(value);
        } catch (Discard d) {
            return result(false, 0, 1, Map.of(), null, null, start,
                "the input of -Dprobity.replay was discarded: the generator rejects it ('" + d.getMessage() + "')");
        } catch (RuntimeException | Error e) {
            o = generatorFailure(e);
            shown = show(o);
        }
        Failure f = o == null ? null : new Failure(shown, shown, o.verdict(), cfg.seed(), 0, c.recorded(), 0, false,
            ReplayToken.of(name, c.recorded()));
        String note = "replayed one input from -Dprobity.replay: " + shown;
        return result(o == null, 1, 0, Map.of(), f, o == null ? lastVerdict : null, start, note);
    }

    private Failure shrink(Outcome<T> found, long[] recorded, int tryIndex) {
        String original = show(found);
        // A failure that does not reproduce from its own choices depends on hidden state.
        RecordingChoices again = RecordingChoices.replay(recorded);
        Outcome<T> repeat = attempt(again);
        if (repeat == null || !repeat.kind().equals(found.kind())) {
            return new Failure(original, original, found.verdict(), cfg.seed(), tryIndex, recorded, 0, true,
                ReplayToken.of(name, recorded));
        }
        Shrinker<Outcome<T>> shrinker = new Shrinker<>(cand -> {
            RecordingChoices c = RecordingChoices.replay(cand);
            Outcome<T> o = attempt(c);
            return Shrinker.Attempt.of(c, o != null && o.kind().equals(found.kind()) ? o : null);
        }, cfg.maxShrinkSteps(), cfg.shrinkTimeBudget().toNanos());
        Shrinker.Attempt<Outcome<T>> best = shrinker.shrink(Shrinker.Attempt.of(again, repeat));
        Outcome<T> last = attempt(best.recorded());
        boolean flaky = last == null || !last.kind().equals(found.kind());
        Outcome<T> shown = best.payload();
        return new Failure(show(shown), original, shown.verdict(), cfg.seed(), tryIndex, best.recorded(),
            shrinker.reductions(), flaky, ReplayToken.of(name, best.recorded()));
    }

    private static String show(Outcome<?> o) {
        return o.value() == null ? "(the generator threw before it built a value)" : Show.value(o.value());
    }

    private Outcome<T> attempt(long[] choices) {
        return attempt(RecordingChoices.replay(choices));
    }

    /** Regenerates from {@code c} and evaluates; the outcome when the input fails, else null. */
    private Outcome<T> attempt(RecordingChoices c) {
        T value;
        try {
            value = gen.generate(c);
        } catch (Discard d) {
            return null;
        } catch (RuntimeException | Error e) {
            return generatorFailure(e);
        }
        return evaluate(value);
    }

    private Outcome<T> generatorFailure(Throwable e) {
        return new Outcome<>(null, Verdict.fail("the generator threw " + Failures.describe(e)), "generator " + Failures.origin(e));
    }

    /** The failing outcome on {@code value}, or null when the body passes (its verdict is then {@link #lastVerdict}). */
    private Outcome<T> evaluate(T value) {
        Verdict v;
        String kind;
        try {
            v = body.apply(value);
            if (v == null) {
                v = Verdict.fail("the property body returned null instead of a Verdict");
            }
            kind = "verdict " + v.description();
        } catch (AssertionError e) {
            v = Verdict.fail(String.valueOf(e.getMessage()));
            kind = "body " + Failures.origin(e);
        } catch (RuntimeException | Error e) {
            v = Verdict.fail("threw " + Failures.describe(e));
            kind = "body " + Failures.origin(e);
        }
        if (v.passed()) {
            lastVerdict = v;
            return null;
        }
        return new Outcome<>(value, v, kind);
    }

    private static Verdict tighter(Verdict current, Verdict v) {
        if (!v.isNumeric()) {
            return current;
        }
        return current == null || v.usage() > current.usage() ? v : current;
    }

    private Map<String, Double> percentages(int[] inClass, int tries) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int k = 0; k < inClass.length; k++) {
            m.put(coverage.get(k).name(), tries == 0 ? 0.0 : 100.0 * inClass[k] / tries);
        }
        return m;
    }

    private String coverageShortfall(int[] inClass, int tries) {
        List<String> shortfalls = new java.util.ArrayList<>();
        for (int k = 0; k < inClass.length; k++) {
            double pct = tries == 0 ? 0 : 100.0 * inClass[k] / tries;
            Property.Coverage<T> c = coverage.get(k);
            if (pct < c.minPercent()) {
                shortfalls.add(String.format(Locale.ROOT, "coverage: class '%s' appeared in %.2f%% of %d tries, required >= %s%%",
                    c.name(), pct, tries, c.minPercent()));
            }
        }
        return String.join("; ", shortfalls);
    }

    private PropertyResult result(boolean passed, int tries, int discards, Map<String, Double> cov, Failure f,
                                  Verdict largest, long start, String note) {
        return new PropertyResult(name, passed, tries, cfg.shardIndex() == 0 ? examples.size() : 0, discards, cov, f, largest, cfg.seed(),
            Duration.ofNanos(System.nanoTime() - start), note);
    }
}
