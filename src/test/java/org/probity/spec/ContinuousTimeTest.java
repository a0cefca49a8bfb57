package org.probity.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.probity.check.RunConfig;
import org.probity.spec.ast.Expr;
import org.probity.spec.internal.Parser;
import org.probity.spec.internal.Printer;

/**
 * Continuous-time VDM in the spec language (issue 16 item 7): the model option {@code vdm}, its time
 * functions and {@code int_{t=a}^{b}} with the declared quadrature error. specs/vdm2021.prob holds;
 * planted errors in it (a missing ½, the sign of SNR′, L_T claimed ≤ L_∞) fail at their own line with
 * a small counterexample that prints the drawn schedule.
 */
class ContinuousTimeTest {
    /** Tries for the transcription (200 run in probity verify). */
    private static final int TRIES = 40;
    /** Tries for a planted error: each fails within its first 10 instances; the rest of the file must still hold. */
    private static final int PLANTED_TRIES = 20;

    private static String spec() throws IOException {
        return Files.readString(Path.of("specs/vdm2021.prob"));
    }

    private static SpecResult check(String text, int tries) {
        return Spec.parse(text, "vdm2021.prob").check(Spec.options(RunConfig.DEFAULT_SEED).withTries(tries));
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        assertThat(at).as(needle).isNotNegative();
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /**
     * The first failure is the item at the line of {@code needle}, with a small counterexample; the
     * items that fail are those at {@code needle} and at {@code alsoUsing} (claims that use the same
     * planted let) and no others.
     */
    private static void failsAt(String text, String needle, String... alsoUsing) {
        SpecResult r = check(text, PLANTED_TRIES);
        SpecResult.Item f = r.firstFailure().orElseThrow(() -> new AssertionError(r.render()));
        assertThat(f.line()).as(r.render()).isEqualTo(lineOf(text, needle));
        assertThat(f.counterexample()).as(f.counterexample()).contains("continuous-time schedule: gamma(t) = ",
            "left side:", "right side:").containsPattern("T = [1-3] steps?");
        java.util.List<Integer> lines = new java.util.ArrayList<>(java.util.List.of(lineOf(text, needle)));
        for (String other : alsoUsing) {
            lines.add(lineOf(text, other));
        }
        assertThat(r.items().stream().filter(SpecResult.Item::failed).map(SpecResult.Item::line).distinct())
            .as(r.render()).containsExactlyElementsOf(lines);
    }

    @Test
    void theTranscriptionHolds() throws IOException {
        SpecResult r = check(spec(), TRIES);
        assertThat(r.items()).as(r.render()).isNotEmpty().allMatch(SpecResult.Item::passed);
        assertThat(r.render()).contains("quadrature error");
    }

    @Test
    void aMissingHalfInLInfFailsAtTheGammaForm() throws IOException {
        String s = spec().replace("let Linf = -0.5 * int_{t=0}^{1}", "let Linf = -1 * int_{t=0}^{1}");
        failsAt(s, "claim \"L_inf in terms of gamma", "claim \"L_T - L_inf, interval by interval");
    }

    @Test
    void theSignOfSnrPrimeFlippedFailsAtTheGammaForm() throws IOException {
        String s = spec().replace("let Linf = -0.5 * int_{t=0}^{1}", "let Linf = 0.5 * int_{t=0}^{1}");
        failsAt(s, "claim \"L_inf in terms of gamma", "claim \"L_T - L_inf, interval by interval");
    }

    @Test
    void aMissingHalfInTheKlTermFailsAtIt() throws IOException {
        String s = spec().replace("  0.5 * (SNR((i-1)/T) - SNR(i/T)) * norm2(x_0 - xhat(x_1, i/T))",
            "  (SNR((i-1)/T) - SNR(i/T)) * norm2(x_0 - xhat(x_1, i/T))");
        failsAt(s, "claim \"eq. 12-13");
    }

    @Test
    void lTClaimedAtMostLInfFails() throws IOException {
        String s = spec().replace("L1 >= 0.5 * dims * (gamma(1) - gamma(0))", "L1 <= 0.5 * dims * (gamma(1) - gamma(0))");
        failsAt(s, "claim \"L_T >= L_inf");
    }

    @Test
    void forAnArbitraryNetworkLTIsNotAlwaysAboveLInf() throws IOException {
        String s = spec() + "claim \"any network\": sum_{i=1}^{T}( 0.5 * (SNR((i-1)/T) - SNR(i/T))\n"
            + "    * E_{eps ~ N(0, I), x_1 = alpha_t(i/T) * x_0 + sigma_t(i/T) * eps}[ norm2(x_0 - xhat(x_1, i/T)) ] ) >= Linf\n";
        failsAt(s, "claim \"any network\"");
    }

    @Test
    void theIntegralOfSnrPrimeIsTheSnrDropWithinTheDeclaredQuadratureError() {
        SpecResult r = check("model gaussian vdm steps 1..1\n"
            + "claim \"ftc\": int_{t=0}^{1}( -dSNR(t) ) == SNR(0) - SNR(1)\n"
            + "claim \"part\": int_{u=0.25}^{0.5}( dgamma(u) ) == gamma(0.5) - gamma(0.25)\n"
            + "claim \"reversed limits\": int_{u=1}^{0}( dgamma(u) ) == gamma(0) - gamma(1)\n", 100);
        assertThat(r.items()).as(r.render()).hasSize(3).allMatch(SpecResult.Item::passed);
        assertThat(r.items().get(0).tolerance()).contains("quadrature error", "Gauss-Legendre panels");
    }

    /**
     * e^{20t} is analytic but steep: 8-point Gauss–Legendre on 2 and 4 panels is off by far more than
     * rounding, and the claim holds only because the tolerance carries the declared quadrature error
     * (the change between the two finest rules, far above the finest rule's error for an analytic
     * integrand, which converges at far better than the ratio 1/4 the rule asks for).
     */
    @Test
    void aSteepIntegrandPassesOnlyThroughItsDeclaredQuadratureError() {
        SpecResult r = check("model gaussian vdm steps 1..1\n"
            + "claim \"steep\": int_{t=0}^{1}( exp(20 * t) ) == (exp(20) - 1) / 20\n"
            + "claim \"steep, the 1/20 dropped\": int_{t=0}^{1}( exp(20 * t) ) == exp(20) - 1\n", 200);
        assertThat(r.items().get(0).passed()).as(r.render()).isTrue();
        assertThat(r.items().get(0).largestDiscrepancy()).as(r.render()).isGreaterThan(1e-9);
        assertThat(r.items().get(1).failed()).as(r.render()).isTrue();
    }

    /**
     * √t has a singular derivative at 0: the composite rules converge at about 2^{-1.5} per halving, not
     * the 1/4 the declared error needs, so those instances are not checked (with both changes in the reason)
     * rather than passed or failed on an estimate that does not bound the error.
     */
    @Test
    void anIntegrandWhoseRulesDoNotConvergeIsNotCheckedOnThoseInstances() {
        SpecResult r = check("model gaussian vdm steps 1..1\n"
            + "claim \"root\": int_{t=0}^{1}( sqrt(t) ) == 2/3\n", 200);
        assertThat(r.render()).contains("the quadrature does not converge fast enough to bound its error",
            "between 1, 2 and 4 Gauss-Legendre panels");
        assertThat(r.items().get(0).passed()).as(r.render()).isFalse();
    }

    /**
     * True claims whose integrands the rules cannot resolve — a kink inside the interval, a log singularity
     * at its end — are NOT CHECKED on every seed, never FAIL: a failure must survive a rule with four times
     * the panels (a new-user tryout saw both FAIL on seeds 1-3). A false claim about the same integrand
     * still fails.
     */
    @Test
    void unresolvedIntegralsAreNotCheckedAndAFailureMustSurviveRefinement() {
        for (long seed = 1; seed <= 3; seed++) {
            SpecResult r = Spec.parse("model gaussian vdm steps 1..2\n"
                + "claim \"kink\": int_{t=0}^{1}( abs(t - 0.5) ) == 0.25\n"
                + "claim \"log\": int_{t=0}^{1}( log(t) ) == -1\n"
                + "claim \"kink, the 1/4 written 1/2\": int_{t=0}^{1}( abs(t - 0.5) ) == 0.5\n", "k.prob")
                .check(Spec.options(seed).withTries(200));
            assertThat(r.items().get(0).notChecked()).as(r.render()).isTrue();
            assertThat(r.items().get(1).notChecked()).as(r.render()).isTrue();
            assertThat(r.items().get(0).reason()).as(r.render()).contains("cannot be evaluated", "the quadrature");
            assertThat(r.items().get(1).reason()).as(r.render()).contains("cannot be evaluated", "the quadrature");
            assertThat(r.items().get(2).failed()).as(r.render()).isTrue();
        }
    }

    @Test
    void timeFunctionsNeedTheVdmOptionAndATimeIsNoStepIndex() {
        assertThatThrownBy(() -> Spec.parse("model gaussian steps 1..2\nclaim \"c\": SNR(0) >= 0\n", "a.prob"))
            .isInstanceOf(SpecSyntaxException.class).hasMessageContaining("a.prob:2:").hasMessageContaining("option vdm");
        // x_t inside int_{t=0}^{1}: t is a time there, not a step, and the message says so
        assertThatThrownBy(() -> Spec.parse("model gaussian vdm steps 1..2\nclaim \"c\": int_{t=0}^{1}( x_t ) >= 0\n",
            "b.prob")).isInstanceOf(SpecSyntaxException.class).hasMessage("b.prob:2:27: expected a step index (a name "
            + "bound by for/sum/prod, or T), found 't', the variable of integration of int_{t=a}^{b}(...) here: a time "
            + "in [0, 1] of the continuous schedule (SNR(t), alpha_t(t), ...), not a step of the chain");
        assertThatThrownBy(() -> Spec.parse("model gaussian vdm steps 1..2\nclaim \"c\": int_{s=0}^{1}( abar(s) ) >= 0\n",
            "b.prob")).isInstanceOf(SpecSyntaxException.class).hasMessageContaining("found 's', the variable of integration");
        assertThatThrownBy(() -> Spec.parse("model gaussian vdm steps 1..1\nclaim \"c\": int_{t=0}^{2}( SNR(t) ) >= 0\n",
            "d.prob")).isInstanceOf(SpecSyntaxException.class).hasMessageContaining("d.prob:2:23:")
            .hasMessageContaining("a limit of int_{t=a}^{b} in [0, 1]").hasMessageContaining("found '2'");
        assertThatThrownBy(() -> Spec.parse("model gaussian vdm steps 1..1\nclaim \"c\": int_{t=-0.1}^{1}( SNR(t) ) >= 0\n",
            "e.prob")).isInstanceOf(SpecSyntaxException.class).hasMessageContaining("e.prob:2:");
        // a limit that is an expression is a time only per instance: outside [0, 1] there it is not checked
        SpecResult r = check("model gaussian vdm steps 1..1\nclaim \"c\": int_{t=0}^{2 * SNR(1) / SNR(1)}( SNR(t) ) >= 0\n", 5);
        assertThat(r.items().get(0).notChecked()).as(r.render()).isTrue();
        assertThat(r.items().get(0).reason()).contains("limit outside [0, 1]");
        assertThatThrownBy(() -> Spec.parse("model markov vdm\n", "c.prob")).isInstanceOf(SpecSyntaxException.class)
            .hasMessage("c.prob:1:14: expected the option vdm in a gaussian model only (vdm is an option of the gaussian "
                + "family: model gaussian vdm ...), found 'vdm' in model markov");
    }

    @Test
    void aTimeOutsideTheUnitIntervalIsNotCheckedForThatReason() {
        // the reason spoke of densities conditioned on events of probability 0
        SpecResult r = check("model gaussian vdm steps 1..2\nlet u = 0.5\nclaim \"c\": SNR(1.5) >= 0\n"
            + "claim \"d\": SNR(u + 1) >= 0\nclaim \"in\": int_{t=0}^{1}( SNR(t + 1) ) >= 0\n", 3);
        assertThat(r.items()).allSatisfy(i -> assertThat(i.notChecked()).as(r.render()).isTrue());
        assertThat(r.items().get(0).reason()).isEqualTo("on none of the 3 instances were both sides defined: line 3, "
            + "column 12: SNR(1.5) is at a time outside [0, 1] (t = 1.5), where the continuous-time schedule of a vdm "
            + "model is defined");
        assertThat(r.items().get(1).reason()).contains("SNR(u + 1) is at a time outside [0, 1] (t = 1.5)");
        assertThat(r.items().get(2).reason()).contains("SNR(t + 1) is at a time outside [0, 1] (t = 1.")
            .doesNotContain("density");
        // outside [0, 1] a point is skipped, as docs/spec-language.md says: where some index values are inside, it holds
        SpecResult some = check("model gaussian vdm steps 1..2\nclaim \"c\": for i = 0..2, SNR(i / 2 + 0.25) >= 0\n", 3);
        assertThat(some.items().get(0).passed()).as(some.render()).isTrue();
    }

    @Test
    void anIntegralPrintsAndParsesBack() {
        Expr e = Parser.parseExpression("-0.5 * int_{t=0}^{1}( dSNR(t) * alpha_t(t) ) + int_{u=0.5}^{T / 4}( sigma_t(u) )");
        assertThat(Parser.parseExpression(Printer.print(e))).isEqualTo(e);
        assertThat(e.toString()).contains("TimeIntegral[variable=t");
    }
}
