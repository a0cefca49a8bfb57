package org.probity.spec.latex;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.probity.spec.ast.Expr;
import org.probity.spec.ast.Operator;
import org.probity.spec.ast.VarItem;

/**
 * Writes a spec AST as the LaTeX that papers use ({@code \mathbb{E}_{q(\mathbf{x}_0)} \left[ … \right]},
 * {@code D_{\text{KL}}(… \parallel …)}, {@code \frac{…}{…}}), such that the Markdown/LaTeX reader
 * reads it back to the same tree. Used to render {@code .prob} derivations in derivation.html.
 */
public final class LatexPrinter {
    private static final int SUM = 1;
    private static final int PRODUCT = 2;
    private static final int UNARY = 3;
    private static final int PRIMARY = 5;

    private LatexPrinter() {
    }

    /** The LaTeX of an expression. */
    public static String print(Expr e) {
        StringBuilder sb = new StringBuilder();
        write(Objects.requireNonNull(e, "e"), sb);
        return sb.toString();
    }

    private static int precedence(Expr e) {
        if (e instanceof Expr.Bin b) {
            switch (b.op()) {
                case ADD:
                case SUBTRACT:
                    return SUM;
                case POWER:
                    return 4;
                default:
                    return PRODUCT;
            }
        }
        return e instanceof Expr.Neg ? UNARY : PRIMARY;
    }

    private static void wrap(Expr e, boolean wrap, StringBuilder sb) {
        if (wrap) {
            sb.append("\\left( ");
            write(e, sb);
            sb.append(" \\right)");
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
            sb.append(name(n.name()));
        } else if (e instanceof Expr.Var v) {
            sb.append("\\mathbf{x}_{").append(index(v.index())).append('}');
        } else if (e instanceof Expr.Neg n) {
            sb.append('-');
            wrap(n.operand(), precedence(n.operand()) < PRODUCT || n.operand() instanceof Expr.Neg, sb);
        } else if (e instanceof Expr.Bin b) {
            bin(b, sb);
        } else if (e instanceof Expr.Call c) {
            call(c, sb);
        } else if (e instanceof Expr.Density d) {
            sb.append(d.generative() ? "p_\\theta(" : "q(").append(items(d.targets()));
            if (!d.given().isEmpty()) {
                sb.append(" \\mid ").append(items(d.given()));
            }
            sb.append(')');
        } else if (e instanceof Expr.Normal n) {
            sb.append("\\mathcal{N}(").append(item(n.at())).append("; ");
            write(n.mean(), sb);
            sb.append(", ");
            write(n.variance(), sb);
            sb.append(')');
        } else if (e instanceof Expr.Expect x) {
            sb.append("\\mathbb{E}_{");
            write(x.distribution(), sb);
            sb.append("} \\left[ ");
            write(x.body(), sb);
            sb.append(" \\right]");
        } else if (e instanceof Expr.Integral i) {
            sb.append("\\int \\left( ");
            write(i.body(), sb);
            sb.append(" \\right) \\,");
            for (VarItem v : i.variables()) {
                sb.append(" d").append(item(v));
            }
        } else if (e instanceof Expr.Sum s) {
            sb.append(s.product() ? "\\prod_{" : "\\sum_{").append(s.index()).append('=').append(index(s.from()))
                .append("}^{").append(index(s.to())).append("} \\left( ");
            write(s.body(), sb);
            sb.append(" \\right)");
        } else if (e instanceof Expr.Kl k) {
            sb.append("D_{\\text{KL}}(");
            write(k.first(), sb);
            sb.append(" \\parallel ");
            write(k.second(), sb);
            sb.append(')');
        } else if (e instanceof Expr.Entropy h) {
            sb.append("H(");
            write(h.first(), sb);
            if (h.second() != null) {
                sb.append(", ");
                write(h.second(), sb);
            }
            sb.append(')');
        } else if (e instanceof Expr.Identity) {
            sb.append("\\mathbf{I}");
        } else if (e instanceof Expr.Dims) {
            sb.append('d');
        } else if (e instanceof Expr.Net n) {
            net(n, sb);
        } else if (e instanceof Expr.Noise n) {
            sb.append(noise(n.name()));
        } else if (e instanceof Expr.NoiseExpect x) {
            sb.append("\\mathbb{E}_{").append(noise(x.noise())).append(" \\sim \\mathcal{N}(\\mathbf{0}, \\mathbf{I})");
            for (int k = 0; k < x.substituted().size(); k++) {
                sb.append(", ").append(item(x.substituted().get(k))).append(" = ");
                write(x.values().get(k), sb);
            }
            sb.append("} \\left[ ");
            write(x.body(), sb);
            sb.append(" \\right]");
        } else if (e instanceof Expr.TimeIntegral ti) {
            sb.append("\\int_{");
            write(ti.from(), sb);
            sb.append("}^{");
            write(ti.to(), sb);
            sb.append("} \\left( ");
            write(ti.body(), sb);
            sb.append(" \\right) \\, d").append(ti.variable());
        } else {
            throw new IllegalArgumentException("no LaTeX for " + e);
        }
    }

