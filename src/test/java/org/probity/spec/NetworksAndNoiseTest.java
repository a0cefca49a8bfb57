package org.probity.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.probity.check.RunConfig;
import org.probity.spec.ast.Expr;
import org.probity.spec.internal.Parser;
import org.probity.spec.internal.Printer;

/**
 * Networks as function symbols and auxiliary noise variables (issue 16 items 2 and 3): a network is
 * a random function per instance (affine plus an exponential of an affine map), so identities about
 * "any network" hold on every draw and wrong steps fail; E over ε ~ N(0, I) with the substitution
 * x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε is exact where the integrand stays exp-quadratic.
 */
class NetworksAndNoiseTest {
    private static final Pattern DIMS = Pattern.compile("d = (\\d+) dimensions");
    private static final String HEAD = "model gaussian steps 1..3 dims 1..2\n"
        + "network eps_theta(x, t)\n"
        + "let C = 0.5 * dims * ( (1 - abar(t-1)) / (1 - abar(t)) - 1 - log( (1 - abar(t-1)) / (1 - abar(t)) ) )\n"
        + "let XT = sqrt(abar(t)) * x_0 + sqrt(1 - abar(t)) * eps\n";

    private static SpecResult check(String body, int tries) {
        return Spec.parse(body, "n.prob").check(Spec.options(RunConfig.DEFAULT_SEED).withTries(tries));
    }

    /** Ho et al. eq. 12 from eq. 11, with the reverse mean written through eps_theta as {@code mean}. */
    private static String eq12(String mean, String reparam) {
        return "claim \"eq. 12\": for t = 2..T,\n"
            + "  E_{q(x_0)}[ E_{q(x_t | x_0)}[ KL( q(x_{t-1} | x_t, x_0) || N(x_{t-1}; " + mean + ", beta(t) * I) ) ] ] ==\n"
            + "  E_{q(x_0)}[ E_{eps ~ N(0, I), x_t = " + reparam + "}[ beta(t) / (2 * alpha(t) * (1 - abar(t)))"
            + " * norm2( eps - eps_theta(x_t, t) ) ] ] + C\n";
    }

    private static final String MEAN = "(x_t - beta(t) / sqrt(1 - abar(t)) * eps_theta(x_t, t)) / sqrt(alpha(t))";
    private static final String REPARAM = "sqrt(abar(t)) * x_0 + sqrt(1 - abar(t)) * eps";

    @Test
    void theNoisePredictionLossHoldsForEveryDrawnNetwork() {
        SpecResult r = check(HEAD + eq12(MEAN, REPARAM), 100);
        assertThat(r.items()).as(r.render()).hasSize(1).allMatch(SpecResult.Item::passed);
        assertThat(r.items().get(0).method()).isEqualTo("exact");
    }

    @Test
    void theCoefficientSqrtOneMinusAlphaBarInPlaceOfBetaOverItFailsWithASmallNetwork() {
        assertSmallFailure(check(HEAD + eq12(MEAN.replace("beta(t) / sqrt(1 - abar(t))", "sqrt(1 - abar(t))"),
            REPARAM), 100));
    }

    @Test
    void theWrongSignInTheReparameterisationFails() {
        assertSmallFailure(check(HEAD + eq12(MEAN, REPARAM.replace("+ sqrt(1 - abar(t)) * eps",
            "- sqrt(1 - abar(t)) * eps")), 100));
    }

    @Test
    void aNetworkMovedOutOfAnExpectationFailsBecauseTheDrawnNetworksAreNotAffine() {
        SpecResult r = check(HEAD + "claim \"Jensen as an equality\": for t = 1..T, E_{q(x_t | x_0)}[ eps_theta(x_t, t) ]"
            + " == eps_theta(sqrt(abar(t)) * x_0, t)\n", 100);
        SpecResult.Item f = assertSmallFailure(r);
        assertThat(f.counterexample()).containsPattern("eps_theta\\(v, 1\\) = .* exp\\(");
    }

