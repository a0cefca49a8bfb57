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
    private static final ThreadLocal<TryContext> CURRENT = new ThreadLocal<>();

    private final Set<Map.Entry<String, String>> collected = new LinkedHashSet<>();
    private final Map<String, Double> targets = new LinkedHashMap<>();

    private TryContext() {
    }

    /** Opens a fresh context on this thread for one evaluation of a body, and returns it. */
    public static TryContext open() {
        TryContext c = new TryContext();
        CURRENT.set(c);
        return c;
    }

    /** Closes the context of this thread. */
    public static void close() {
        CURRENT.remove();
    }

    /** The context of the body running on this thread, or null outside a body. */
    public static TryContext current() {
        return CURRENT.get();
    }

    /** Records that this try has {@code value} for {@code statistic} (once per try and value). */
    public void collect(String statistic, String value) {
        collected.add(Map.entry(statistic, value));
    }

    /** Records {@code value} for {@code label}, keeping the largest reported in this try. */
    public void target(String label, double value) {
        targets.merge(label, value, Math::max);
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
