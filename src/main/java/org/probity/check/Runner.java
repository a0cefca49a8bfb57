package org.probity.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.check.internal.Deadline;
import org.probity.check.internal.Discard;
import org.probity.check.internal.ExampleDatabase;
import org.probity.check.internal.RecordingChoices;
import org.probity.check.internal.ReplayToken;
import org.probity.check.internal.Show;
import org.probity.check.internal.TryContext;
import org.probity.check.internal.TrySeeds;

/**
 * Runs one property on {@link Trials}: the examples stored in the example database, the explicit
 * examples, the generated tries (the last quarter of them climbing toward larger {@code target}
 * values once the body reports any), coverage, then every distinct failure shrunk on its own.
 *
 * <p>After the first failure the run keeps generating, to find failures of other kinds, for at
 * least {@value #MIN_TRIES} tries and while it has not run 1000 tries past the first failure or
 * twice as many as when it found the last new kind (Hypothesis' rule); at most
 * {@value #MAX_DISTINCT_FAILURES} kinds are kept. A throw from the generator or the body, an
 * {@code Error} included, is a failure like any other.
 */
final class Runner<T> {
    /** The most distinct failures a run keeps, shrinks and reports. */
    static final int MAX_DISTINCT_FAILURES = 8;
    private static final int MIN_TRIES = 10;
    private static final int MORE_TRIES_AFTER_FIRST = 1000;
    /** Salt of the random stream that mutates a targeted try (independent of the try's own stream). */
    private static final long TARGET_SALT = 0x7a4c9e15b3d2f061L;
    /** Salt of the random stream that redraws an input the body assumed away. */
    private static final long ASSUME_SALT = 0x3c1f8e6a92d4b507L;
    private static final String MSG_OTHER_TOKEN =
        "replay: the token '%s' is for another property (hash %s); '%s' has hash %s";

    /** What the generator produced: a value, or what it threw before it built one. */
    record Generated<T>(T value, Throwable error) {
        @Override
        public String toString() {
            return error == null ? Show.value(value) : "(the generator threw before it built a value)";
        }
    }

    /** A failure found by the run, before shrinking. */
    private record Found<T>(Trial<Generated<T>> trial, Verdict verdict, int tryIndex) {
    }

    /** One evaluation of the body: its verdict, or why the try was discarded, and what it reported. */
    private record Evaluation(Verdict verdict, String discard, TryContext context) {
    }

    /** The best value of one target label so far, with the input and choices that gave it. */
    private static final class Best {
        double value;
        String input;
        long[] choices;
        int tries;
    }

    private final String name;
    private final Function<? super T, Verdict> body;
    private final List<Property.Coverage<T>> coverage;
    private final List<T> examples;
    private final RunConfig cfg;
    private final Gen<Generated<T>> generator;
    private final Trials<Generated<T>> trials;
    /** What the body reports in the current try; reused from try to try (see {@link TryContext}). */
    private final TryContext context = TryContext.forThisThread();

    Runner(String name, Gen<T> gen, Function<? super T, Verdict> body, List<Property.Coverage<T>> coverage,
           List<T> examples, RunConfig cfg) {
        this.name = name;
        this.body = body;
        this.coverage = coverage;
        this.examples = examples;
        this.cfg = cfg;
        this.generator = safe(gen);
        this.trials = Engine.trials(name, generator, cfg);
    }

    /** {@code gen}, with what it throws (other than a discard) turned into a value. */
    private static <T> Gen<Generated<T>> safe(Gen<T> gen) {
        return c -> {
            try {
                return new Generated<>(gen.generate(c), null);
            } catch (Discard d) {
                throw d;
            } catch (RuntimeException | Error e) {
                return new Generated<>(null, e);
            }
        };
    }

