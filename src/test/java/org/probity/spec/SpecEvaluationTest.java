package org.probity.spec;

import org.probity.check.RunConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Evaluation conventions of SPEC-LANGUAGE.md, each run against a true and a false statement. */
class SpecEvaluationTest {

    private static SpecResult check(String body, int tries) {
        return Spec.parse(body, "t.prob").check(Spec.options(RunConfig.DEFAULT_SEED).withTries(tries));
    }

    @Test
    void monteCarloDecidesWhatHasNoClosedFormWithADeclaredFalseAlarmRate() {
        // E|x_1 - sqrt(abar_1) x_0| given x_0 is the half-normal mean sqrt(2 (1 - abar_1) / pi): abs() has no closed form
        String truth = "model gaussian steps 1..1\nclaim \"half-normal mean\": E_{q(x_1 | x_0)}[ abs(x_1 - sqrt(abar(1)) * x_0) ]"
            + " == sqrt(2 * (1 - abar(1)) / 3.141592653589793)\n";
        SpecResult ok = check(truth, 5);
        assertThat(ok.passed()).as(ok.render()).isTrue();
        assertThat(ok.items().get(0).method()).contains("Monte Carlo").contains("false-alarm rate 1.0E-9")
            .contains("19768 samples per expectation");
        assertThat(ok.render()).contains("Monte Carlo");
        SpecResult wrong = check(truth.replace("sqrt(2 *", "sqrt(2.2 *"), 3);
        assertThat(wrong.passed()).as(wrong.render()).isFalse();
        assertThat(wrong.items().get(0).counterexample()).contains("Monte Carlo: z = 6.109");
    }

    @Test
    void whatNeitherClosedFormsNorMonteCarloCoverIsNotCheckedWithTheReasonAndThePosition() {
        SpecResult r = check("model gaussian steps 1..1\nclaim \"int of abs\": int_{x_1}( abs(x_1) ) >= 0\n", 3);
        SpecResult.Item i = r.items().get(0);
        assertThat(i.status()).isEqualTo(SpecResult.Status.NOT_CHECKED);
        assertThat(i.reason()).isEqualTo("line 2, column 32: abs(x_1): cannot be evaluated on the gaussian family: abs "
            + "of a variable (exact: densities, KL, entropies, and E and int of polynomials of degree <= 2 times "
            + "exp-quadratics; Monte Carlo: other expectations E_{...}[...] of closed-form integrands, linearly "
            + "combined); on 3 of 3 instances");
        assertThat(i.counterexample()).isEmpty();
        assertThat(r.passed()).isTrue();
        assertThat(r.exitCode()).isZero();
        assertThat(r.exitCode(true)).isEqualTo(1);
        assertThat(r.render()).contains("NOT CHECKED  claim \"int of abs\" [gaussian] line 2: 3 instances (0 where defined)"
            + "\n      not checked: line 2, column 32: abs(x_1)").endsWith(String.format("PASS: 1 check, 0 failed, "
            + "1 not checked, %d ms", r.elapsed().toMillis()));
    }

    @Test
    void unevaluableCountsCoverTheTriesOnlyAndShrinkingsCandidatesApart() {
        // fails when T >= 2 (abar(T) < abar(1)); at T = 1 the sum holds abs(x_1), which the family cannot evaluate, and
        // the shrinker tries T = 1 candidates: those are not instances of the run ("on 12 of 10 instances" before)
        SpecResult r = check("model gaussian steps 1..3\nclaim \"c\": abar(T) == abar(1) + 0 * sum_{t=T}^{1}( "
            + "int_{x_t}( abs(x_t) ) )\n", 20);
        SpecResult.Item i = r.items().get(0);
        assertThat(i.status()).as(r.render()).isEqualTo(SpecResult.Status.FAIL);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("; on (\\d+) of (\\d+) instances, and on (\\d+) of "
            + "the (\\d+) candidates tried while shrinking the failure$").matcher(i.reason());
        assertThat(m.find()).as(i.reason()).isTrue();
        int unevaluable = Integer.parseInt(m.group(1));
        assertThat(Integer.parseInt(m.group(2))).isEqualTo(i.instances());
        assertThat(unevaluable).isBetween(1, i.instances());
        assertThat(Integer.parseInt(m.group(3))).isBetween(1, Integer.parseInt(m.group(4)));
        assertThat(i.defined()).isEqualTo(i.instances() - unevaluable);
    }

