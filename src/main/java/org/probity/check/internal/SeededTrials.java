package org.probity.check.internal;

import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
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
    /** The replay token is built when asked for: formatting it for every try would cost more than the try. */
    private record Drawn<T>(T value, int index, RecordingChoices source, String name) implements Trial<T> {
        @Override
        public long[] choices() {
            return source.recorded();
        }

        @Override
        public String replayToken() {
            return ReplayToken.of(name, source.recorded());
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
                return trial(value, i, choices);
            } catch (Discard d) {
                if (++discards > maxDiscards) {
                    discardNote = String.format(Locale.ROOT, MSG_DISCARDS, discards, produced, cfg.maxDiscardRatio(),
                        d.getMessage());
                    return null;
                }
            }
        }
    }

    /** A trial over the choices {@code c} recorded; they are copied out only when asked for. */
    private Trial<T> trial(T value, int index, RecordingChoices c) {
        return new Drawn<>(value, index, c, name);
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
    public Optional<String> replayProblem() {
        if (cfg.replay() == null || ReplayToken.choicesFor(name, cfg.replay()) == null) {
            return Optional.empty();
        }
        return ReplayToken.problem(name, gen, cfg.replay());
    }

    @Override
    public Trial<T> regenerate(long[] choices) {
        RecordingChoices c = RecordingChoices.replay(choices);
        T value = gen.generate(c);
        return trial(value, -1, c);
    }

    private record Result<T>(Trial<T> trial, Verdict verdict, Trial<T> original, int steps, int candidates,
                             boolean flaky) implements Shrunk<T> {
    }

    private record Failing<T>(Trial<T> trial, Verdict verdict) {
    }

    @Override
    public Shrunk<T> shrink(Trial<T> failing, Verdict verdict, Function<? super T, Verdict> body) {
        return shrink(failing, verdict, body, (t, v) -> { });
    }

    @Override
    public Shrunk<T> shrink(Trial<T> failing, Verdict verdict, Function<? super T, Verdict> body,
                            BiConsumer<? super Trial<T>, ? super Verdict> elsewhere) {
        String kind = verdict.failureKind();
        // A failure that does not reproduce from its own choices depends on hidden state.
        RecordingChoices again = RecordingChoices.replay(failing.choices());
        Failing<T> repeat = attempt(again, body);
        if (repeat == null || !kind.equals(repeat.verdict().failureKind())) {
            return new Result<>(failing, verdict, failing, 0, 0, true);
        }
        Shrinker<Failing<T>> shrinker = new Shrinker<>(cand -> {
            RecordingChoices c = RecordingChoices.replay(cand);
            Failing<T> f;
            try {
                f = attempt(c, body);
            } catch (Discard d) {
                return null;
            }
            if (f != null && !kind.equals(f.verdict().failureKind())) {
                elsewhere.accept(f.trial(), f.verdict());
                f = null;
            }
            return Shrinker.Attempt.of(c, f);
        }, cfg.maxShrinkSteps(), cfg.shrinkTimeBudget().toNanos());
        Shrinker.Attempt<Failing<T>> best = shrinker.shrink(Shrinker.Attempt.of(again, repeat));
        Failing<T> last = attempt(RecordingChoices.replay(best.recorded()), body);
        boolean flaky = last == null || !kind.equals(last.verdict().failureKind());
        Failing<T> shown = best.payload();
        return new Result<>(shown.trial(), shown.verdict(), failing, shrinker.reductions(), shrinker.steps(), flaky);
    }

    /**
     * Regenerates from {@code c} and evaluates; the failing trial, or null when it passes or the
     * generator cannot build it (a discard, or an exception: an edited sequence need not be valid).
     */
    private Failing<T> attempt(RecordingChoices c, Function<? super T, Verdict> body) {
        T value;
        try {
            value = gen.generate(c);
        } catch (RuntimeException e) {
            return null;
        }
        Trial<T> t = trial(value, -1, c);
        Verdict v = Objects.requireNonNull(body.apply(value), "the property body returned null instead of a Verdict");
        return v.passed() ? null : new Failing<>(t, v);
    }
}
