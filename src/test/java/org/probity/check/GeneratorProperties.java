package org.probity.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.probity.math.NeumaierSum;
import org.probity.math.Tolerance;

/** The generators stay in their domains and cover the magnitudes numerics needs. */
class GeneratorProperties {
    private static final RunConfig CFG = RunConfig.defaults().withSeed(7L).withTries(5000);

    @Test
    void unitIntervalCoversTinyValuesAndValuesNearOne() {
        Property<Double> p = Property.holds("in (0, 1)", Gens.doubles(0, 1).exclusive(), x -> x > 0 && x < 1)
            .cover("tiny: (0, 1e-6)", 5, x -> x > 0 && x < 1e-6)
            .cover("near one: (1 - 1e-3, 1)", 5, x -> x > 1 - 1e-3 && x < 1)
            .cover("middle: [0.01, 0.99]", 5, x -> x >= 0.01 && x <= 0.99);
        PropertyResult r = p.check(CFG);
        assertThat(r.passed()).as(r.report()).isTrue();
        assertThat(r.coverage().get("tiny: (0, 1e-6)")).isGreaterThanOrEqualTo(5.0);
    }

    @Test
    void closedUnitIntervalHitsBothEdgesExactly() {
        PropertyResult r = Property.holds("in [0, 1]", Gens.probabilities(), x -> x >= 0 && x <= 1)
            .cover("exact 0", 1, x -> x == 0.0)
            .cover("exact 1", 1, x -> x == 1.0)
            .cover("1 - 2^-53", 0.01, x -> x == 1 - 0x1p-53)
            .check(CFG.withTries(20_000));
        assertThat(r.passed()).as(r.report()).isTrue();
    }

    @Test
    void unmetCoverageFailsTheProperty() {
        PropertyResult r = Property.holds("in [0, 1]", Gens.probabilities(), x -> x >= 0 && x <= 1)
            .cover("above one", 1, x -> x > 1)
            .check(CFG);
        assertThat(r.passed()).isFalse();
        assertThat(r.failure()).isEmpty();
        assertThat(r.note()).isEqualTo("coverage: class 'above one' appeared in 0.00% of 5000 tries, required >= 1.0%");
    }

    @Test
    void subnormalsAndNonFiniteOnlyWhenAsked() {
        Property.holds("normal, finite", Gens.doubles(-1, 1), x -> Double.isFinite(x) && (x == 0 || Math.abs(x) >= Double.MIN_NORMAL))
            .assertHolds(CFG);
        Property.holds("anything", Gens.doubles(-1, 1).withSubnormals().withNonFinite(), x -> true)
            .cover("subnormal", 0.5, x -> x != 0 && Math.abs(x) < Double.MIN_NORMAL)
            .cover("NaN", 0.5, x -> Double.isNaN(x))
            .cover("infinite", 0.5, x -> Double.isInfinite(x))
            .assertHolds(CFG);
    }

    @Test
    void wideRangeSpansManyMagnitudes() {
        Set<Integer> exponents = new HashSet<>();
        Property.holds("in range", Gens.doubles(-1e300, 1e300), x -> {
            exponents.add(Math.getExponent(x));
            return x >= -1e300 && x <= 1e300;
        }).assertHolds(CFG);
        assertThat(exponents.size()).isGreaterThan(500);
    }

    @Test
    void probabilityVectorsAreNormalisedWithZerosAndNearOneHot() {
        Tolerance oneUlp = Tolerance.ulps(1).named("compensated sum of a generated vector");
        Property.forAll("sums to 1", Gens.probabilityVectors(Gens.integers(1, 12)), v -> {
            boolean nonNegative = true;
            for (double x : v) {
                nonNegative &= x >= 0 && x <= 1;
            }
            return Verdict.check(nonNegative, "entries in [0, 1]")
                .and(Verdict.close("sum of entries = 1", NeumaierSum.sum(v), 1.0, oneUlp));
        })
            // Lengths are biased toward small ones (k = 1 has no zero to show), so 10 %, not more.
            .cover("has an exact zero", 10, v -> java.util.Arrays.stream(v).anyMatch(x -> x == 0))
            .cover("near one-hot (max > 1 - 1e-3)", 10, v -> java.util.Arrays.stream(v).max().getAsDouble() > 1 - 1e-3)
            .cover("all entries >= 1e-3", 10, v -> java.util.Arrays.stream(v).allMatch(x -> x >= 1e-3))
            .assertHolds(CFG);
    }

    @Test
    void positiveStochasticMatricesHaveNoZeros() {
        Property.holds("positive rows summing to 1", Gens.positiveStochasticMatrices(4, 5), m -> {
            for (double[] row : m) {
                for (double x : row) {
                    if (!(x > 0)) {
                        return false;
                    }
                }
                if (Math.abs(NeumaierSum.sum(row) - 1) > 0x1p-52) {
                    return false;
                }
            }
            return true;
        }).assertHolds(CFG);
        Property.holds("stochastic", Gens.stochasticMatrices(3, 3), m -> m.length == 3 && m[2].length == 3)
            .cover("a zero entry", 20, m -> java.util.Arrays.stream(m).flatMapToDouble(java.util.Arrays::stream).anyMatch(x -> x == 0))
            .assertHolds(CFG);
    }

    @Test
    void sameSeedReproducesTheSameCasesAndShardsPartitionThem() {
        Gen<Pair<Integer, Double>> gen = Gens.zip(Gens.integers(-50, 50), Gens.doubles(-1, 1));
        List<String> first = collect(gen, CFG.withTries(300));
        List<String> again = collect(gen, CFG.withTries(300));
        List<String> other = collect(gen, CFG.withTries(300).withSeed(8L));
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        List<String> union = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            union.addAll(collect(gen, CFG.withTries(300).withShard(i, 3)));
        }
        assertThat(union).hasSize(300).containsExactlyInAnyOrderElementsOf(first);
    }

    @Test
    void shardsPartitionTheRunEvenWhenInputsAreDiscarded() {
        Gen<Integer> odd = Gens.integers(-1000, 1000).filter("odd", x -> x % 2 != 0);
        List<String> whole = collect(odd, CFG.withTries(300));
        List<String> union = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            union.addAll(collect(odd, CFG.withTries(300).withShard(i, 4)));
        }
        assertThat(whole).hasSize(300);
        assertThat(union).containsExactlyInAnyOrderElementsOf(whole);
    }

    @Test
    void oneOfAndFrequencyShrinkTowardTheFirstAlternative() {
        PropertyResult r = Property.holds("never 'b' or 'c'",
            Gens.frequency(Gens.weighted(1, Gens.constant("a")), Gens.weighted(5, Gens.elements("b", "c"))),
            s -> s.equals("a")).check(CFG);
        assertThat(r.failure().get().counterexample()).isEqualTo("b");
    }

    @Test
    void filterThatRarelyHoldsExhaustsTheDiscardBudget() {
        PropertyResult r = Property.holds("never reached",
                Gens.integers(0, 1_000_000).filter("an impossible condition", x -> false), x -> true)
            .check(CFG.withTries(100));
        assertThat(r.passed()).isFalse();
        assertThat(r.note()).startsWith("too many discarded inputs: 501 discarded for 0 tries").contains("an impossible condition");
    }

    private static <T> List<String> collect(Gen<T> gen, RunConfig cfg) {
        List<String> seen = new ArrayList<>();
        Property.holds("collect", gen, x -> seen.add(String.valueOf(x))).assertHolds(cfg);
        return seen;
    }
}
