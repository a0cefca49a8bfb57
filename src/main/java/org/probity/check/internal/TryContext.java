package org.probity.check.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the body of a property reports about the try it is running — statistics to collect and
 * values to target — held per thread while the engine evaluates the body. {@code assume} needs no
 * context: it throws a {@link Discard} that the engine counts.
 *
 * <p>A run makes one context ({@link #forThisThread()}) and reuses it for every try: {@link #enter()}
 * empties it and makes it the thread's current one, {@link #exit()} restores the context that was
 * current before (a property checked inside another's body has its own). That is one thread-local
 * look-up per run rather than two and an allocation per try, which a try of a simple property
 * would notice; a body that reports nothing costs two array stores.
 */
public final class TryContext {
    /** Per thread, a one-element holder: set and cleared per try without ThreadLocal.set/remove's housekeeping. */
    private static final ThreadLocal<TryContext[]> CURRENT = ThreadLocal.withInitial(() -> new TryContext[1]);

    private final TryContext[] slot;
    private TryContext outer;
    // Made when first used: most bodies report nothing, and a try is short.
    private Set<Map.Entry<String, String>> collected = Set.of();
    private Map<String, Double> targets = Map.of();

    private TryContext(TryContext[] slot) {
        this.slot = slot;
    }

    /** A context for evaluating bodies on the calling thread (and only there). */
    public static TryContext forThisThread() {
        return new TryContext(CURRENT.get());
    }

    /** Empties this context and makes it the current one of its thread, for one evaluation of a body. */
    public void enter() {
        if (!isEmpty()) {
            collected = Set.of();
            targets = Map.of();
        }
        outer = slot[0];
        slot[0] = this;
    }

    /** Ends the evaluation: the context current before {@link #enter()} is current again. */
    public void exit() {
        slot[0] = outer;
        outer = null;
    }

    /** The context of the body running on this thread, or null outside a body. */
    public static TryContext current() {
        return CURRENT.get()[0];
    }

    /** Records that this try has {@code value} for {@code statistic} (once per try and value). */
    public void collect(String statistic, String value) {
        if (collected.isEmpty()) {
            collected = new LinkedHashSet<>();
        }
        collected.add(Map.entry(statistic, value));
    }

    /** Records {@code value} for {@code label}, keeping the largest reported in this try. */
    public void target(String label, double value) {
        if (targets.isEmpty()) {
            targets = new LinkedHashMap<>();
        }
        targets.merge(label, value, Math::max);
    }

    /** Whether this try reported nothing. */
    public boolean isEmpty() {
        return collected.isEmpty() && targets.isEmpty();
    }

    /** The (statistic, value) pairs this try collected. */
    public Set<Map.Entry<String, String>> collected() {
        return collected;
    }

    /** The largest value per label this try targeted. */
    public Map<String, Double> targets() {
        return targets;
    }
}
