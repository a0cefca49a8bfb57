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
    private static final int UNARY = 3;
    private static final int PRIMARY = 5;

    /** Binding strength of a node: an operator's, unary minus', or that of a primary. */
    private static final Expr.Visitor<Integer> PRECEDENCE = new Expr.Visitor<>() {
        @Override
        public Integer num(Expr.Num e) {
            return PRIMARY;
        }

        @Override
        public Integer steps(Expr.Steps e) {
            return PRIMARY;
        }

        @Override
        public Integer name(Expr.Name e) {
            return PRIMARY;
        }

        @Override
        public Integer var(Expr.Var e) {
            return PRIMARY;
        }

        @Override
        public Integer neg(Expr.Neg e) {
            return UNARY;
        }

        @Override
        public Integer bin(Expr.Bin e) {
            return e.op().precedence();
        }

        @Override
        public Integer call(Expr.Call e) {
            return PRIMARY;
        }

        @Override
        public Integer identity(Expr.Identity e) {
            return PRIMARY;
        }

        @Override
        public Integer dims(Expr.Dims e) {
            return PRIMARY;
        }

        @Override
        public Integer density(Expr.Density e) {
            return PRIMARY;
        }

        @Override
        public Integer normal(Expr.Normal e) {
            return PRIMARY;
        }

        @Override
        public Integer expect(Expr.Expect e) {
            return PRIMARY;
        }

        @Override
        public Integer integral(Expr.Integral e) {
            return PRIMARY;
        }

        @Override
        public Integer sum(Expr.Sum e) {
            return PRIMARY;
        }

        @Override
        public Integer kl(Expr.Kl e) {
            return PRIMARY;
        }

        @Override
        public Integer entropy(Expr.Entropy e) {
            return PRIMARY;
        }

        @Override
        public Integer net(Expr.Net e) {
            return PRIMARY;
        }

        @Override
        public Integer noise(Expr.Noise e) {
            return PRIMARY;
        }

        @Override
        public Integer noiseExpect(Expr.NoiseExpect e) {
            return PRIMARY;
        }
    };

    private static final Statement.Visitor<String> STATEMENTS = new Statement.Visitor<>() {
        @Override
        public String title(Statement.Title t) {
            return "title \"" + t.text() + "\"";
        }

        @Override
        public String model(Statement.Model m) {
            return "model " + String.join(" ", m.families()) + " states " + m.statesLo() + ".." + m.statesHi()
                + " steps " + m.stepsLo() + ".." + m.stepsHi() + (m.positive() ? " positive" : "");
        }

        @Override
        public String let(Statement.Let l) {
            return "let " + l.name() + " = " + print(l.value());
        }

        @Override
        public String claim(Statement.Claim c) {
            String head = c.index() == null ? ""
                : "for " + c.index() + " = " + print(c.from()) + ".." + print(c.to()) + ", ";
            return "claim \"" + c.name() + "\": " + head + print(c.lhs()) + " " + relation(c.relation(), c.over()) + " "
                + print(c.rhs());
        }

        @Override
        public String derive(Statement.Derive d) {
            String head = d.index() == null ? ""
                : "for " + d.index() + " = " + print(d.from()) + ".." + print(d.to()) + ",\n     ";
            StringBuilder sb = new StringBuilder("derive \"" + d.name() + "\":\n     " + head + print(d.start()));
            if (d.startReason() != null) {
                sb.append("   by \"").append(d.startReason()).append('"');
            }
            for (Statement.Step step : d.steps()) {
                sb.append("\n  ").append(relation(step.relation(), step.over())).append(' ').append(print(step.expr()));
                if (step.reason() != null) {
                    sb.append("   by \"").append(step.reason()).append('"');
                }
            }
            return sb.toString();
        }

        @Override
        public String assume(Statement.Assume a) {
            String head = a.index() == null ? ""
                : "for " + a.index() + " = " + print(a.from()) + ".." + print(a.to()) + ", ";
            return "assume " + head + print(a.lhs()) + " " + relation(a.relation(), a.over()) + " " + print(a.rhs());
        }

        @Override
        public String network(Statement.Network n) {
            return "network " + n.name() + "(" + String.join(", ", n.parameters()) + ")";
        }
    };

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
        return s.accept(STATEMENTS);
    }

    static int precedence(Expr e) {
        return e.accept(PRECEDENCE);
    }

    private void write(Expr e) {
        e.accept(this);
    }

    private void wrap(Expr e, int minPrecedence) {
        if (precedence(e) < minPrecedence) {
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
        wrap(e.operand(), UNARY);
        return null;
    }

    @Override
    public Void bin(Expr.Bin e) {
        if (e.op() == Operator.POWER) {
            wrap(e.left(), PRIMARY);
            sb.append('^');
            wrap(e.right(), UNARY);
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
        sb.append(e.product() ? "prod_{" : "sum_{").append(e.index()).append('=');
        write(e.from());
        sb.append("}^{");
        write(e.to());
        sb.append("}( ");
        write(e.body());
        sb.append(" )");
        return null;
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
    /** A relation in source notation: {@code propto_{x_a, ...}} with its variables. */
    static String relation(org.probity.spec.ast.Relation r, List<VarItem> over) {
        return r == org.probity.spec.ast.Relation.PROPTO ? "propto_{" + items(over) + "}" : r.symbol();
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