    /**
     * A network as papers write it: {@code mu_theta} is {@code \boldsymbol{\mu}_\theta}, {@code eps_theta}
     * {@code \boldsymbol{\epsilon}_\theta}, {@code xhat_theta} {@code \hat{\mathbf{x}}_\theta}, {@code f_theta}
     * {@code f_\theta}; any other name {@code \operatorname{name}} (read back where it is declared).
     */
    private static void net(Expr.Net n, StringBuilder sb) {
        switch (n.name()) {
            case "mu_theta":
                sb.append("\\boldsymbol{\\mu}_\\theta");
                break;
            case "eps_theta":
                sb.append("\\boldsymbol{\\epsilon}_\\theta");
                break;
            case "xhat_theta":
                sb.append("\\hat{\\mathbf{x}}_\\theta");
                break;
            default:
                if (n.name().matches("[a-oru-wyA-Z]_theta")) {
                    sb.append(n.name().charAt(0)).append("_\\theta");
                } else {
                    sb.append("\\operatorname{").append(n.name()).append('}');
                }
        }
        sb.append("\\left( ");
        for (int k = 0; k < n.inputs().size(); k++) {
            if (k > 0) {
                sb.append(", ");
            }
            write(n.inputs().get(k), sb);
        }
        if (n.step() != null) {
            sb.append(", ").append(index(n.step()));
        }
        sb.append(" \\right)");
    }

    /** A noise variable: ε for {@code eps} (or any name without digits), ε_k for a name ending in the digits k. */
    private static String noise(String name) {
        String digits = name.replaceAll("^.*?([0-9]*)$", "$1");
        return "\\boldsymbol{\\epsilon}" + (digits.isEmpty() ? "" : "_{" + digits + "}");
    }

    private static void bin(Expr.Bin b, StringBuilder sb) {
        switch (b.op()) {
            case DIVIDE:
                sb.append("\\frac{");
                write(b.left(), sb);
                sb.append("}{");
                write(b.right(), sb);
                sb.append('}');
                return;
            case POWER:
                sb.append('{');
                wrap(b.left(), precedence(b.left()) < PRIMARY, sb);
                sb.append("}^{");
                write(b.right(), sb);
                sb.append('}');
                return;
            case MULTIPLY:
                wrap(b.left(), precedence(b.left()) < PRODUCT || b.left() instanceof Expr.Neg, sb);
                sb.append(" \\cdot ");
                wrap(b.right(), precedence(b.right()) <= PRODUCT && !(b.right() instanceof Expr.Bin r
                    && r.op() == Operator.DIVIDE) || b.right() instanceof Expr.Neg, sb);
                return;
            default:
                wrap(b.left(), b.left() instanceof Expr.Neg && false, sb);
                sb.append(b.op() == Operator.ADD ? " + " : " - ");
                wrap(b.right(), precedence(b.right()) <= SUM || b.right() instanceof Expr.Neg, sb);
        }
    }

