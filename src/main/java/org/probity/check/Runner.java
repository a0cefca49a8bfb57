package org.probity.check;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.probity.check.internal.Show;

/**
 * Runs one property: examples, generated tries, coverage, then shrinking of the first failure. The
 * tries, their seeding and discards, shrinking and replay come from {@link Trials}.
 */
final class Runner<T> {
    private final String name;
    private final Function<? super T, Verdict> body;
    private final List<Property.Coverage<T>> coverage;
    private final List<T> examples;
    private final RunConfig cfg;
    private final Trials<T> trials;

    Runner(String name, Gen<T> gen, Function<? super T, Verdict> body, List<Property.Coverage<T>> coverage,
           List<T> examples, RunConfig cfg) {
        this.name = name;
        this.body = body;
        this.coverage = coverage;
        this.examples = examples;
        this.cfg = cfg;
        this.trials = Engine.trials(name, gen, cfg);
    }

    PropertyResult run() {
        long start = System.nanoTime();
        Optional<Trial<T>> replayed = trials.replay();
        if (replayed.isPresent()) {
            return replay(replayed.get(), start);
        }
        Verdict largest = null;
        // Explicit examples belong to shard 0, so that n shards add up to exactly one run.
        List<T> mine = cfg.shard().index() == 0 ? examples : List.of();
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
        long deadline = start + cfg.timeBudget().toNanos();
        String note = "";
        for (Trial<T> trial : trials) {
            if (System.nanoTime() > deadline) {
                note = String.format(Locale.ROOT, "stopped by the time budget of %s after %d of %d tries",
                    cfg.timeBudget(), tries, trials.size());
                break;
            }
            T value = trial.value();
            tries++;
            for (int k = 0; k < inClass.length; k++) {
                if (coverage.get(k).member().test(value)) {
                    inClass[k]++;
                }
            }
            Verdict v = evaluate(value);
            if (!v.passed()) {
                Failure f = failure(trials.shrink(trial, v, this::evaluate));
                return result(false, tries, trials.discards(), percentages(inClass, tries), f, largest, start, note);
            }
            largest = tighter(largest, v);
        }
        if (trials.discardNote().isPresent()) {
            return result(false, tries, trials.discards(), percentages(inClass, tries), null, largest, start,
                trials.discardNote().get());
        }
        String covNote = coverageShortfall(inClass, tries);
        if (!covNote.isEmpty()) {
            return result(false, tries, trials.discards(), percentages(inClass, tries), null, largest, start, covNote);
        }
        return result(true, tries, trials.discards(), percentages(inClass, tries), null, largest, start, note);
    }

    private PropertyResult replay(Trial<T> t, long start) {
        Verdict v = evaluate(t.value());
        String shown = Show.value(t.value());
        Failure f = v.passed() ? null : new Failure(shown, shown, v, cfg.seed(), 0, t.choices(), 0, false, t.replayToken());
        String note = "replayed one input from -Dprobity.replay: " + shown;
        return result(v.passed(), 1, 0, Map.of(), f, v.passed() ? v : null, start, note);
    }

    private Failure failure(Shrunk<T> s) {
        Trial<T> shown = s.trial();
        return new Failure(Show.value(shown.value()), Show.value(s.original().value()), s.verdict(), cfg.seed(),
            s.original().index(), shown.choices(), s.steps(), s.flaky(), shown.replayToken());
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
        return new PropertyResult(name, passed, tries, cfg.shard().index() == 0 ? examples.size() : 0, discards, cov, f, largest, cfg.seed(),
            Duration.ofNanos(System.nanoTime() - start), note);
    }
}
