package org.probity.spec.internal;

import java.util.List;
import org.probity.spec.ast.Expr;

/**
 * What every walk over an expression's values does alike: a node without children (a number,
 * {@code T}, {@code I}, {@code dims}, a noise variable) is a {@link #leaf}, and a node whose children
 * are plain operands — {@code -a}, a flat chain {@code a op b op ...} (walked through {@link Chain},
 * so that a sum of many terms costs no stack) and a call {@code f(a, ...)} — is folded from its
 * operands by {@link #operands}. Every node that names, indexes or binds something (names,
 * variables, densities, N, E, int, sum/prod, KL, H, networks and noise expectations) stays abstract,
 * so that the compiler names each node a walk must decide on; a walk overrides {@link #call} where a
 * schedule function's argument (a step, not a value) needs its own treatment.
 *
 * @param <R> what the walk returns for a node
 */
abstract class OperandVisitor<R> implements Expr.Visitor<R> {
    /** The result for a node without children. */
    abstract R leaf(Expr e);

    /** The result for {@code e} from its operands, in source order. */
    abstract R operands(Expr e, List<Expr> operands);

    @Override
    public R num(Expr.Num e) {
        return leaf(e);
    }

    @Override
    public R steps(Expr.Steps e) {
        return leaf(e);
    }

    @Override
    public R identity(Expr.Identity e) {
        return leaf(e);
    }

    @Override
    public R dims(Expr.Dims e) {
        return leaf(e);
    }

    @Override
    public R noise(Expr.Noise e) {
        return leaf(e);
    }

    @Override
    public R neg(Expr.Neg e) {
        return operands(e, List.of(e.operand()));
    }

    @Override
    public R bin(Expr.Bin e) {
        return operands(e, Chain.of(e).operands());
    }

    @Override
    public R call(Expr.Call e) {
        return operands(e, e.arguments());
    }
}
