package org.probity.conformance.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.probity.conformance.Description;
import org.probity.conformance.Op;

/** The values of an op's enumerated argument to check: those the implementation declares (all by default). */
final class Variants {
    /** The reason a property is skipped when the declared variants name no value Probity knows. */
    static final String NONE_KNOWN = "variants name none of ";

    private Variants() {
    }

    /** The values of {@code all} (in their order) that {@code d} declares for {@code op}. */
    static <T> List<T> of(Description d, Op op, T[] all, Function<T, String> label) {
        List<String> allowed = d.variantsOf(op, op.knownVariants());
        List<T> out = new ArrayList<>();
        for (T x : all) {
            if (allowed.contains(label.apply(x))) {
                out.add(x);
            }
        }
        return out;
    }
}
