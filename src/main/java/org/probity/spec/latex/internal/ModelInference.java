package org.probity.spec.latex.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.probity.spec.Spec;
import org.probity.spec.SpecSyntaxException;
import org.probity.spec.ast.Statement;

/**
 * The model a document's steps are checked on (DERIVATIONS.md, "What a document means"): the family
 * inferred from the notation of all its fragments (Gaussian: N, beta, alpha-bar, epsilon; finite-state:
 * Cat, Q_t; a latent z of a VAE: T = 1), then narrowed or widened by each option comment
 * ({@code <!-- probity: model gaussian steps 1..3 -->}), read as a {@code .prob} model line. Each
 * decision is recorded as a reading for the report.
 */
final class ModelInference {
    private static final Pattern GAUSSIAN = Pattern.compile("(?s).*(\\\\mathcal\\s*\\{\\s*N\\s*\\}|\\\\beta_|\\\\bar\\s*\\{?\\s*"
        + "\\\\alpha|\\\\overline\\s*\\{\\s*\\\\alpha|\\\\(var)?epsilon|\\\\mu_|\\\\hat\\s*\\{\\s*\\\\mathbf|\\\\tilde\\s*\\{?\\s*\\\\beta).*");
    private static final Pattern MARKOV = Pattern.compile("(?s).*(\\\\mathrm\\s*\\{\\s*Cat\\s*\\}|Q_t|\\\\overline\\s*\\{\\s*Q\\s*\\}).*");

    /** z as a density argument: p(z), q(z | x), p(x | z). */
    private static final Pattern VAE_LATENT = Pattern.compile(
        "(?:[pq](?:_\\{?\\\\(?:theta|phi)\\}?)?\\s*\\(|\\\\vert|\\\\mid|\\|)\\s*(?:\\\\mathbf\\s*\\{\\s*)?z\\b");

    private final String file;
    private final List<String> readings = new ArrayList<>();
    private Statement.Model model;

    private ModelInference(String file) {
        this.file = file;
    }

    /**
     * The model inferred from the notation of {@code fragments} (options are not applied yet; see
     * {@link #option}); sets {@code ctx.vae} when z is the latent of a VAE.
     */
    static ModelInference infer(String file, List<Fragment> fragments, ReadingContext ctx) {
        ModelInference m = new ModelInference(file);
        boolean gaussian = false;
        boolean markov = false;
        boolean vae = false;
        for (Fragment f : fragments) {
            if (f.kind() == Fragment.Kind.OPTION) {
                continue;
            }
            String s = f.math().text();
            gaussian |= GAUSSIAN.matcher(s).matches();
            markov |= MARKOV.matcher(s).matches();
            vae |= VAE_LATENT.matcher(s).find();
        }
        ctx.vae = vae;
        List<String> families = new ArrayList<>();
        String why;
        if (gaussian == markov) {
            families.add("markov");
            families.add("gaussian");
            why = gaussian ? "both Gaussian and finite-state notation" : "generic notation (p, q, E, KL, integrals)";
        } else if (gaussian) {
            families.add("gaussian");
            why = "Gaussian notation (N, beta, alpha-bar)";
        } else {
            families.add("markov");
            why = "finite-state notation (Cat, Q_t, one-hot)";
        }
        int steps = vae ? 1 : 4;
        m.model = new Statement.Model(new LinkedHashSet<>(families), 2, 3, 1, steps, false, 1);
        m.readings.add("model: " + String.join(" and ", families) + " (from " + why + "), states 2..3, steps 1.."
            + steps + (vae ? " (z is the latent of a VAE: T = 1)" : "") + ", without full support");
        return m;
    }

    /** The model in force at this point of the document. */
    Statement.Model model() {
        return model;
    }

    /** What was inferred and which options changed it, in document order. */
    List<String> readings() {
        return readings;
    }

    /**
     * Applies an option comment: its words are a {@code .prob} model line, and what it leaves out
     * (families, states, steps) is kept from the model in force.
     *
     * @throws SpecSyntaxException {@code file:line:column} naming the option when it is not a model line
     */
    void option(Fragment f) {
        String text = f.math().text().replace(';', ' ').strip();
        String[] words = text.split("\\s+");
        StringBuilder prob = new StringBuilder("model");
        boolean families = false;
        for (String w : words) {
            families |= w.equals("markov") || w.equals("gaussian");
        }
        if (!families) {
            prob.append(' ').append(String.join(" ", model.families()));
        }
        String rest = text.startsWith("model") ? text.substring(5) : text;
        prob.append(' ').append(rest);
        if (!rest.contains("states")) {
            prob.append(" states ").append(model.statesLo()).append("..").append(model.statesHi());
        }
        if (!rest.contains("steps")) {
            prob.append(" steps ").append(model.stepsLo()).append("..").append(model.stepsHi());
        }
        try {
            Spec spec = Spec.parse(prob + "\n", file);
            Statement.Model m = (Statement.Model) spec.statements().get(0);
            model = new Statement.Model(m.families(), m.statesLo(), m.statesHi(), m.stepsLo(), m.stepsHi(), m.positive(),
                m.dimsLo(), m.dimsHi(), m.diagonal(), m.vdm(), f.line());
            readings.add("line " + f.line() + ": option '" + text + "' sets model " + String.join(" ", m.families()) + " states " + m.statesLo() + ".."
                + m.statesHi() + " steps " + m.stepsLo() + ".." + m.stepsHi() + (m.dimsHi() > 1 ? " dims " + m.dimsLo() + ".."
                + m.dimsHi() + (m.diagonal() ? " diagonal" : "") : "") + (m.positive() ? " positive" : "")
                + (m.vdm() ? " vdm (continuous time)" : ""));
        } catch (SpecSyntaxException e) {
            throw new SpecSyntaxException(file, f.line(), f.column(), "probity options as in a .prob model line "
                + "(markov, gaussian, states a..b, steps a..b, dims a..b, positive, diagonal, vdm), 'network NAME(x, t)' or "
                + "'assume LHS == RHS'", e.found() + " in '" + text + "'");
        }
    }
}
