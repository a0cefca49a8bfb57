package org.probity.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.check.Evaluator.Evaluation;
import org.probity.check.Evaluator.Generated;
import org.probity.check.internal.Deadline;
import org.probity.check.internal.Discard;
import org.probity.check.internal.ExampleDatabase;
import org.probity.check.internal.RecordingChoices;
import org.probity.check.internal.ReplayToken;
import org.probity.check.internal.Show;
import org.probity.check.internal.TrySeeds;
import org.probity.math.Counts;

/**
 * Runs one property on {@link Trials}: the examples stored in the example database, the explicit
 * examples, the generated tries (the last quarter of them climbing toward larger {@code target}
 * values once the body reports any, {@link TryReports}), coverage ({@link CoverageCount}), then
 * every distinct failure shrunk on its own ({@link DistinctFailures}).
 *
 * <p>After the first failure the run keeps generating, to find failures of other kinds, for at
 * least {@value #MIN_TRIES} tries and while it has not run 1000 tries past the first failure or
 * twice as many as when it found the last new kind (Hypothesis' rule); at most
 * {@value DistinctFailures#MAX} kinds are kept. A throw from the generator or the body, an
 * {@code Error} included, is a failure like any other ({@link Evaluator}).
 */
final class Runner<T> {
    private static final int MIN_TRIES = 10;
    private static final int MORE_TRIES_AFTER_FIRST = 1000;
    /** Salt of the random stream that redraws an input the body assumed away. */
    private static final long ASSUME_SALT = 0x3c1f8e6a92d4b507L;
    private static final String MSG_OTHER_TOKEN =
        "replay: the token '%s' is for another property (hash %s); '%s' has hash %s";

    private final String name;
    private final List<Property.Coverage<T>> coverage;
    private final List<T> examples;
    private final RunConfig cfg;
    private final Gen<Generated<T>> generator;
    private final Trials<Generated<T>> trials;
    private final Evaluator<T> evaluator;

