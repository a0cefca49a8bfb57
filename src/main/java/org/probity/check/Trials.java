package org.probity.check;

import java.util.Iterator;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The generated inputs of one property run, for callers that evaluate a property their own way
 * (in batches, in another process) and still want the engine's seeding, discards, shrinking and
 * replay: {@link Property#check} runs on it, and so does {@code probity check-impl}.
 *
 * <pre>{@code
 * Trials<double[]> trials = Engine.trials("softmax sums to 1", Gens.doubles(-5, 5).arrays(1, 8), cfg);
 * List<Trial<double[]>> all = new ArrayList<>();
 * trials.forEach(all::add);                        // this shard's tries, in slot order
 * List<Verdict> verdicts = evaluateInOneBatch(all); // the caller's evaluation
 * int i = firstFailing(verdicts);
 * Shrunk<double[]> s = trials.shrink(all.get(i), verdicts.get(i), x -> evaluateOne(x));
 * s.trial().replayToken();                         // reruns exactly s.trial().value()
 * }</pre>
 *
 * <p>Seeding: try slot {@code i} draws from its own random stream, determined by the run's seed and
 * {@code i} alone; a discarded input (a filter that ran out of attempts) is redrawn from the rest of
 * that stream. So a run is fixed by its seed, and the shards of a run ({@link RunConfig#withShard})
 * partition its tries whatever is discarded. More than {@link RunConfig#maxDiscardRatio()} discards
 * per try end the iteration early; {@link #discardNote()} then says why.
 *
 * <p>The iteration is lazy and may be repeated; each iteration generates the same inputs and
 * restarts the discard count.
 *
 * @param <T> the type of the inputs
 */
public interface Trials<T> extends Iterable<Trial<T>> {
    /** The property's name (it keys the replay tokens). */
    String name();

    /** The run's options. */
    RunConfig config();

    /** This shard's tries, in slot order, generated as the iteration proceeds. */
    @Override
    Iterator<Trial<T>> iterator();

    /** How many of this shard's try slots there are (the iteration yields fewer only when discards run out). */
    int size();

    /** How many inputs the current (or last) iteration discarded. */
    int discards();

    /**
     * Why the current (or last) iteration ended before its last try slot: the discard budget ran
     * out; empty otherwise.
     */
    Optional<String> discardNote();

    /**
     * The input that {@link RunConfig#replay()} names, when its token belongs to this property;
     * empty when there is no token or it names another property.
     *
     * @throws IllegalArgumentException if the token is malformed
     */
    Optional<Trial<T>> replay();

    /**
     * Why the token of {@link RunConfig#replay()} does not replay an input of this property exactly,
     * when it names this property and does not (the rule of {@link Property#replayProblem}): choices
     * left over, too few choices (a sequence that runs out reads as zeros, so it would
     * replay another input), a value the generator reads otherwise or refuses. A front end that
     * replays one input asks this before {@link #replay()}, so that an edited or cut token is refused
     * rather than silently replaying something else.
     *
     * @return empty when there is no token, when it names another property (then {@link #replay()} is
     *     empty too), or when it replays an input of this property exactly
     * @throws IllegalArgumentException if the token is malformed
     */
    Optional<String> replayProblem();

    /**
     * Regenerates the input of a choice sequence (a sequence that runs out reads as zeros).
     *
     * @param choices recorded choices
     * @return the input, with index −1 and the choices it actually used
     * @throws RuntimeException whatever the generator throws for this sequence
     */
    Trial<T> regenerate(long[] choices);

    /**
     * Shrinks a failing input: edits its choice sequence, regenerates, and keeps every candidate
     * whose verdict still fails the same way ({@link Verdict#failureKind()}) and whose choices are
     * smaller in shortlex order, within the run's
     * {@link RunConfig#maxShrinkSteps()} and {@link RunConfig#shrinkTimeBudget()}. A failure that does
     * not reproduce from its own choices is returned unshrunk, marked {@link Shrunk#flaky()}.
     *
     * <p>Candidates the generator cannot build are skipped; an exception thrown by {@code body}
     * propagates (wrap the body when a throw should count as a failure).
     *
     * @param failing the failing input
     * @param verdict its (failing) verdict
     * @param body evaluates one input
     * @return the smallest failing input found
     */
    Shrunk<T> shrink(Trial<T> failing, Verdict verdict, Function<? super T, Verdict> body);

    /**
     * As {@link #shrink(Trial, Verdict, Function)}; shrinking keeps to the failure of
     * {@code verdict} ({@link Verdict#failureKind()}), and every candidate that fails in another
     * way is handed to {@code elsewhere} (a second bug, to be shrunk and reported on its own).
     *
     * @param failing the failing input
     * @param verdict its (failing) verdict
     * @param body evaluates one input
     * @param elsewhere receives the candidates that fail with another kind of failure
     * @return the smallest input found that fails as {@code verdict} does
     */
    Shrunk<T> shrink(Trial<T> failing, Verdict verdict, Function<? super T, Verdict> body,
                     BiConsumer<? super Trial<T>, ? super Verdict> elsewhere);
}