    @Test
    void anExpectationOverNoiseIsTheExpectationOverTheForwardMarginal() {
        SpecResult r = check(HEAD
            + "claim \"mean\": for t = 1..T, E_{eps ~ N(0, I), x_t = XT}[ x_t ] == E_{q(x_t | x_0)}[ x_t ]\n"
            + "claim \"second moment\": E_{eps ~ N(0, I)}[ norm2(eps) ] == dims\n"
            + "claim \"a network of noise\": for t = 1..T, E_{eps ~ N(0, I)}[ norm2(eps_theta(XT, t)) ] =="
            + " E_{q(x_t | x_0)}[ norm2(eps_theta(x_t, t)) ]\n", 60);
        assertThat(r.items()).as(r.render()).hasSize(3).allMatch(SpecResult.Item::passed);
    }

    @Test
    void aNetworkOfANonAffineInputIsEstimatedByMonteCarloWithItsFalseAlarmRate() {
        SpecResult r = check(HEAD + "claim \"inside\": for t = 1..1, E_{eps ~ N(0, I)}[ sumdims(eps_theta(eps^2, t)) ]"
            + " <= 1000\n", 5);
        assertThat(r.items()).as(r.render()).allMatch(SpecResult.Item::passed);
        assertThat(r.items().get(0).method()).contains("Monte Carlo", "false-alarm rate");
    }

    @Test
    void networksAndNoiseAreParsedAndPrintedBack() {
        Expr e = Parser.parseExpression("E_{eps ~ N(0, I), x_1 = 2 * x_0 + eps}[ norm2(eps - x_1) ]");
        assertThat(e).isInstanceOf(Expr.NoiseExpect.class);
        assertThat(Parser.parseExpression(Printer.print(e))).isEqualTo(e);
        Spec s = Spec.parse("model gaussian\nnetwork f(x, xb, t)\nclaim \"c\": f(x_0, x_1, 1) == f(x_0, x_1, 1)\n",
            "n.prob");
        assertThat(Printer.print(s.statements().get(1))).isEqualTo("network f(x, xb, t)");
    }

    @Test
    void misuseIsRefusedAtItsPosition() {
        assertThatThrownBy(() -> Spec.parse("model markov gaussian\nnetwork f(x, t)\nclaim \"c\": f(x_0, 0) == 1\n",
            "s.prob")).hasMessage("s.prob:3:12: expected a gaussian-only model for a network f(...), found a markov model");
        assertThatThrownBy(() -> Spec.parse("model gaussian\nclaim \"c\": E_{e ~ N(1, I)}[ e ] == 0\n", "s.prob"))
            .hasMessage("s.prob:2:21: expected 0 (an auxiliary noise variable is standard normal, N(0, I)), found '1'");
        assertThatThrownBy(() -> Spec.parse("model gaussian\nclaim \"c\": eps == 0\n", "s.prob"))
            .hasMessage("s.prob:2:12: expected a let name, an index name bound by for/sum/prod, or T, found 'eps'");
        assertThatThrownBy(() -> Spec.parse("model gaussian\nclaim \"c\": E_{eps ~ N(0, I)}[ eps ] == eps\n", "s.prob"))
            .hasMessage("s.prob:2:40: expected a noise variable inside its E_{eps ~ N(0, I)}[...], found 'eps'");
        assertThatThrownBy(() -> Spec.parse("model gaussian\nnetwork f(t, x)\n", "s.prob"))
            .hasMessage("s.prob:2:14: expected ')' after the step parameter (the step comes last), found 'x'");
        assertThatThrownBy(() -> Spec.parse("model gaussian steps 1..2\nnetwork f(x, t)\nclaim \"c\": f(x_0, 3) == 1\n",
            "s.prob")).hasMessage("s.prob:3:12: expected a step in 0..T (T = 1), found f(..., 3)");
    }

    private static SpecResult.Item assertSmallFailure(SpecResult r) {
        SpecResult.Item f = r.firstFailure().orElseThrow(() -> new AssertionError(r.render()));
        Matcher m = DIMS.matcher(f.counterexample());
        assertThat(!m.find() || Integer.parseInt(m.group(1)) <= 2).as(f.counterexample()).isTrue();
        assertThat(f.counterexample()).contains("eps_theta(v, ", "left side:", "right side:");
        return f;
    }
}
