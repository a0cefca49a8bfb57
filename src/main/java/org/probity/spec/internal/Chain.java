package org.probity.spec.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Operator;

/**
 * A left-associated chain {@code e_0 op_1 e_1 op_2 ... op_n e_n} of operators of one precedence
 * level ({@code + -} or {@code * /}), as the parser builds a flat sum or product: a left-deep tree
 * of {@link Expr.Bin} nodes. Walks iterate over it instead of recursing down its left spine, so a
 * flat sum of 5000 terms costs no stack (issue 11); only nesting does, and nesting is limited by the
 * parser ({@link Limits#MAX_NESTING}).
 *
 * @param first e_0, the leftmost operand (not a Bin of this level)
 * @param nodes the Bin nodes from the innermost ({@code e_0 op_1 e_1}) to the outermost (the root)
 */
record Chain(Expr first, List<Expr.Bin> nodes) {

    /** The chain whose outermost node is {@code root} ({@code ^} is right-associative: a chain of one). */
    static Chain of(Expr.Bin root) {
        List<Expr.Bin> nodes = new ArrayList<>();
        Expr e = root;
        int level = root.op().precedence();
        while (e instanceof Expr.Bin b && b.op().precedence() == level && (b == root || b.op() != Operator.POWER)) {
            nodes.add(b);
            e = b.left();
            if (b.op() == Operator.POWER) {
                break;
            }
        }
        Collections.reverse(nodes);
        return new Chain(e, List.copyOf(nodes));
    }

    /** The number of operators. */
    int size() {
        return nodes.size();
    }

    /** op_k, k = 1..size(). */
    Operator op(int k) {
        return nodes.get(k - 1).op();
    }

    /** e_0, e_1, ..., e_n: every operand, in source order. */
    List<Expr> operands() {
        List<Expr> out = new ArrayList<>(nodes.size() + 1);
        out.add(first);
        for (Expr.Bin b : nodes) {
            out.add(b.right());
        }
        return out;
    }

    /** e_k, k = 1..size(): the right operand of the k-th node. */
    Expr operand(int k) {
        return nodes.get(k - 1).right();
    }
}
