package org.probity.check.internal;

import java.util.Objects;
import java.util.function.Function;
import org.probity.check.Choices;
import org.probity.check.Gen;

/**
 * The generator behind {@code Gens.recursive}: a definition that refers to itself, expanded one
 * level per use of itself while the value's budget of expansions lasts, then cut off with the base
 * generator. The budget is counted per outermost value on the generating thread, so the nesting
 * depth, and with it the stack, is bounded by {@code maxSize} levels however the alternatives are
 * weighted.
 *
 * @param <T> the type of the generated values
 */
public final class Recursive<T> implements Gen<T> {
    private final Gen<? extends T> base;
    private final Gen<? extends T> level;
    private final int maxSize;
    private final Object label = new Object();
    /** Per thread: {open levels, expansions used by the current outermost value}. */
    private final ThreadLocal<int[]> budget = ThreadLocal.withInitial(() -> new int[2]);

    /**
     * @param base the generator once the budget is spent
     * @param extend builds one level from the generator itself
     * @param maxSize the most expansions per outermost value, {@code >= 1}
     */
    public Recursive(Gen<? extends T> base, Function<Gen<T>, Gen<? extends T>> extend, int maxSize) {
        this.base = base;
        this.maxSize = maxSize;
        this.level = Objects.requireNonNull(extend.apply(this), "recursive: extend returned null");
    }

    @Override
    public T generate(Choices c) {
        int[] b = budget.get();
        if (b[0] == 0) {
            b[1] = 0;
        }
        if (b[1] >= maxSize) {
            return base.generate(c);
        }
        b[1]++;
        b[0]++;
        try {
            c.beginSpan(label);
            T v = level.generate(c);
            c.endSpan();
            return v;
        } finally {
            b[0]--;
        }
    }
}