    PropertyResult run() {
        long start = System.nanoTime();
        List<String> notes = new ArrayList<>();
        if (cfg.replay() != null) {
            Optional<Trial<Generated<T>>> replayed = trials.replay();
            if (replayed.isPresent()) {
                return replay(replayed.get(), start);
            }
            if (cfg.replaySource() != RunConfig.Source.SYSTEM_PROPERTY) {
                String hash = cfg.replay().substring(0, cfg.replay().indexOf(':')).strip();
                throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_OTHER_TOKEN, cfg.replay(), hash, name,
                    ReplayToken.tag(name)));
            }
            notes.add("-Dprobity.replay names another property; this one ran as usual");
        }
        Map<String, Found<T>> found = new LinkedHashMap<>();
        // Stored examples, like explicit ones, belong to shard 0.
        ExampleDatabase db = cfg.database() == null || cfg.shard().index() != 0 ? null : ExampleDatabase.open(cfg.database(), name);
        if (db != null) {
            replayStored(db, found, notes);
        }
        Verdict largest = null;
        // Explicit examples belong to shard 0, so that n shards add up to exactly one run.
        List<T> mine = cfg.shard().index() == 0 ? examples : List.of();
        for (T example : mine) {
            Evaluation e = evaluate(new Generated<>(example, null));
            if (e.verdict() != null && !e.verdict().passed()) {
                String shown = Show.value(example);
                Failure f = new Failure(shown, shown, e.verdict(), cfg.seed(), -1, new long[0], 0, false,
                    "(an explicit example: not replayable by token)", cfg.seedSource());
                return result(false, 0, 0, Map.of(), List.of(f), largest, start, String.join("; ", notes), Map.of(), Map.of());
            }
            largest = e.verdict() == null ? largest : tighter(largest, e.verdict());
        }
        int[] inClass = new int[coverage.size()];
        Map<String, Map<String, Integer>> stats = new LinkedHashMap<>();
        Map<String, Best> best = new LinkedHashMap<>();
        int tries = 0;
        int bodyDiscards = 0;
        long maxDiscards = (long) cfg.maxDiscardRatio() * cfg.tries();
        Deadline deadline = new Deadline(start, cfg.timeBudget().toNanos());
        int firstFailAt = -1;
        int lastNewAt = -1;
        int slot = 0;
        int targetFrom = trials.size() - trials.size() / 4;
        String stop = "";
        // A stored example that still fails is reported at once, as Hypothesis does.
        Iterable<Trial<Generated<T>>> tryOrder = found.isEmpty() ? trials : List.of();
        for (Trial<Generated<T>> drawn : tryOrder) {
            if (deadline.passed(tries)) {
                stop = String.format(Locale.ROOT, "stopped by the time budget of %s after %d of %d tries",
                    cfg.timeBudget(), tries, trials.size());
                break;
            }
            if (firstFailAt >= 0 && !(tries < MIN_TRIES || tries < Math.min(firstFailAt + MORE_TRIES_AFTER_FIRST, 2 * lastNewAt))) {
                break;
            }
            Trial<Generated<T>> trial = slot++ >= targetFrom && !best.isEmpty() ? mutate(drawn, best) : drawn;
            Evaluation e = evaluate(trial.value());
            // An input the body assumes away is redrawn within the slot, from a stream of its own.
            UniformRandomProvider redraws = null;
            while (e.discard() != null) {
                if (++bodyDiscards + trials.discards() > maxDiscards) {
                    stop = String.format(Locale.ROOT,
                        "too many discarded inputs: %d discarded for %d tries (budget %d per try); the body rarely satisfies its assumption '%s'",
                        bodyDiscards + trials.discards(), tries, cfg.maxDiscardRatio(), e.discard());
                    return result(false, tries, bodyDiscards + trials.discards(), percentages(inClass, tries), List.of(), largest,
                        start, stop, stats, targets(best));
                }
                redraws = redraws == null ? TrySeeds.stream(cfg.seed() ^ ASSUME_SALT, drawn.index()) : redraws;
                RecordingChoices c = RecordingChoices.random(redraws);
                try {
                    generator.generate(c);
                    trial = trials.regenerate(c.recorded());
                    e = evaluate(trial.value());
                } catch (Discard d) {
                    e = new Evaluation(null, d.getMessage(), null);
                }
            }
            tries++;
            T value = trial.value().value();
            if (trial.value().error() == null) {
                for (int k = 0; k < inClass.length; k++) {
                    if (coverage.get(k).member().test(value)) {
                        inClass[k]++;
                    }
                }
            }
            if (e.context() != null && !e.context().isEmpty()) {
                record(e.context(), trial, stats, best);
            }
            Verdict v = e.verdict();
            if (v.passed()) {
                largest = tighter(largest, v);
            } else if (found.size() < MAX_DISTINCT_FAILURES && !found.containsKey(v.failureKind())) {
                found.put(v.failureKind(), new Found<>(trial, v, drawn.index()));
                firstFailAt = firstFailAt < 0 ? tries : firstFailAt;
                lastNewAt = tries;
            }
        }
        int discards = bodyDiscards + trials.discards();
        List<Failure> failures = shrinkAll(found);
        if (db != null) {
            db.save(failures.stream().filter(f -> !f.flaky()).map(Failure::choices).toList());
        }
        if (!failures.isEmpty()) {
            notes.add(0, stop);
            return result(false, tries, discards, percentages(inClass, tries), failures, largest, start, join(notes), stats,
                targets(best));
        }
        if (trials.discardNote().isPresent()) {
            return result(false, tries, discards, percentages(inClass, tries), failures, largest, start,
                trials.discardNote().get(), stats, targets(best));
        }
        String covNote = coverageShortfall(inClass, tries);
        if (!covNote.isEmpty()) {
            return result(false, tries, discards, percentages(inClass, tries), failures, largest, start, covNote, stats,
                targets(best));
        }
        notes.add(0, stop);
        return result(true, tries, discards, percentages(inClass, tries), failures, largest, start, join(notes), stats,
            targets(best));
    }

    private static String join(List<String> notes) {
        return String.join("; ", notes.stream().filter(n -> !n.isEmpty()).toList());
    }

    /** Replays the stored examples; those that fail join {@code found}, the others count as passing once more. */
    private void replayStored(ExampleDatabase db, Map<String, Found<T>> found, List<String> notes) {
        int failing = 0;
        List<long[]> stored = db.load();
        for (long[] choices : stored) {
            Trial<Generated<T>> t;
            try {
                t = trials.regenerate(choices);
            } catch (Discard d) {
                db.passed(choices);
                continue;
            }
            Evaluation e = evaluate(t.value());
            if (e.verdict() != null && !e.verdict().passed()) {
                failing++;
                if (found.size() < MAX_DISTINCT_FAILURES) {
                    found.putIfAbsent(e.verdict().failureKind(), new Found<>(t, e.verdict(), -1));
                }
            } else {
                db.passed(choices);
            }
        }
        if (!stored.isEmpty()) {
            notes.add(String.format(Locale.ROOT, "replayed %d stored example%s from %s first: %d still fail%s",
                stored.size(), stored.size() == 1 ? "" : "s", db.location(), failing, failing == 1 ? "s" : ""));
        }
    }

    private List<Failure> shrinkAll(Map<String, Found<T>> found) {
        List<String> order = new ArrayList<>(found.keySet());
        List<Failure> failures = new ArrayList<>();
        long deadline = System.nanoTime() + cfg.shrinkTimeBudget().toNanos();
        Function<Generated<T>, Verdict> shrinkBody = g -> {
            Evaluation e = evaluate(g);
            if (e.discard() != null) {
                throw new Discard(e.discard());
            }
            return e.verdict();
        };
        for (int i = 0; i < order.size(); i++) {
            Found<T> f = found.get(order.get(i));
            if (System.nanoTime() > deadline) {
                String shown = f.trial().value().toString();
                failures.add(new Failure(shown, shown, f.verdict(), cfg.seed(), f.tryIndex(), f.trial().choices(), 0, false,
                    f.trial().replayToken(), cfg.seedSource()));
                continue;
            }
            Shrunk<Generated<T>> s = trials.shrink(f.trial(), f.verdict(), shrinkBody, (t, v) -> {
                if (found.size() < MAX_DISTINCT_FAILURES && found.putIfAbsent(v.failureKind(), new Found<>(t, v, f.tryIndex())) == null) {
                    order.add(v.failureKind());
                }
            });
            failures.add(new Failure(s.trial().value().toString(), s.original().value().toString(), s.verdict(), cfg.seed(),
                f.tryIndex(), s.trial().choices(), s.steps(), s.flaky(), s.trial().replayToken(), cfg.seedSource()));
        }
        return failures;
    }

    private PropertyResult replay(Trial<Generated<T>> t, long start) {
        Evaluation e = evaluate(t.value());
        String shown = t.value().toString();
        if (e.discard() != null) {
            return result(false, 0, 1, Map.of(), List.of(), null, start,
                "the input of the replay token was discarded: the body assumes '" + e.discard() + "'", Map.of(), Map.of());
        }
        Verdict v = e.verdict();
        List<Failure> f = v.passed() ? List.of() : List.of(new Failure(shown, shown, v, cfg.seed(), 0, t.choices(), 0, false,
            t.replayToken(), cfg.seedSource()));
        String note = "replayed one input from the replay token: " + shown;
        return result(v.passed(), 1, 0, Map.of(), f, v.passed() ? v : null, start, note, Map.of(), Map.of());
    }

    /**
     * Evaluates the body on {@code g} inside the run's {@link TryContext}, emptied first: a throw is
     * a failing verdict ({@link Verdict#thrown}), an {@code assume} that does not hold a discard. The
     * evaluation's context is valid until the next evaluation.
     */
    private Evaluation evaluate(Generated<T> g) {
        if (g.error() != null) {
            return new Evaluation(Verdict.generatorThrew(g.error()), null, null);
        }
        context.enter();
        try {
            Verdict v = body.apply(g.value());
            return new Evaluation(v == null ? Verdict.fail("the property body returned null instead of a Verdict") : v, null, context);
        } catch (Discard d) {
            return new Evaluation(null, d.getMessage(), context);
        } catch (RuntimeException | Error e) {
            return new Evaluation(Verdict.thrown(e), null, context);
        } finally {
            context.exit();
        }
    }

    /** Adds one try's statistics and targets to the run's. */
    private static <T> void record(TryContext ctx, Trial<Generated<T>> trial, Map<String, Map<String, Integer>> stats,
                                   Map<String, Best> best) {
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

    /**
     * A targeted try: the best input so far of one label (chosen at random), with one to three of
     * its choices changed by a small step, by a fraction of their value, or by flipping one bit;
     * the changes come from a random stream of the try's own slot, so the run stays fixed by its
     * seed.
     */
    private Trial<Generated<T>> mutate(Trial<Generated<T>> drawn, Map<String, Best> best) {
        List<Best> all = new ArrayList<>(best.values());
        UniformRandomProvider rng = TrySeeds.stream(cfg.seed() ^ TARGET_SALT, drawn.index());
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

    private static Map<String, Target> targets(Map<String, Best> best) {
        Map<String, Target> out = new LinkedHashMap<>();
        best.forEach((label, b) -> out.put(label, new Target(label, b.value, b.input, b.tries)));
        return out;
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
        List<String> shortfalls = new ArrayList<>();
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

    private PropertyResult result(boolean passed, int tries, int discards, Map<String, Double> cov, List<Failure> failures,
                                  Verdict largest, long start, String note, Map<String, Map<String, Integer>> stats,
                                  Map<String, Target> targets) {
        return new PropertyResult(name, passed, tries, cfg.shard().index() == 0 ? examples.size() : 0, discards, cov, failures,
            largest, cfg.seed(), Duration.ofNanos(System.nanoTime() - start), note, stats, targets);
    }
}