    @Test
    void theReasonNamesTheConstructInsideALetAtItsOwnPosition() {
        SpecResult r = check("model gaussian steps 1..1\nlet A = int_{x_1}( sqrt(x_1^2) )\n"
            + "claim \"in a let\": A >= 0\n", 2);
        SpecResult.Item i = r.items().get(0);
        assertThat(i.status()).isEqualTo(SpecResult.Status.NOT_CHECKED);
        assertThat(i.reason()).startsWith("line 2, column 20: sqrt(x_1^2): cannot be evaluated on the gaussian family: "
            + "sqrt of a variable (");
        SpecResult mc = check("model gaussian steps 1..1\nlet A = E_{q(x_1 | x_0)}[ abs(x_1) ]\n"
            + "claim \"an estimate inside log\": log(A) >= -100\n", 2);
        assertThat(mc.items().get(0).reason()).startsWith("line 3, column 33: log(A): cannot be evaluated on the "
            + "gaussian family: a Monte Carlo estimate inside log(...) (");
    }

    @Test
    void aFailureElsewhereOutranksAConstructThatCannotBeEvaluated() {
        // for t = 1 the right side is exact and wrong; the abs(...) inside int is not evaluable anywhere
        SpecResult r = check("model gaussian steps 1..1\nclaim \"wrong\": abar(1) + 0 * int_{x_1}( abs(x_1) ) == 2\n", 3);
        assertThat(r.items().get(0).status()).isEqualTo(SpecResult.Status.NOT_CHECKED);
        SpecResult f = check("model gaussian steps 1..1\nclaim \"wrong\": for t = 0..1, abar(t) == 1 + t * int_{x_1}( "
            + "abs(x_1) )\n", 3);
        assertThat(f.items().get(0).status()).as(f.render()).isEqualTo(SpecResult.Status.NOT_CHECKED);
    }

    @Test
    void multiplyAndDivideByQFailsOnMarkovWithoutFullSupport() throws IOException {
        String seed = Files.readString(Path.of("specs", "ddpm-vlb.prob"))
            .replace("model markov gaussian states 2..3 steps 1..4 positive", "model markov states 2..3 steps 1..4");
        SpecResult r = Spec.parse(seed, "no-positive.prob").check(Spec.options(RunConfig.DEFAULT_SEED).withTries(100));
        SpecResult.Item first = r.firstFailure().orElseThrow(() -> new AssertionError(r.render()));
        assertThat(first.name()).contains("multiply and divide by q");
        assertThat(first.counterexample()).contains("0.0");
    }

    @Test
    void zeroTimesLogZeroIsZeroAndZeroWeightPointsAreSkipped() {
        // a deterministic q(x_0) has entropy 0 exactly, on every instance where it is one-hot
        String s = "model markov states 2..3 steps 0..0\nclaim \"entropy\": H(q(x_0)) == -int_{x_0}( q(x_0) * log q(x_0) )\n"
            + "claim \"E of a log\": E_{q(x_0)}[ log q(x_0) ] == -H(q(x_0))\n";
        SpecResult r = check(s, 200);
        assertThat(r.passed()).as(r.render()).isTrue();
        assertThat(r.items()).allSatisfy(i -> assertThat(i.defined()).isEqualTo(i.instances()));
    }

