package org.probity.conformance;

import java.util.Set;

/**
 * One property that {@code check-impl} checks for an op (the catalog {@code --list-ops} prints): its
 * name, whether it is a property of the implementation alone or agreement with Probity's reference,
 * and the other ops it needs (it is skipped when the implementation does not list them).
 *
 * @param op the op the property is attributed to
 * @param name the property's name, as findings print it
 * @param selfConsistency true for a property of the implementation alone
 * @param companions the other ops the property calls
 */
public record CheckedProperty(Op op, String name, boolean selfConsistency, Set<Op> companions) {
    /** @throws NullPointerException if an argument is null */
    public CheckedProperty {
        java.util.Objects.requireNonNull(op, "op");
        java.util.Objects.requireNonNull(name, "name");
        companions = Set.copyOf(companions);
    }
}
