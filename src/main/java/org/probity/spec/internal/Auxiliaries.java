package org.probity.spec.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.probity.spec.ast.Expr;

/**
 * What a relation uses besides the model's variables, its lets included: the networks it applies
 * (drawn per instance, {@link Networks}) and the noise variables it binds (each an extra d slots
 * after x_0..x_T in the gaussian evaluator, in name order).
 */
record Auxiliaries(Map<String, Networks.Shape> networks, List<String> noises) {
    static final Auxiliaries NONE = new Auxiliaries(Map.of(), List.of());

    /** Those of {@code es} and of every let they use. */
    static Auxiliaries of(Map<String, Expr> lets, Expr... es) {
        Map<String, Networks.Shape> nets = new TreeMap<>();
        Set<String> noises = new TreeSet<>();
        Set<String> seenLets = new HashSet<>();
        List<Expr> todo = new ArrayList<>();
        for (Expr e : es) {
            if (e != null) {
                todo.add(e);
            }
        }
        while (!todo.isEmpty()) {
            Expr e = todo.remove(todo.size() - 1);
            if (e instanceof Expr.Net n) {
                nets.put(n.name(), new Networks.Shape(n.inputs().size(), n.step() != null));
            } else if (e instanceof Expr.NoiseExpect x) {
                noises.add(x.noise());
            } else if (e instanceof Expr.Name n && lets.containsKey(n.name()) && seenLets.add(n.name())) {
                todo.add(lets.get(n.name()));
            }
            todo.addAll(Walk.children(e));
        }
        return new Auxiliaries(Map.copyOf(nets), List.copyOf(noises));
    }
}
