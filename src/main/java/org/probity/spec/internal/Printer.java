package org.probity.spec.internal;

import java.util.List;
import java.util.stream.Collectors;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Statement;
import org.probity.spec.ast.VarItem;

/**
 * Prints the AST back in source notation, with the fewest parentheses that parse back to the same
 * tree: {@code Parser.parseExpression(Printer.print(e)).equals(e)}.
 */
public final class Printer {
    private static final int SUM = 1;
    private static final int PRODUCT = 2;
    private static final int UNARY = 3;
    private static final int PRIMARY = 5;

    private Printer() {
    }

    /** Source notation of an expression. */
    public static String print(Expr e) {
        StringBuilder sb = new StringBuilder();
        write(e, sb);
        return sb.toString();
    }

    /** Source notation of a statement (one logical line; derivation steps on their own lines). */
    public static String print(Statement s) {
        if (s instanceof Statement.Title t) {
            return "title \"" + t.text() + "\"";
        }
        if (s instanceof Statement.Model m) {
            return "model " + String.join(" ", m.families()) + " states " + m.statesLo() + ".." + m.statesHi()
                + " steps " + m.stepsLo() + ".." + m.stepsHi() + (m.positive() ? " positive" : "");
        }
        if (s instanceof Statement.Let l) {
            return "let " + l.name() + " = " + print(l.value());
        }
        if (s instanceof Statement.Claim c) {
            String head = c.index() == null ? ""
                : "for " + c.index() + " = " + print(c.from()) + ".." + print(c.to()) + ", ";
            return "claim \"" + c.name() + "\": " + head + print(c.lhs()) + " " + c.relation() + " " + print(c.rhs());
        }
        Statement.Derive d = (Statement.Derive) s;
        StringBuilder sb = new StringBuilder("derive \"" + d.name() + "\":\n     " + print(d.start()));
        for (Statement.Step step : d.steps()) {
            sb.append("\n  ").append(step.relation()).append(' ').append(print(step.expr()));
            if (step.reason() != null) {
                sb.append("   by \"").append(step.reason()).append('"');
            }
        }
        return sb.toString();
    }

    static int precedence(Expr e) {
        if (e instanceof Expr.Bin b) {
            switch (b.op()) {
                case '+':
                case '-':
                    return SUM;
                case '*':
                case '/':
                    return PRODUCT;
                default:
                    return 4;
            }
        }
        if (e instanceof Expr.Neg) {
            return UNARY;
        }
        return PRIMARY;
    }

    private static void wrap(Expr e, int minPrecedence, StringBuilder sb) {
        if (precedence(e) < minPrecedence) {
            sb.append('(');
            write(e, sb);
            sb.append(')');
        } else {
            write(e, sb);
        }
    }

    private static void write(Expr e, StringBuilder sb) {
        if (e instanceof Expr.Num n) {
            sb.append(number(n.value()));
        } else if (e instanceof Expr.Steps) {
            sb.append('T');
        } else if (e instanceof Expr.Name n) {
            sb.append(n.name());
        } else if (e instanceof Expr.Var v) {
            sb.append(variable(v.index()));
        } else if (e instanceof Expr.Neg n) {
            sb.append('-');
            wrap(n.operand(), UNARY, sb);
        } else if (e instanceof Expr.Bin b) {
            int p = precedence(b);
            if (b.op() == '^') {
                wrap(b.left(), PRIMARY, sb);
                sb.append('^');
                wrap(b.right(), UNARY, sb);
            } else {
                wrap(b.left(), p, sb);
                sb.append(' ').append(b.op()).append(' ');
                wrap(b.right(), p + 1, sb);
            }
        } else if (e instanceof Expr.Call c) {
            sb.append(c.function()).append('(');
            write(c.argument(), sb);
            sb.append(')');
        } else if (e instanceof Expr.Density d) {
            sb.append(d.generative() ? 'p' : 'q').append('(').append(items(d.targets()));
            if (!d.given().isEmpty()) {
                sb.append(" | ").append(items(d.given()));
            }
            sb.append(')');
        } else if (e instanceof Expr.Normal n) {
            sb.append("N(").append(item(n.at())).append("; ");
            write(n.mean(), sb);
            sb.append(", ");
            write(n.variance(), sb);
            sb.append(')');
        } else if (e instanceof Expr.Expect x) {
            sb.append("E_{");
            write(x.distribution(), sb);
            sb.append("}[ ");
            write(x.body(), sb);
            sb.append(" ]");
        } else if (e instanceof Expr.Integral i) {
            sb.append("int_{").append(items(i.variables())).append("}( ");
            write(i.body(), sb);
            sb.append(" )");
        } else if (e instanceof Expr.Sum s) {
            sb.append(s.product() ? "prod_{" : "sum_{").append(s.index()).append('=');
            write(s.from(), sb);
            sb.append("}^{");
            write(s.to(), sb);
            sb.append("}( ");
            write(s.body(), sb);
            sb.append(" )");
        } else if (e instanceof Expr.Kl k) {
            sb.append("KL( ");
            write(k.first(), sb);
            sb.append(" || ");
            write(k.second(), sb);
            sb.append(" )");
        } else if (e instanceof Expr.Entropy h) {
            sb.append("H( ");
            write(h.first(), sb);
            if (h.second() != null) {
                sb.append(", ");
                write(h.second(), sb);
            }
            sb.append(" )");
        } else {
            throw new IllegalStateException("unknown node " + e);
        }
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    static String items(List<VarItem> items) {
        return items.stream().map(Printer::item).collect(Collectors.joining(", "));
    }

    static String item(VarItem v) {
        if (v.isRange()) {
            return "x_{" + print(v.from()) + ":" + print(v.to()) + "}";
        }
        String s = variable(v.from());
        return v.pinned() == null ? s : s + " = " + print(v.pinned());
    }

    static String variable(Expr index) {
        if (index instanceof Expr.Num n && n.value() == Math.rint(n.value()) && n.value() >= 0 && n.value() < 1e9) {
            return "x_" + (long) n.value();
        }
        if (index instanceof Expr.Steps) {
            return "x_T";
        }
        if (index instanceof Expr.Name n && n.name().matches("[A-Za-z][A-Za-z0-9]*")) {
            return "x_" + n.name();
        }
        return "x_{" + print(index) + "}";
    }
}
