package org.probity.spec.latex.internal;

import java.util.List;
import java.util.Set;

/**
 * The names a document may define on the left of {@code :=} or a first {@code =}: a letter with an
 * optional subscript ({@code L_{\text{VLB}}}, {@code C}), {@code \mathcal{L}}, {@code \mathrm{ELBO}},
 * a Greek letter ({@code \sigma_q}), a bold symbol ({@code \boldsymbol{\mu}_q}), a decorated one
 * ({@code \tilde{\boldsymbol{\mu}}_t}) and a variance named by its square ({@code \sigma_q^2}).
 * Variables (x, z), densities (p, q), T and the index letters t, s are never names. Also how such a
 * name is spelled once read (L_CE, sigma2_q, mutilde), for {@link Vocabulary} and {@link Schedule}.
 */
final class Symbols {
    /** The bold commands a variable or a symbol may wear. */
    static final Set<String> BOLD = Set.of("\\mathbf", "\\boldsymbol", "\\bm", "\\vec", "\\mathbold");
    /** The bold commands of a definable name ({@code \boldsymbol{\mu}_q}). */
    static final Set<String> BOLD_SYMBOL = Set.of("\\boldsymbol", "\\mathbf", "\\bm");
    /** Greek letters a document may define (not the schedule's α, β, the noise ε, π or the parameters θ, φ). */
    static final Set<String> GREEK = Set.of("\\mu", "\\sigma", "\\gamma", "\\lambda", "\\nu", "\\tau", "\\kappa",
        "\\rho", "\\xi", "\\zeta", "\\delta", "\\Sigma", "\\Lambda");
    static final Set<String> DECORATIONS = Set.of("\\tilde", "\\widetilde", "\\bar", "\\overline", "\\hat");

    private Symbols() {
    }

    /** The name when the tokens are a bare symbol (a letter with an optional subscript), else null. */
    static String symbol(List<LatexToken> toks, String text) {
        if (toks.isEmpty()) {
            return null;
        }
        int n = toks.size();
        if (n > 2 && toks.get(n - 2).is("^") && toks.get(n - 1).is("2")
            || n > 4 && toks.get(n - 4).is("^") && toks.get(n - 3).is("{") && toks.get(n - 2).is("2") && toks.get(n - 1).is("}")) {
            // a variance named by its square, \sigma_q^2: the name sigma2_q
            String base = symbol(toks.subList(0, toks.get(n - 1).is("2") ? n - 2 : n - 4), text);
            return base == null ? null : squared(base);
        }
        int i = 0;
        String letter;
        if ((toks.get(0).is("\\mathrm") || toks.get(0).is("\\text") || toks.get(0).is("\\operatorname"))
            && toks.size() >= 3 && toks.get(1).is("{") && toks.get(toks.size() - 1).is("}")) {
            String name = LatexCursor.plain(toks.subList(2, toks.size() - 1));
            return name.matches("[A-Za-z][A-Za-z0-9]+") && !Set.of("KL", "SNR", "Cat", "E").contains(name) ? name : null;
        }
        if (toks.get(0).is("\\mathcal") && toks.size() >= 4 && toks.get(1).is("{") && toks.get(3).is("}")) {
            letter = toks.get(2).text();
            i = 4;
        } else if (toks.get(0).kind() == LatexToken.Kind.CHAR && toks.get(0).text().matches("[A-Za-z]")) {
            letter = toks.get(0).text();
            i = 1;
        } else if (BOLD_SYMBOL.contains(toks.get(0).text()) && toks.size() >= 2) {
            // \boldsymbol{\mu}: a bold letter or Greek letter other than x, z, I, 0, 1, ε
            int end = toks.get(1).is("{") ? closing(toks, 1) : 1;
            List<LatexToken> arg = toks.subList(toks.get(1).is("{") ? 2 : 1, end);
            if (arg.size() != 1 || !arg.get(0).text().matches("\\\\?[A-Za-z]+")
                || arg.get(0).text().matches("[xzI]|\\\\(var)?epsilon")) {
                return null;
            }
            letter = arg.get(0).text().replace("\\", "");
            i = end + (toks.get(1).is("{") ? 1 : 0);
        } else if (toks.get(0).kind() == LatexToken.Kind.COMMAND && GREEK.contains(toks.get(0).text())) {
            letter = toks.get(0).text().substring(1);
            i = 1;
        } else if (DECORATIONS.contains(toks.get(0).text()) && toks.size() >= 2) {
            int end = toks.get(1).is("{") ? closing(toks, 1) : 1;
            String base = decoratedBase(toks.get(0), toks.subList(1, end + 1));
            if (base == null || base.equals("alphabar") || base.equals("betatilde")) {
                return null;
            }
            letter = base;
            i = end + 1;
        } else {
            return null;
        }
        if (letter.length() == 1 && "xzpqTts".contains(letter)) {
            return null;   // variables, densities, the number of steps and the index letters
        }
        if (letter.equals("D") && i + 1 < toks.size() && LatexCursor.plain(toks.subList(i + 1, toks.size())).equals("KL")) {
            return null;
        }
        if (i == toks.size()) {
            return letter;
        }
        if (!toks.get(i).is("_") || i + 1 >= toks.size()) {
            return null;
        }
        List<LatexToken> sub = toks.subList(i + 1, toks.size());
        if (sub.get(0).is("{")) {
            if (!sub.get(sub.size() - 1).is("}")) {
                return null;
            }
            sub = sub.subList(1, sub.size() - 1);
        } else if (sub.size() != 1) {
            return null;
        }
        String name = symbolName(letter, sub, text);
        return name.matches("[A-Za-z][A-Za-z0-9_]*") ? name : null;
    }

