package org.probity.check.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the body of a property reports about the try it is running — statistics to collect and
 * values to target — held per thread while the engine evaluates the body. {@code assume} needs no
 * context: it throws a {@link Discard} that the engine counts.
 */
public final class TryContext {
    /** Per thread, a one-element holder: set and cleared per try without ThreadLocal.set/remove's housekeeping. */
    private static final ThreadLocal<TryContext[]> CURRENT = ThreadLocal.withInitial(() -> new TryContext[1]);

    // Made when first used: most bodies report nothing, and a try is short.
    private Set<Map.Entry<String, String>> collected = Set.of();
    private Map<String, Double> targets = Map.of();

    private TryContext() {
    }

    /** Opens a fresh context on this thread for one evaluation of a body, and returns it. */
    public static TryContext open() {
        TryContext c = new TryContext();
        CURRENT.get()[0] = c;
        return c;
    }

    /** Closes the context of this thread. */
    public static void close() {
        CURRENT.get()[0] = null;
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