    Runner(String name, Gen<T> gen, Function<? super T, Verdict> body, List<Property.Coverage<T>> coverage,
           List<T> examples, RunConfig cfg) {
        this.name = name;
        this.coverage = coverage;
        this.examples = examples;
        this.cfg = cfg;
        this.generator = Evaluator.safe(gen);
        this.trials = Engine.trials(name, generator, cfg);
        this.evaluator = new Evaluator<>(body);
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
        DistinctFailures<T> found = new DistinctFailures<>();
        // Stored examples, like explicit ones, belong to shard 0.
        ExampleDatabase db = cfg.database() == null || cfg.shard().index() != 0 ? null : ExampleDatabase.open(cfg.database(), name);
        if (db != null) {
            replayStored(db, found, notes);
        }
        Verdict largest = null;
        // Explicit examples belong to shard 0, so that n shards add up to exactly one run.
        List<T> mine = cfg.shard().index() == 0 ? examples : List.of();
        for (T example : mine) {
            Evaluation e = evaluator.evaluate(new Generated<>(example, null));
            if (e.verdict() != null && !e.verdict().passed()) {
                String shown = Show.value(example);
                Failure f = new Failure(shown, shown, e.verdict(), cfg.seed(), -1, new long[0], 0, false,
                    "(an explicit example: not replayable by token)", cfg.seedSource());
                return result(false, 0, 0, Map.of(), List.of(f), largest, start, String.join("; ", notes), null);
            }
            largest = e.verdict() == null ? largest : tighter(largest, e.verdict());
        }
        CoverageCount<T> inClass = new CoverageCount<>(coverage);
        TryReports<T> reports = new TryReports<>(trials, cfg.seed());
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
            Trial<Generated<T>> trial = slot++ >= targetFrom && reports.targeting() ? reports.mutate(drawn) : drawn;
            Evaluation e = evaluator.evaluate(trial.value());
            // An input the body assumes away is redrawn within the slot, from a stream of its own.
            UniformRandomProvider redraws = null;
            while (e.discard() != null) {
                if (++bodyDiscards + trials.discards() > maxDiscards) {
                    stop = String.format(Locale.ROOT,
                        "too many discarded inputs: %d discarded for %d tries (budget %d per try); the body rarely satisfies its assumption '%s'",
                        bodyDiscards + trials.discards(), tries, cfg.maxDiscardRatio(), e.discard());
                    return result(false, tries, bodyDiscards + trials.discards(), inClass.percentages(tries), List.of(), largest,
                        start, stop, reports);
                }
                redraws = redraws == null ? TrySeeds.stream(cfg.seed() ^ ASSUME_SALT, drawn.index()) : redraws;
                RecordingChoices c = RecordingChoices.random(redraws);
                try {
                    generator.generate(c);
                    trial = trials.regenerate(c.recorded());
                    e = evaluator.evaluate(trial.value());
                } catch (Discard d) {
                    e = new Evaluation(null, d.getMessage(), null);
                }
            }
            tries++;
            if (trial.value().error() == null) {
                inClass.count(trial.value().value());
            }
            if (e.context() != null && !e.context().isEmpty()) {
                reports.add(e.context(), trial);
            }
            Verdict v = e.verdict();
            if (v.passed()) {
                largest = tighter(largest, v);
            } else if (found.offer(trial, v, drawn.index())) {
                firstFailAt = firstFailAt < 0 ? tries : firstFailAt;
                lastNewAt = tries;
            }
        }
        int discards = bodyDiscards + trials.discards();
        List<Failure> failures = found.shrinkAll(trials, evaluator, cfg);
        if (db != null) {
            db.save(failures.stream().filter(f -> !f.flaky()).map(Failure::choices).toList());
        }
        Map<String, Double> covered = inClass.percentages(tries);
        if (!failures.isEmpty()) {
            notes.add(0, stop);
            return result(false, tries, discards, covered, failures, largest, start, join(notes), reports);
        }
        if (trials.discardNote().isPresent()) {
            return result(false, tries, discards, covered, failures, largest, start, trials.discardNote().get(), reports);
        }
        String covNote = inClass.shortfall(tries);
        if (!covNote.isEmpty()) {
            return result(false, tries, discards, covered, failures, largest, start, covNote, reports);
        }
        notes.add(0, stop);
        return result(true, tries, discards, covered, failures, largest, start, join(notes), reports);
    }

    private static String join(List<String> notes) {
        return String.join("; ", notes.stream().filter(n -> !n.isEmpty()).toList());
    }

    /** Replays the stored examples; those that fail join {@code found}, the others count as passing once more. */
    private void replayStored(ExampleDatabase db, DistinctFailures<T> found, List<String> notes) {
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
            Evaluation e = evaluator.evaluate(t.value());
            if (e.verdict() != null && !e.verdict().passed()) {
                failing++;
                found.offer(t, e.verdict(), -1);
            } else {
                db.passed(choices);
            }
        }
        if (!stored.isEmpty()) {
            notes.add(String.format(Locale.ROOT, "replayed %s from %s first: %d still %s",
                Counts.of(stored.size(), "stored example"), db.location(), failing, Counts.noun(failing, "fails", "fail")));
        }
    }

    private PropertyResult replay(Trial<Generated<T>> t, long start) {
        Evaluation e = evaluator.evaluate(t.value());
        String shown = t.value().toString();
        if (e.discard() != null) {
            return result(false, 0, 1, Map.of(), List.of(), null, start,
                "the input of the replay token was discarded: the body assumes '" + e.discard() + "'", null);
        }
        Verdict v = e.verdict();
        List<Failure> f = v.passed() ? List.of() : List.of(new Failure(shown, shown, v, cfg.seed(), Failure.REPLAYED, t.choices(), 0, false,
            t.replayToken(), cfg.seedSource()));
        String note = "replayed one input from the replay token: " + shown;
        return result(v.passed(), 1, 0, Map.of(), f, v.passed() ? v : null, start, note, null);
    }

    private static Verdict tighter(Verdict current, Verdict v) {
        if (!v.isNumeric()) {
            return current;
        }
        return current == null || v.usage() > current.usage() ? v : current;
    }

    /** The run's result; {@code reports} null for a run that generated no tries. */
    private PropertyResult result(boolean passed, int tries, int discards, Map<String, Double> cov, List<Failure> failures,
                                  Verdict largest, long start, String note, TryReports<T> reports) {
        return new PropertyResult(name, passed, tries, cfg.shard().index() == 0 ? examples.size() : 0, discards, cov, failures,
            largest, cfg.seed(), Duration.ofNanos(System.nanoTime() - start), note,
            reports == null ? Map.of() : reports.statistics(), reports == null ? Map.of() : reports.targets());
    }
}
