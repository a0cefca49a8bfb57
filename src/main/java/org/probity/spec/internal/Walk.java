package org.probity.spec.internal;

import java.util.ArrayList;
import java.util.List;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.VarItem;

/** The direct children of an expression node, variable indices and pinned values included. */
final class Walk {
    private static final Expr.Visitor<List<Expr>> CHILDREN = new Expr.Visitor<>() {
        @Override
        public List<Expr> num(Expr.Num e) {
            return List.of();
        }

        @Override
        public List<Expr> steps(Expr.Steps e) {
            return List.of();
        }

        @Override
        public List<Expr> name(Expr.Name e) {
            return List.of();
        }

        @Override
        public List<Expr> var(Expr.Var e) {
            return of(e.index());
        }

        @Override
        public List<Expr> neg(Expr.Neg e) {
            return of(e.operand());
        }

        @Override
        public List<Expr> bin(Expr.Bin e) {
            return of(e.left(), e.right());
        }

        @Override
        public List<Expr> call(Expr.Call e) {
            return List.copyOf(e.arguments());
        }

        @Override
        public List<Expr> identity(Expr.Identity e) {
            return List.of();
        }

        @Override
        public List<Expr> dims(Expr.Dims e) {
            return List.of();
        }

        @Override
        public List<Expr> density(Expr.Density e) {
            List<Expr> out = new ArrayList<>();
            e.targets().forEach(v -> items(v, out));
            e.given().forEach(v -> items(v, out));
            return out;
        }

        @Override
        public List<Expr> normal(Expr.Normal e) {
            List<Expr> out = new ArrayList<>();
            items(e.at(), out);
            out.addAll(of(e.mean(), e.variance()));
            return out;
        }

        @Override
        public List<Expr> expect(Expr.Expect e) {
            return of(e.distribution(), e.body());
        }

        @Override
        public List<Expr> integral(Expr.Integral e) {
            List<Expr> out = new ArrayList<>();
            e.variables().forEach(v -> items(v, out));
            out.add(e.body());
            return out;
        }

        @Override
        public List<Expr> sum(Expr.Sum e) {
            return of(e.from(), e.to(), e.body());
        }

        @Override
        public List<Expr> kl(Expr.Kl e) {
            return of(e.first(), e.second());
        }

        @Override
        public List<Expr> entropy(Expr.Entropy e) {
            return of(e.first(), e.second());
        }

        @Override
        public List<Expr> net(Expr.Net e) {
            List<Expr> out = new ArrayList<>(e.inputs());
            out.addAll(of(e.step()));
            return out;
        }

        @Override
        public List<Expr> noise(Expr.Noise e) {
            return List.of();
        }

        @Override
        public List<Expr> timeIntegral(Expr.TimeIntegral e) {
            return of(e.from(), e.to(), e.body());
        }

        @Override
        public List<Expr> noiseExpect(Expr.NoiseExpect e) {
            List<Expr> out = new ArrayList<>();
            e.substituted().forEach(v -> items(v, out));
            out.addAll(e.values());
            out.add(e.body());
            return out;
        }
    };

    private Walk() {
    }

    /** Whether {@code e}, with every let it uses expanded, has a node of class {@code kind}. */
    static boolean contains(Expr e, java.util.Map<String, Expr> lets, Class<? extends Expr> kind) {
        return first(e, lets, kind) != null;
    }

    /** The first node of class {@code kind} in {@code e} with every let it uses expanded (depth first), or null. */
    static Expr first(Expr e, java.util.Map<String, Expr> lets, Class<? extends Expr> kind) {
        java.util.ArrayDeque<Expr> todo = new java.util.ArrayDeque<>(List.of(e));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            Expr x = todo.pop();
            if (kind.isInstance(x)) {
                return x;
            }
            if (x instanceof Expr.Name n && lets.containsKey(n.name()) && seen.add(n.name())) {
                todo.push(lets.get(n.name()));
            }
            todo.addAll(children(x));
        }
        return null;
    }

    /** The direct children of {@code e}, in source order. */
    static List<Expr> children(Expr e) {
        return e.accept(CHILDREN);
    }

    private static void items(VarItem v, List<Expr> out) {
        out.addAll(of(v.from(), v.to(), v.pinned()));
    }

    private static List<Expr> of(Expr... es) {
        List<Expr> out = new ArrayList<>(es.length);
        for (Expr e : es) {
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }
}