    @Test
    void zeroOverZeroIsSkippedAsUndefinedNotEvaluatedToZero() {
        // issue 15: the seed's telescoping sum at T = 1, sum_{t=2}^{1} = 0 against log(q(x_1|x_0) / q(x_1|x_0)):
        // where q(x_1 | x_0) = 0 the ratio is 0/0, undefined; it was 0 and its log -inf, a false FAIL
        String s = "model markov states 2..3 steps 1..1\nclaim \"telescoping at T = 1\": sum_{t=2}^{T}( log( "
            + "q(x_t | x_0) / q(x_{t-1} | x_0) ) ) == log( q(x_T | x_0) / q(x_1 | x_0) )\n";
        SpecResult r = check(s, 200);
        assertThat(r.passed()).as(r.render()).isTrue();
        assertThat(r.items().get(0).status()).isEqualTo(SpecResult.Status.PASS);
        // a zero factor of an integrand still makes its point contribute 0, so multiply-and-divide by q
        // (checked by multiplyAndDivideByQFailsOnMarkovWithoutFullSupport) and this still hold or fail as before
        String t = "model markov states 2..3 steps 1..1\nclaim \"q/q inside int\": int_{x_1}( q(x_1 | x_0) * "
            + "p(x_1) / q(x_1 | x_0) ) <= 1\n";
        assertThat(check(t, 100).passed()).isTrue();
    }

    @Test
    void aVariableGivenItselfIsTheIdentityOnBothFamilies() {
        // SPEC-LANGUAGE.md extensions; issue 16: q(x_t | x_{t-1}, x_0) at t = 1, q(x_{t-1}, x_{t+1} | x_0) at t = 1
        String s = "model markov gaussian states 2..3 steps 1..3 positive\n"
            + "claim \"x_0 given itself\": q(x_0 | x_0) == 1\n"
            + "claim \"at t = 1\": for t = 1..T, q(x_t | x_{t-1}, x_0) == q(x_t | x_{t-1})\n"
            + "claim \"a pair given one of them\": for t = 1..T-1, q(x_{t-1}, x_{t+1} | x_0) == q(x_{t-1} | x_0) * "
            + "q(x_{t+1} | x_0, x_{t-1})\n"
            + "claim \"E over a variable given itself binds nothing\": E_{q(x_1 | x_1)}[ x_1 ] == x_1\n";
        SpecResult r = check(s, 100);
        assertThat(r.items()).as(r.render()).hasSize(8).allMatch(SpecResult.Item::passed);
    }

    @Test
    void aDerivationMayRangeOverAnIndexAndContinueLinesAfterItsColonAndReason() {
        String s = "model markov gaussian states 2..3 steps 2..3 positive\n"
            + "claim \"continued\":\n    KL( q(x_0) || p(x_0) ) >= 0\n"
            + "derive \"Bayes per step\": for t = 2..T,\n"
            + "     q(x_{t-1} | x_t, x_0)   by \"the posterior\"\n"
            + "  == q(x_t | x_{t-1}, x_0) * q(x_{t-1} | x_0) / q(x_t | x_0)   by \"Bayes\"\n"
            + "  == q(x_t | x_{t-1}) * q(x_{t-1} | x_0) / q(x_t | x_0)   by \"Markov\"\n";
        SpecResult r = check(s, 50);
        assertThat(r.items()).as(r.render()).hasSize(8).allMatch(SpecResult.Item::passed);
        String wrong = s.replace("q(x_{t-1} | x_0) / q(x_t | x_0)   by \"Markov\"", "q(x_{t-1} | x_0) / q(x_t | x_{t-1})"
            + "   by \"Markov\"");
        SpecResult w = check(wrong, 50);
        SpecResult.Item f = w.firstFailure().orElseThrow(() -> new AssertionError(w.render()));
        assertThat(f.name()).contains("step 2 (Markov)");
        assertThat(f.counterexample()).contains("at t = ");
    }

