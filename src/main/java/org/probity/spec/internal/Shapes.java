package org.probity.spec.internal;

import java.util.HashMap;
import java.util.Map;
import org.probity.spec.SpecSyntaxException;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Function;

/**
 * The shape of every expression: a number, a vector of the model's dimension d (a variable, a
 * network's value, elementwise arithmetic on them), or a diagonal matrix ({@code I}, {@code diag(v)}
 * and their products, sums and powers). Vectors and matrices are evaluated one component at a time
 * ({@link Scope#component}); reductions ({@code sumdims}, {@code dot}, {@code norm2}, {@code tr},
 * {@code det}) turn them into numbers. A number where a vector is expected is broadcast.
 */
final class Shapes implements Expr.Visitor<Shapes.Shape> {
    /** What an expression is. */
    enum Shape {
        /** One number. */
        SCALAR,
        /** d numbers, one per dimension. */
        VECTOR,
        /** A diagonal d x d matrix. */
        MATRIX;

        static Shape join(Shape a, Shape b) {
            return a.ordinal() >= b.ordinal() ? a : b;
        }
    }

    /** How a shape error is reported. */
    interface Errors {
        /** The error at {@code node}. */
        SpecSyntaxException at(Object node, String expected, String found);
    }

    private final Map<String, Expr> lets;
    private final Errors errors;
    private final Map<String, Shape> letShapes = new HashMap<>();

    Shapes(Map<String, Expr> lets, Errors errors) {
        this.lets = lets;
        this.errors = errors;
    }

    Shape of(Expr e) {
        return e == null ? Shape.SCALAR : e.accept(this);
    }

    private void require(Expr e, String what, Shape... allowed) {
        Shape s = of(e);
        for (Shape a : allowed) {
            if (s == a) {
                return;
            }
        }
        throw errors.at(e, what, "a " + s.name().toLowerCase(java.util.Locale.ROOT) + ": " + Printer.print(e));
    }

    @Override
    public Shape num(Expr.Num e) {
        return Shape.SCALAR;
    }

    @Override
    public Shape steps(Expr.Steps e) {
        return Shape.SCALAR;
    }

    @Override
    public Shape name(Expr.Name e) {
        Expr body = lets.get(e.name());
        if (body == null) {
            return Shape.SCALAR;
        }
        Shape known = letShapes.get(e.name());
        if (known == null) {
            known = of(body);
            letShapes.put(e.name(), known);
        }
        return known;
    }

    @Override
    public Shape var(Expr.Var e) {
        return Shape.VECTOR;
    }

    @Override
    public Shape neg(Expr.Neg e) {
        return of(e.operand());
    }

    @Override
    public Shape bin(Expr.Bin e) {
        Chain c = Chain.of(e);
        Shape acc = of(c.first());
        for (int k = 1; k <= c.size(); k++) {
            Expr.Bin node = c.nodes().get(k - 1);
            Shape r = of(c.operand(k));
            acc = combine(node, acc, r);
        }
        return acc;
    }

    private Shape combine(Expr.Bin node, Shape l, Shape r) {
        switch (node.op()) {
            case POWER:
                if (r != Shape.SCALAR) {
                    throw errors.at(node.right(), "a number as the exponent", Printer.print(node.right()));
                }
                return l;
            case ADD:
            case SUBTRACT:
                if ((l == Shape.MATRIX) != (r == Shape.MATRIX)) {
                    throw errors.at(node, "a sum of two matrices or of numbers and vectors",
                        "a matrix and a " + (l == Shape.MATRIX ? r : l).name().toLowerCase(java.util.Locale.ROOT));
                }
                return Shape.join(l, r);
            case MULTIPLY:
                if (l == Shape.MATRIX && r == Shape.VECTOR || l == Shape.VECTOR && r == Shape.MATRIX) {
                    return Shape.VECTOR;
                }
                return Shape.join(l, r);
            default:
                if (r == Shape.MATRIX && l != Shape.MATRIX) {
                    throw errors.at(node, "a division by a number or a vector", "a division by a matrix");
                }
                return Shape.join(l, r);
        }
    }

    @Override
    public Shape call(Expr.Call e) {
        Function f = e.function();
        switch (f.kind()) {
            case SCHEDULE:
            case STATIONARY:
                return Shape.SCALAR;
            case TIME:
                require(e.argument(), "a number (a time in [0, 1]) in " + f + "(...)", Shape.SCALAR);
                return Shape.SCALAR;
            case ELEMENTWISE:
                require(e.argument(), "a number or a vector in " + f + "(...)", Shape.SCALAR, Shape.VECTOR);
                return of(e.argument());
            case DIAGONAL:
                require(e.argument(), "a vector or a number in diag(...)", Shape.SCALAR, Shape.VECTOR);
                return Shape.MATRIX;
            default:
                switch (f) {
                    case TR:
                    case DET:
                        require(e.argument(), "a diagonal matrix in " + f + "(...)", Shape.MATRIX);
                        break;
                    case SUMDIMS:
                        require(e.argument(), "a vector or a number in sumdims(...)", Shape.SCALAR, Shape.VECTOR);
                        break;
                    default:
                        for (Expr a : e.arguments()) {
                            require(a, "a vector or a number in " + f + "(...)", Shape.SCALAR, Shape.VECTOR);
                        }
                }
                return Shape.SCALAR;
        }
    }

    @Override
    public Shape identity(Expr.Identity e) {
        return Shape.MATRIX;
    }

    @Override
    public Shape dims(Expr.Dims e) {
        return Shape.SCALAR;
    }

    @Override
    public Shape density(Expr.Density e) {
        return Shape.SCALAR;
    }

    @Override
    public Shape normal(Expr.Normal e) {
        require(e.mean(), "a vector or a number as the mean of N(x; m, v)", Shape.SCALAR, Shape.VECTOR);
        require(e.variance(), "a number (v I) or a diagonal matrix as the variance of N(x; m, v)", Shape.SCALAR,
            Shape.MATRIX);
        return Shape.SCALAR;
    }

    @Override
    public Shape expect(Expr.Expect e) {
        of(e.distribution());
        return of(e.body());
    }

    @Override
    public Shape integral(Expr.Integral e) {
        return of(e.body());
    }

    @Override
    public Shape sum(Expr.Sum e) {
        return of(e.body());
    }

    @Override
    public Shape kl(Expr.Kl e) {
        of(e.first());
        of(e.second());
        return Shape.SCALAR;
    }

    @Override
    public Shape entropy(Expr.Entropy e) {
        of(e.first());
        of(e.second());
        return Shape.SCALAR;
    }

    @Override
    public Shape net(Expr.Net e) {
        for (Expr a : e.inputs()) {
            require(a, "a vector or a number as the input of " + e.name() + "(...)", Shape.SCALAR, Shape.VECTOR);
        }
        return Shape.VECTOR;
    }

    @Override
    public Shape noise(Expr.Noise e) {
        return Shape.VECTOR;
    }

    @Override
    public Shape noiseExpect(Expr.NoiseExpect e) {
        for (Expr v : e.values()) {
            require(v, "a vector or a number substituted for a variable", Shape.SCALAR, Shape.VECTOR);
        }
        return of(e.body());
    }

    @Override
    public Shape timeIntegral(Expr.TimeIntegral e) {
        require(e.from(), "a number as the lower limit of int_{" + e.variable() + "=a}^{b}", Shape.SCALAR);
        require(e.to(), "a number as the upper limit of int_{" + e.variable() + "=a}^{b}", Shape.SCALAR);
        return of(e.body());
    }
}
