package org.probity.check;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.check.internal.Discard;
import org.probity.check.internal.RecordingChoices;
import org.probity.check.internal.ReplayToken;
import org.probity.check.internal.Show;
import org.probity.check.internal.Shrinker;
import org.probity.check.internal.TrySeeds;

/** Runs one property: examples, generated tries, coverage, then shrinking of the first failure. */
final class Runner<T> {
    /** A generated input and the verdict on it. */
    private record Outcome<T>(T value, Verdict verdict) {
    }

    private final String name;
    private final Gen<T> gen;
    private final Function<? super T, Verdict> body;
    private final List<Property.Coverage<T>> coverage;
    private final List<T> examples;
    private final RunConfig cfg;

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
            Verdict v = evaluate(example);
            if (!v.passed()) {
                String shown = Show.value(example);
                Failure f = new Failure(shown, shown, v, cfg.seed(), -1, new long[0], 0, false, "(an explicit example: not replayable by token)");
                return result(false, 0, 0, Map.of(), f, largest, start, "");
            }
            largest = tighter(largest, v);
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
                }
            }
            tries++;
            for (int k = 0; k < inClass.length; k++) {
                if (coverage.get(k).member().test(value)) {
                    inClass[k]++;
                }
            }
            Verdict v = evaluate(value);
            if (!v.passed()) {
                Failure f = shrink(value, v, choices.recorded(), i);
                return result(false, tries, discards, percentages(inClass, tries), f, largest, start, note);
            }
            largest = tighter(largest, v);
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
        T value = gen.generate(c);
        Verdict v = evaluate(value);
        Failure f = v.passed() ? null : new Failure(Show.value(value), Show.value(value), v, cfg.seed(), 0,
            c.recorded(), 0, false, ReplayToken.of(name, c.recorded()));
        String note = "replayed one input from -Dprobity.replay: " + Show.value(value);
        return result(v.passed(), 1, 0, Map.of(), f, v.passed() ? v : null, start, note);
    }

    private Failure shrink(T value, Verdict verdict, long[] recorded, int tryIndex) {
        String original = Show.value(value);
        // A failure that does not reproduce from its own choices depends on hidden state.
        Outcome<T> again = attempt(recorded);
        if (again == null) {
            return new Failure(original, original, verdict, cfg.seed(), tryIndex, recorded, 0, true,
                ReplayToken.of(name, recorded));
        }
        Shrinker<Outcome<T>> shrinker = new Shrinker<>(cand -> {
            RecordingChoices c = RecordingChoices.replay(cand);
            Outcome<T> o = attempt(c);
            return o == null ? null : new Shrinker.Attempt<>(c.recorded(), o);
        }, cfg.maxShrinkSteps(), cfg.shrinkTimeBudget().toNanos());
        Shrinker.Attempt<Outcome<T>> best = shrinker.shrink(new Shrinker.Attempt<>(recorded, new Outcome<>(value, verdict)));
        Outcome<T> last = attempt(best.recorded());
        boolean flaky = last == null;
        Outcome<T> shown = best.payload();
        return new Failure(Show.value(shown.value()), original, shown.verdict(), cfg.seed(), tryIndex, best.recorded(),
            shrinker.steps(), flaky, ReplayToken.of(name, best.recorded()));
    }

    private Outcome<T> attempt(long[] choices) {
        return attempt(RecordingChoices.replay(choices));
    }

    /** Regenerates from {@code c} and evaluates; the outcome when the input fails, else null. */
    private Outcome<T> attempt(RecordingChoices c) {
        T value;
        try {
            value = gen.generate(c);
        } catch (RuntimeException e) { // a Discard, or a generator that cannot build this candidate
            return null;
        }
        Verdict v = evaluate(value);
        return v.passed() ? null : new Outcome<>(value, v);
    }

    private Verdict evaluate(T value) {
        try {
            Verdict v = body.apply(value);
            return v == null ? Verdict.fail("the property body returned null instead of a Verdict") : v;
        } catch (AssertionError e) {
            return Verdict.fail(String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            StackTraceElement[] st = e.getStackTrace();
            String where = st.length > 0 ? " at " + st[0] : "";
            return Verdict.fail("threw " + e.getClass().getName() + ": " + e.getMessage() + where);
        }
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