    @Test
    void freeVariablesAreCheckedAtEveryAssignment() {
        // true at x_0 = 0, false at x_0 = 1 for most instances: must fail and name the assignment
        String s = "model markov states 2..3 steps 1..2\nclaim \"not an identity\": q(x_1 | x_0) == q(x_1 | x_0 = 0)\n";
        SpecResult r = check(s, 200);
        SpecResult.Item f = r.firstFailure().orElseThrow(() -> new AssertionError(r.render()));
        assertThat(f.counterexample()).contains("at x_0 = 1").contains("K = 2 states, T = 1 step");
    }

    @Test
    void strictInequalitiesNeedADistinguishableGap() {
        String s = "model markov states 2..3 steps 0..1\nclaim \"KL > 0\": KL(q(x_0) || q(x_0)) > 0\n";
        assertThat(check(s, 50).passed()).isFalse();
        String t = "model markov states 2..3 steps 0..1\nclaim \"KL >= 0\": KL(q(x_0) || q(x_0)) >= 0\n";
        assertThat(check(t, 50).passed()).isTrue();
    }

    @Test
    void aCheckThatIsNeverDefinedIsNotCheckedInsteadOfPassingVacuously() {
        // log 0 - log 0 = -inf + inf is undefined everywhere
        SpecResult r = check("model markov states 2..2 steps 1..1\nclaim \"vacuous\": log(0) - log(0) == 0\n", 20);
        SpecResult.Item i = r.items().get(0);
        assertThat(i.status()).isEqualTo(SpecResult.Status.NOT_CHECKED);
        assertThat(i.passed()).isFalse();
        assertThat(i.reason()).startsWith("on none of the 20 instances were both sides defined");
        assertThat(r.exitCode(true)).isEqualTo(1);
    }

    @Test
    void aLetMayUseTheIndexOfTheSumItIsUsedIn() {
        String s = "model markov gaussian steps 1..3 positive\n"
            + "let Lt = E_{q(x_0)}[ E_{q(x_t | x_0)}[ KL( q(x_{t-1} | x_t, x_0) || p(x_{t-1} | x_t) ) ] ]\n"
            + "claim \"sum of KL terms is >= 0\": sum_{t=2}^{T}( Lt ) >= 0\n"
            + "claim \"and equals itself inlined\": sum_{t=2}^{T}( Lt ) == sum_{t=2}^{T}( E_{q(x_0)}[ E_{q(x_t | x_0)}[ "
            + "KL( q(x_{t-1} | x_t, x_0) || p(x_{t-1} | x_t) ) ] ] )\n";
        SpecResult r = check(s, 50);
        assertThat(r.passed()).as(r.render()).isTrue();
        assertThat(r.items()).hasSize(4);
    }

    @Test
    void badOptionsNameTheParameterAndTheValue() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Spec.options(RunConfig.DEFAULT_SEED).withTries(0))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("tries: expected an integer >= 1, got 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Spec.options(RunConfig.DEFAULT_SEED).withShard(2, 2))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("shard: expected 0 <= index < count, got 2/2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Spec.parse(Path.of("no/such/file.prob")))
            .isInstanceOf(SpecSyntaxException.class).hasMessageStartingWith("no/such/file.prob:1:1: expected a readable "
                + "UTF-8 file, found NoSuchFileException");
    }

    @Test
    void shardsPartitionTheTries() {
        String s = "model markov\nclaim \"sum\": int_{x_{0:T}}( q(x_{0:T}) ) == 1\n";
        Spec spec = Spec.parse(s, "s.prob");
        int a = spec.check(Spec.options(RunConfig.DEFAULT_SEED).withShard(0, 2)).items().get(0).instances();
        int b = spec.check(Spec.options(RunConfig.DEFAULT_SEED).withShard(1, 2)).items().get(0).instances();
        assertThat(a + b).isEqualTo(Spec.DEFAULT_TRIES);
    }
}
