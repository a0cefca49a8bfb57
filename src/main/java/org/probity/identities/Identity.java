package org.probity.identities;

import java.util.Objects;
import org.probity.check.Property;
import org.probity.check.Verdict;

/**
 * A named identity of the catalog: a statement, the family of models it is about, and the property
 * that checks it on generated instances. The engine, JUnit and the command line run the same value.
 *
 * @param name a unique name, e.g. "cross-entropy = KL + entropy (categorical)"
 * @param family the model family: "categorical", "gaussian", "finite-chain", "gaussian-diffusion", "d3pm", ...
 * @param statement the identity in mathematical notation
 * @param property the property that checks it
 */
public record Identity(String name, String family, String statement, Property<?> property) {
    /** Validates that no field is null or blank. */
    public Identity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(property, "property");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name: expected a non-blank identity name");
        }
    }

    /** The label under which catalog properties target their worst discrepancy over tolerance. */
    public static final String TARGET = "err/tol";

    /**
     * An identity; see the record components. Its property {@link Property#targeting targets}
     * {@link #TARGET}, the share of the tolerance its comparisons use ({@link Verdict#usage()}), so
     * that a run searches for, and reports, the worst case it can find.
     */
    public static Identity of(String name, String family, String statement, Property<?> property) {
        return new Identity(name, family, statement, property.targeting(TARGET, Verdict::usage));
    }
}
