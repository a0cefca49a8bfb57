package org.probity.conformance;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What an implementation says about itself (the answer to {@code describe}): its name, the ops it
 * supports and the precision it computes in. Ops not listed are skipped and reported as not checked.
 */
public final class Description {
    private static final String MSG_BLANK = "name: expected a non-blank implementation name, got '%s'";

    private final String name;
    private final Set<Op> ops;
    private final Precision precision;

    private Description(String name, Set<Op> ops, Precision precision) {
        this.name = name;
        this.ops = ops;
        this.precision = precision;
    }

    /**
     * A description.
     *
     * @param name the implementation's name, non-blank
     * @param ops the ops it supports (copied)
     * @param precision the arithmetic it computes in
     * @return the description
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Description of(String name, Set<Op> ops, Precision precision) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ops, "ops");
        Objects.requireNonNull(precision, "precision");
        if (name.isBlank()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_BLANK, name));
        }
        Set<Op> copy = ops.isEmpty() ? EnumSet.noneOf(Op.class) : EnumSet.copyOf(ops);
        return new Description(name, Collections.unmodifiableSet(copy), precision);
    }

    /** The implementation's name. */
    public String name() {
        return name;
    }

    /** The supported ops, in protocol order (unmodifiable). */
    public Set<Op> ops() {
        return ops;
    }

    /** The declared precision. */
    public Precision precision() {
        return precision;
    }

    /** Whether {@code op} is supported. */
    public boolean supports(Op op) {
        return ops.contains(op);
    }

    @Override
    public String toString() {
        return name + " (" + precision.wireName() + ", ops " + ops + ")";
    }
}
