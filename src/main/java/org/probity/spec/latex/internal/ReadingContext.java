package org.probity.spec.latex.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.probity.spec.ast.VarItem;

/**
 * What the translation of one formula may use from the document around it, and what it infers:
 * the names defined so far, whether the document is a VAE (z is x_1, T = 1), the variables of the
 * surrounding relation and of the previous display (for bare distribution arguments), and the
 * readings it made (shown in the report).
 */
public final class ReadingContext {
    final Set<String> defined = new LinkedHashSet<>();
    final Map<String, String> unreadable = new HashMap<>();
    boolean vae;
    /** Whether the model in force has VDM's continuous-time schedule (option {@code vdm}): {@link ContinuousTime}. */
    boolean vdm;
    List<VarItem> relationVariables = List.of();
    List<VarItem> previousVariables = List.of();
    final List<String> readings = new ArrayList<>();
    final Map<String, org.probity.spec.ast.Expr> namings = new java.util.LinkedHashMap<>();
    /** The networks declared (in an option comment) or recognised from notation so far, by name. */
    final Map<String, org.probity.spec.ast.Statement.Network> networks = new java.util.LinkedHashMap<>();
    /** The noise variables bound by the enclosing noise expectations, innermost first. */
    final java.util.Deque<String> noises = new java.util.ArrayDeque<>();

    /** A context with these names defined (lets). */
    public static ReadingContext of(Set<String> defined, boolean vae) {
        ReadingContext c = new ReadingContext();
        c.defined.addAll(defined);
        c.vae = vae;
        return c;
    }

    /** The readings (inferences) made while translating, in order, without repeats. */
    public List<String> readings() {
        return List.copyOf(new LinkedHashSet<>(readings));
    }

    void read(String reading) {
        readings.add(reading);
    }
}