    /**
     * The name of a decorated symbol the document may define: {@code \tilde{\boldsymbol{\mu}}} is
     * {@code mutilde}, {@code \bar{x}} {@code xbar}, {@code \hat\beta} {@code betahat}; null when the
     * argument is not one letter or Greek letter.
     */
    static String decoratedBase(LatexToken decoration, List<LatexToken> arg) {
        StringBuilder inner = new StringBuilder();
        for (LatexToken a : arg) {
            if (a.is("{") || a.is("}") || BOLD.contains(a.text())) {
                continue;
            }
            inner.append(a.kind() == LatexToken.Kind.COMMAND ? a.text().substring(1) : a.text());
        }
        String d = decoration.text().substring(1).replace("widetilde", "tilde").replace("overline", "bar")
            .replace("widehat", "hat");
        return inner.toString().matches("[A-Za-z]+") ? inner + d : null;
    }

    /** The name of a symbol defined by its square: sigma_q is sigma2_q, s is s2. */
    static String squared(String name) {
        int u = name.indexOf('_');
        return u < 0 ? name + "2" : name.substring(0, u) + "2" + name.substring(u);
    }

    /** The name of a symbol with a subscript: L_{\text{CE}} is L_CE, L_\infty L_inf; an index expression stays braced. */
    static String symbolName(String letter, List<LatexToken> sub, String src) {
        if (sub.size() == 1 && sub.get(0).is("\\infty")) {
            return letter + "_inf";   // VDM's L_\infty
        }
        String plain = LatexCursor.plain(sub);
        if (plain.matches("[A-Za-z0-9]+")) {
            return letter + "_" + plain;
        }
        if (sub.isEmpty()) {
            return letter;
        }
        return letter + "_{" + src.substring(sub.get(0).start(), sub.get(sub.size() - 1).end()).replaceAll("\\s+", "")
            + "}";
    }

    /** The index of the '}' closing the '{' at {@code open}. */
    static int closing(List<LatexToken> toks, int open) {
        int depth = 0;
        for (int i = open; i < toks.size(); i++) {
            depth += toks.get(i).is("{") ? 1 : toks.get(i).is("}") ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        throw LatexProblem.syntax("'}' closing the '{'", toks.get(toks.size() - 1));
    }
}
