package org.probity.check;

import java.util.function.Function;
import org.probity.check.internal.Discard;
import org.probity.check.internal.Show;
import org.probity.check.internal.TryContext;

/**
 * Evaluates a property's body the way a run needs it: a throw from the generator or the body, an
 * {@code Error} included, is a failing verdict; an {@code assume} that does not hold is a discard
 * with its reason; what the body reports ({@code collect}, {@code target}) is caught in a
 * {@link TryContext} that the run reuses from try to try.
 *
 * @param <T> the type of the inputs
 */
final class Evaluator<T> {
    /** What the generator produced: a value, or what it threw before it built one. */
    record Generated<T>(T value, Throwable error) {
        @Override
        public String toString() {
            return error == null ? Show.value(value) : "(the generator threw before it built a value)";
        }
    }

    /**
     * One evaluation of the body: its verdict, or why the try was discarded, and what it reported
     * (null when the body did not run); the context is valid until the next evaluation.
     */
    record Evaluation(Verdict verdict, String discard, TryContext context) {
    }

    private final Function<? super T, Verdict> body;
    /** What the body reports in the current try; reused from try to try (see {@link TryContext}). */
    private final TryContext context = TryContext.forThisThread();

    /** An evaluator of {@code body} on the calling thread. */
    Evaluator(Function<? super T, Verdict> body) {
        this.body = body;
    }

    /** {@code gen}, with what it throws (other than a discard) turned into a value. */
    static <T> Gen<Generated<T>> safe(Gen<T> gen) {
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

    /**
     * Evaluates the body on {@code g} inside the run's {@link TryContext}, emptied first: a throw is
     * a failing verdict ({@link Verdict#thrown}), an {@code assume} that does not hold a discard.
     */
    Evaluation evaluate(Generated<T> g) {
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

    /** The body as the shrinker calls it: the verdict, or a {@link Discard} thrown for an input assumed away. */
    Verdict verdictOrDiscard(Generated<T> g) {
        Evaluation e = evaluate(g);
        if (e.discard() != null) {
            throw new Discard(e.discard());
        }
        return e.verdict();
    }
}
