package org.probity.spec.internal;

import java.util.List;
import java.util.stream.Collectors;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Operator;
import org.probity.spec.ast.Statement;
import org.probity.spec.ast.VarItem;

/**
 * Prints the AST back in source notation, with the fewest parentheses that parse back to the same
 * tree: {@code Parser.parseExpression(Printer.print(e)).equals(e)}.
 */
public final class Printer implements Expr.Visitor<Void> {
    private final StringBuilder sb;

    private Printer(StringBuilder sb) {
        this.sb = sb;
    }

    /** Source notation of an expression. */
    public static String print(Expr e) {
        StringBuilder sb = new StringBuilder();
        e.accept(new Printer(sb));
        return sb.toString();
    }

    /** Source notation of a statement (one logical line; derivation steps on their own lines). */
    public static String print(Statement s) {
        return StatementPrinter.print(s);
    }

    private void write(Expr e) {
        e.accept(this);
    }

    private void wrap(Expr e, int minPrecedence) {
        if (Precedence.of(e) < minPrecedence) {
            sb.append('(');
            write(e);
            sb.append(')');
        } else {
            write(e);
        }
    }

    @Override
    public Void num(Expr.Num e) {
        sb.append(number(e.value()));
        return null;
    }

    @Override
    public Void steps(Expr.Steps e) {
        sb.append('T');
        return null;
    }

    @Override
    public Void name(Expr.Name e) {
        sb.append(e.name());
        return null;
    }

    @Override
    public Void var(Expr.Var e) {
        sb.append(variable(e.index()));
        return null;
    }

    @Override
    public Void neg(Expr.Neg e) {
        sb.append('-');
        wrap(e.operand(), Precedence.UNARY);
        return null;
    }

    @Override
    public Void bin(Expr.Bin e) {
        if (e.op() == Operator.POWER) {
            wrap(e.left(), Precedence.PRIMARY);
            sb.append('^');
            wrap(e.right(), Precedence.UNARY);
            return null;
        }
        Chain c = Chain.of(e);
        int p = e.op().precedence();
        wrap(c.first(), p);
        for (int k = 1; k <= c.size(); k++) {
            sb.append(' ').append(c.op(k).symbol()).append(' ');
            wrap(c.operand(k), p + 1);
        }
        return null;
    }

    @Override
    public Void call(Expr.Call e) {
        sb.append(e.function().symbol()).append('(');
        for (int k = 0; k < e.arguments().size(); k++) {
            sb.append(k > 0 ? ", " : "");
            write(e.arguments().get(k));
        }
        sb.append(')');
        return null;
    }

    @Override
    public Void identity(Expr.Identity e) {
        sb.append('I');
        return null;
    }

    @Override
    public Void dims(Expr.Dims e) {
        sb.append("dims");
        return null;
    }

    @Override
    public Void density(Expr.Density e) {
        sb.append(e.generative() ? 'p' : 'q').append('(').append(items(e.targets()));
        if (!e.given().isEmpty()) {
            sb.append(" | ").append(items(e.given()));
        }
        sb.append(')');
        return null;
    }

    @Override
    public Void normal(Expr.Normal e) {
        sb.append("N(").append(item(e.at())).append("; ");
        write(e.mean());
        sb.append(", ");
        write(e.variance());
        sb.append(')');
        return null;
    }

    @Override
    public Void expect(Expr.Expect e) {
        sb.append("E_{");
        write(e.distribution());
        sb.append("}[ ");
        write(e.body());
        sb.append(" ]");
        return null;
    }

    @Override
    public Void integral(Expr.Integral e) {
        sb.append("int_{").append(items(e.variables())).append("}( ");
        write(e.body());
        sb.append(" )");
        return null;
    }

    @Override
    public Void sum(Expr.Sum e) {
        bounded(e.product() ? "prod_{" : "sum_{", e.index(), e.from(), e.to(), e.body());
        return null;
    }

    /** {@code head name=from}^{to}( body )}: sum_, prod_ and int_ over a real variable. */
    private void bounded(String head, String name, Expr from, Expr to, Expr body) {
        sb.append(head).append(name).append('=');
        write(from);
        sb.append("}^{");
        write(to);
        sb.append("}( ");
        write(body);
        sb.append(" )");
    }

    @Override
    public Void kl(Expr.Kl e) {
        sb.append("KL( ");
        write(e.first());
        sb.append(" || ");
        write(e.second());
        sb.append(" )");
        return null;
    }

    @Override
    public Void entropy(Expr.Entropy e) {
        sb.append("H( ");
        write(e.first());
        if (e.second() != null) {
            sb.append(", ");
            write(e.second());
        }
        sb.append(" )");
        return null;
    }


    @Override
    public Void net(Expr.Net e) {
        sb.append(e.name()).append('(');
        for (int k = 0; k < e.inputs().size(); k++) {
            sb.append(k > 0 ? ", " : "");
            write(e.inputs().get(k));
        }
        if (e.step() != null) {
            sb.append(", ");
            write(e.step());
        }
        sb.append(')');
        return null;
    }

    @Override
    public Void noise(Expr.Noise e) {
        sb.append(e.name());
        return null;
    }

    @Override
    public Void noiseExpect(Expr.NoiseExpect e) {
        sb.append("E_{").append(e.noise()).append(" ~ N(0, I)");
        for (int k = 0; k < e.values().size(); k++) {
            sb.append(", ").append(item(e.substituted().get(k))).append(" = ");
            write(e.values().get(k));
        }
        sb.append("}[ ");
        write(e.body());
        sb.append(" ]");
        return null;
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

    @Override
    public Void timeIntegral(Expr.TimeIntegral e) {
        bounded("int_{", e.variable(), e.from(), e.to(), e.body());
        return null;
    }
}