    private static void call(Expr.Call c, StringBuilder sb) {
        switch (c.function()) {
            case LOG:
            case EXP:
                sb.append(c.function() == org.probity.spec.ast.Function.LOG ? "\\log" : "\\exp").append(" \\left( ");
                write(c.argument(), sb);
                sb.append(" \\right)");
                return;
            case SQRT:
                sb.append("\\sqrt{");
                write(c.argument(), sb);
                sb.append('}');
                return;
            case BETA:
                sb.append("\\beta_{").append(index(c.argument())).append('}');
                return;
            case ALPHA:
                sb.append("\\alpha_{").append(index(c.argument())).append('}');
                return;
            case ABAR:
                sb.append("\\bar{\\alpha}_{").append(index(c.argument())).append('}');
                return;
            case SNR:
                sb.append("\\mathrm{SNR}(").append(index(c.argument())).append(')');
                return;
            case NORM2:
                sb.append("\\left\\| ");
                write(c.argument(), sb);
                sb.append(" \\right\\|^2");
                return;
            case DOT:
                sb.append("\\left\\langle ");
                write(c.arguments().get(0), sb);
                sb.append(", ");
                write(c.arguments().get(1), sb);
                sb.append(" \\right\\rangle");
                return;
            case SUMDIMS:
                sb.append("\\mathbf{1}^\\top \\left( ");
                write(c.argument(), sb);
                sb.append(" \\right)");
                return;
            case GAMMA:
            case GAMMA_PRIME:
            case SNR_T:
            case SNR_PRIME:
            case ALPHA_T:
            case SIGMA_T:
                sb.append(switch (c.function()) {
                    case GAMMA -> "\\gamma";
                    case GAMMA_PRIME -> "\\gamma'";
                    case SNR_T -> "\\mathrm{SNR}";
                    case SNR_PRIME -> "\\mathrm{SNR}'";
                    case ALPHA_T -> "\\alpha";
                    default -> "\\sigma";
                }).append("\\left( ");
                write(c.argument(), sb);
                sb.append(" \\right)");
                return;
            case PI:
                sb.append("\\pi\\left( ");
                write(c.argument(), sb);
                sb.append(" \\right)");
                return;
            case TR:
            case DET:
            case DIAG:
                sb.append(c.function() == org.probity.spec.ast.Function.DET ? "\\det" : "\\operatorname{"
                    + c.function().symbol() + "}").append("\\left( ");
                write(c.argument(), sb);
                sb.append(" \\right)");
                return;
            default:
                sb.append("\\left| ");
                write(c.argument(), sb);
                sb.append(" \\right|");
        }
    }

    /** An index: whole numbers, T, index names, + - * (as a subscript reads it). */
    static String index(Expr e) {
        if (e instanceof Expr.Num n) {
            return number(n.value());
        }
        if (e instanceof Expr.Steps) {
            return "T";
        }
        if (e instanceof Expr.Name n) {
            return n.name();
        }
        if (e instanceof Expr.Neg n) {
            return "-" + indexAtom(n.operand());
        }
        if (e instanceof Expr.Bin b) {
            if (b.op() == Operator.MULTIPLY) {
                return indexAtom(b.left()) + " " + indexAtom(b.right());
            }
            String right = b.right() instanceof Expr.Bin r && r.op() != Operator.MULTIPLY || b.right() instanceof Expr.Neg
                ? "(" + index(b.right()) + ")" : index(b.right());
            return index(b.left()) + (b.op() == Operator.ADD ? "+" : "-") + right;
        }
        throw new IllegalArgumentException("not an index: " + e);
    }

    private static String indexAtom(Expr e) {
        return e instanceof Expr.Bin || e instanceof Expr.Neg ? "(" + index(e) + ")" : index(e);
    }

    private static String name(String n) {
        int u = n.indexOf('_');
        if (u < 0) {
            return n;
        }
        return n.substring(0, u) + "_{\\text{" + n.substring(u + 1) + "}}";
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).toPlainString();
    }

    private static String items(List<VarItem> items) {
        StringBuilder sb = new StringBuilder();
        for (VarItem v : items) {
            sb.append(sb.length() > 0 ? ", " : "").append(item(v));
        }
        return sb.toString();
    }

    private static String item(VarItem v) {
        String s = "\\mathbf{x}_{" + index(v.from()) + (v.isRange() ? ":" + index(v.to()) : "") + "}";
        return v.pinned() == null ? s : s + " = " + number(((Expr.Num) v.pinned()).value());
    }
}
