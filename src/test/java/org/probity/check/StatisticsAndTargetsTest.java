package org.probity.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probity.math.Tolerance;

/** assume() discards with its reason, collect/label make histograms, target() climbs. */
class StatisticsAndTargetsTest {
    private static final RunConfig CFG = RunConfig.ofSeed(21L).withTries(1000);

    @Test
    void assumeDiscardsTheTryAndCountsIt() {
        PropertyResult r = Property.holds("1/x is finite", Gens.integers(-10, 10), x -> {
            Property.assume(x != 0, "x is not 0");
            return Double.isFinite(1.0 / x);
        }).check(CFG);
        assertThat(r.passed()).isTrue();
        assertThat(r.discards()).isPositive();
        assertThat(r.tries()).as("an assumed-away input is redrawn").isEqualTo(1000);
    }

    @Test
    void anAssumptionThatRarelyHoldsFailsTheRunNamingIt() {
        PropertyResult r = Property.holds("rare", Gens.integers(0, 1_000_000), x -> {
            Property.assume(x == 123_457, "x is 123457");
            return true;
        }).check(CFG.withTries(100));
        assertThat(r.passed()).isFalse();
        assertThat(r.failures()).isEmpty();
        assertThat(r.note()).startsWith("too many discarded inputs: 501 discarded for 0 tries").endsWith("its assumption 'x is 123457'");
    }

    @Test
    void shrinkingNeverLandsOnAnAssumedAwayInput() {
        PropertyResult r = Property.holds("x < 50 unless x is even", Gens.integers(0, 1000), x -> {
            Property.assume(x % 2 == 1, "x is odd");
            return x < 50;
        }).check(CFG);
        assertThat(r.failure().get().counterexample()).isEqualTo("51");
    }

    @Test
    void collectAndLabelGiveHistogramsInTheReport() {
        PropertyResult r = Property.holds("anything", Gens.integers(-5, 5), x -> {
            Property.label(x < 0 ? "negative" : x == 0 ? "zero" : "positive");
            Property.collect("parity", x % 2 == 0 ? "even" : "odd");
            return true;
        }).check(CFG);
        Map<String, Integer> labels = r.statistics().get("label");
        assertThat(labels.keySet()).containsExactlyInAnyOrder("negative", "zero", "positive");
        assertThat(labels.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1000);
        assertThat(r.statistics().get("parity").keySet()).containsExactlyInAnyOrder("even", "odd");
        assertThat(r.report()).contains("statistic 'label' (1000 tries):").contains("statistic 'parity' (1000 tries):")
            .containsPattern("positive +[0-9.]+% +[0-9]+ #+");
        assertThat(r.toJson()).contains("\"statistics\" : {").contains("\"label\" : {")
            .contains("\"zero\" : " + labels.get("zero")).contains("\"even\" : " + r.statistics().get("parity").get("even"));
    }

    @Test
    void outsideABodyTheStatisticsCallsSaySo() {
        assertThatThrownBy(() -> Property.collect("s", 1)).isInstanceOf(IllegalStateException.class)
            .hasMessage("collect(...) is only meaningful inside a property's body, while the engine runs it");
        assertThatThrownBy(() -> Property.target("t", 1)).isInstanceOf(IllegalStateException.class);
    }

    /** Err/tol that peaks in a narrow bump at x0, nowhere near a special value: the hunt for the worst case. */
    private static double bump(double x) {
        double x0 = 31_415.9;
        double w = 50;
        return Math.exp(-((x - x0) / w) * ((x - x0) / w));
    }

    @Test
    void targetingFindsALargerValueThanTheSameTriesWithout() {
        Property<Double> plain = Property.forAll("bump", Gens.doubles(0, 1e5), x -> Verdict.pass());
        double without = 0;
        for (long seed = 1; seed <= 5; seed++) {
            double[] top = {0};
            Property.forAll("bump", Gens.doubles(0, 1e5), x -> {
                top[0] = Math.max(top[0], bump(x));
                return Verdict.pass();
            }).check(CFG.withSeed(seed));
            without = Math.max(without, top[0]);
        }
        Property<Double> targeted = Property.forAll("bump", Gens.doubles(0, 1e5), x -> {
            Property.target("bump", bump(x));
            return Verdict.pass();
        });
        PropertyResult r = targeted.check(CFG);
        Target t = r.targets().get("bump");
        assertThat(t.tries()).isEqualTo(1000);
        assertThat(t.value()).as("best of one targeted run vs best of five plain runs").isGreaterThan(without).isGreaterThan(0.5);
        assertThat(r.report()).contains("target bump: largest " + t.value());
        assertThat(plain.check(CFG).targets()).isEmpty();
    }

    @Test
    void targetingUsageReportsTheWorstRatioOfTheRelation() {
        // Relative error 1e-12 x against a 1e-11 tolerance: err/tol = x / 10, largest at the top of [1, 2].
        Property<Double> p = Property.forAll("x (1 + 1e-12 x) = x", Gens.doubles(1, 2),
            x -> Verdict.close("x (1 + 1e-12 x) = x", x * (1 + 1e-12 * x), x, Tolerance.relative(1e-11)))
            .targeting("err/tol", Verdict::usage);
        PropertyResult r = p.check(CFG);
        assertThat(r.passed()).isTrue();
        double worst = r.targets().get("err/tol").value();
        assertThat(worst).isEqualTo(r.tightestVerdict().get().usage()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-3));
    }
}
