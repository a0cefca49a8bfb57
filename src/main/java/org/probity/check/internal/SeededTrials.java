package org.probity.check.internal;

import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.probity.check.Gen;
import org.probity.check.RunConfig;
import org.probity.check.Shrunk;
import org.probity.check.Trial;
import org.probity.check.Trials;
import org.probity.check.Verdict;

/**
 * The engine's {@link Trials}: try slot {@code i} draws from {@link TrySeeds#stream}(seed, i),
 * a discarded input is redrawn from the rest of that stream, and shrinking runs the
 * {@link Shrinker} on the recorded choices.
 *
 * @param <T> the type of the inputs
 */
public final class SeededTrials<T> implements Trials<T> {
    private static final String MSG_DISCARDS =
        "too many discarded inputs: %d discarded for %d tries (budget %d per try); the generator rarely satisfies '%s'";

    private final String name;
    private final Gen<T> gen;
    private final RunConfig cfg;
    private int discards;
    private String discardNote;

    /** A run of property {@code name} drawing from {@code gen} with {@code cfg}. */
    public SeededTrials(String name, Gen<T> gen, RunConfig cfg) {
        this.name = name;
        this.gen = gen;
        this.cfg = cfg;
    }

    /** A generated input with its slot and recorded choices. */
    private record Drawn<T>(T value, int index, long[] choices, String replayToken) implements Trial<T> {
        @Override
        public long[] choices() {
            return choices.clone();
        }

        @Override
        public String toString() {
            return Show.value(value);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RunConfig config() {
        return cfg;
    }

    @Override
    public int size() {
        return cfg.shard().triesOf(cfg.tries());
    }

    @Override
    public int discards() {
        return discards;
    }

    @Override
    public Optional<String> discardNote() {
        return Optional.ofNullable(discardNote);
    }

    @Override
    public Iterator<Trial<T>> iterator() {
        discards = 0;
        discardNote = null;
        return new Iterator<>() {
            private int slot = cfg.shard().index();
            private int produced;
            private Trial<T> next;

            @Override
            public boolean hasNext() {
                if (next == null && discardNote == null && slot < cfg.tries()) {
                    next = draw(slot, produced);
                    slot += cfg.shard().count();
                    if (next != null) {
                        produced++;
                    }
                }
                return next != null;
            }

            @Override
            public Trial<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Trial<T> t = next;
                next = null;
                return t;
            }
        };
    }

    /** Slot {@code i}'s input, redrawn within its stream on discards; null once the budget is spent. */
    private Trial<T> draw(int i, int produced) {
        UniformRandomProvider stream = TrySeeds.stream(cfg.seed(), i);
        long maxDiscards = (long) cfg.maxDiscardRatio() * cfg.tries();
        while (true) {
            RecordingChoices choices = RecordingChoices.random(stream);
            try {
                T value = gen.generate(choices);
                return trial(value, i, choices.recorded());
            } catch (Discard d) {
                if (++discards > maxDiscards) {
                    discardNote = String.format(Locale.ROOT, MSG_DISCARDS, discards, produced, cfg.maxDiscardRatio(),
                        d.getMessage());
                    return null;
                }
            }
        }
    }

    private Trial<T> trial(T value, int index, long[] recorded) {
        return new Drawn<>(value, index, recorded, ReplayToken.of(name, recorded));
    }

    @Override
    public Optional<Trial<T>> replay() {
        if (cfg.replay() == null) {
            return Optional.empty();
        }
        long[] choices = ReplayToken.choicesFor(name, cfg.replay());
        return choices == null ? Optional.empty() : Optional.of(regenerate(choices));
    }

    @Override
    public Trial<T> regenerate(long[] choices) {
        RecordingChoices c = RecordingChoices.replay(choices);
        T value = gen.generate(c);
        return trial(value, -1, c.recorded());
    }

    private record Result<T>(Trial<T> trial, Verdict verdict, Trial<T> original, int steps, boolean flaky)
        implements Shrunk<T> {
    }

    private record Failing<T>(Trial<T> trial, Verdict verdict) {
    }

    @Override
    public Shrunk<T> shrink(Trial<T> failing, Verdict verdict, Function<? super T, Verdict> body) {
        // A failure that does not reproduce from its own choices depends on hidden state.
        if (attempt(failing.choices(), body) == null) {
            return new Result<>(failing, verdict, failing, 0, true);
        }
        Shrinker<Failing<T>> shrinker = new Shrinker<>(cand -> {
            Failing<T> f = attempt(cand, body);
            return f == null ? null : new Shrinker.Attempt<>(f.trial().choices(), f);
        }, cfg.maxShrinkSteps(), cfg.shrinkTimeBudget().toNanos());
        Shrinker.Attempt<Failing<T>> best = shrinker.shrink(
            new Shrinker.Attempt<>(failing.choices(), new Failing<>(failing, verdict)));
        boolean flaky = attempt(best.recorded(), body) == null;
        Failing<T> shown = best.payload();
        return new Result<>(shown.trial(), shown.verdict(), failing, shrinker.steps(), flaky);
    }

    /** Regenerates from {@code choices} and evaluates; the failing trial, or null when it passes or cannot be built. */
    private Failing<T> attempt(long[] choices, Function<? super T, Verdict> body) {
        Trial<T> t;
        try {
            t = regenerate(choices);
        } catch (RuntimeException e) { // a Discard, or a generator that cannot build this candidate
            return null;
        }
        Verdict v = Objects.requireNonNull(body.apply(t.value()), "the property body returned null instead of a Verdict");
        return v.passed() ? null : new Failing<>(t, v);
    }
}
