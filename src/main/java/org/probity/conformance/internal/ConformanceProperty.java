package org.probity.conformance.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import org.probity.check.Gen;
import org.probity.conformance.Op;

/**
 * One checked property of an op: a generator of cases (each case a batch of element-wise inputs),
 * an evaluator that answers a list of cases with as few requests as the ops allow, and a printer
 * for the shrunk input of a finding (the ops are element-wise, so the failing element of the batch
 * alone is the failing input).
 *
 * @param <C> the case type
 */
public final class ConformanceProperty<C> {
    /** Whether the property needs Probity's reference (PROTOCOL.md "What is checked" 1 and 2). */
    public enum Kind {
        /** A property of the implementation alone. */
        SELF,
        /** Agreement with Probity's reference. */
        REFERENCE
    }

    /** Answers a list of cases, one outcome each, in order; may throw OpError / AdapterFault. */
    @FunctionalInterface
    public interface Evaluator<C> {
        List<Outcome> evaluate(CheckContext ctx, List<C> cases);
    }

    private final String name;
    private final Op op;
    private final Kind kind;
    private final Set<Op> requires;
    private final Gen<C> gen;
    private final Evaluator<C> evaluator;
    private final BiFunction<C, Integer, String> show;
    private final int minSteps;
    private final String unavailable;

    private ConformanceProperty(String name, Op op, Kind kind, Set<Op> requires, Gen<C> gen, Evaluator<C> evaluator,
                                BiFunction<C, Integer, String> show, int minSteps, String unavailable) {
        this.name = name;
        this.op = op;
        this.kind = kind;
        this.requires = requires;
        this.gen = gen;
        this.evaluator = evaluator;
        this.show = show;
        this.minSteps = minSteps;
        this.unavailable = unavailable;
    }

    /**
     * A property attributed to {@code op}, checked only when every op in {@code also} (and {@code op})
     * is supported.
     */
    public static <C> ConformanceProperty<C> of(String name, Op op, Kind kind, Set<Op> also, Gen<C> gen,
                                                Evaluator<C> evaluator, BiFunction<C, Integer, String> show) {
        Set<Op> req = EnumSet.of(Objects.requireNonNull(op, "op"));
        req.addAll(also);
        return new ConformanceProperty<>(name, op, kind, req, gen, evaluator, show, 1, null);
    }

    /**
     * A copy whose generated schedules have at least {@code steps} steps (2 for the posterior ops): the
     * checker skips it when the adapter's {@code limits} allow no such T.
     */
    public ConformanceProperty<C> withMinSteps(int steps) {
        return new ConformanceProperty<>(name, op, kind, requires, gen, evaluator, show, steps, unavailable);
    }

    /**
     * A copy that is not run, for the given reason (e.g. the adapter's {@code variants} leave no value
     * the property needs); the checker reports it as skipped.
     */
    public ConformanceProperty<C> unavailable(String reason) {
        return new ConformanceProperty<>(name, op, kind, requires, gen, evaluator, show, minSteps, reason);
    }

    /** Why the property cannot run against this implementation, or empty. */
    public java.util.Optional<String> unavailableReason() {
        return java.util.Optional.ofNullable(unavailable);
    }

    /** The smallest schedule length T its cases use (1 unless set by {@link #withMinSteps}). */
    public int minSteps() {
        return minSteps;
    }

    public String name() {
        return name;
    }

    public Op op() {
        return op;
    }

    public Kind kind() {
        return kind;
    }

    public Set<Op> requires() {
        return requires;
    }

    public Gen<C> gen() {
        return gen;
    }

    public List<Outcome> evaluate(CheckContext ctx, List<C> cases) {
        return evaluator.evaluate(ctx, cases);
    }

    /** Prints a case; {@code focus} is the index of the failing element of the batch, or −1. */
    public String show(C c, int focus) {
        return show.apply(c, focus);
    }
}
