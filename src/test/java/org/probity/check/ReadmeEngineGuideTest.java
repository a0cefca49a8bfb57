package org.probity.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probity.math.NeumaierSum;
import org.probity.math.Tolerance;

/**
 * Every Java example of README.md's guide to the engine, compiled and run here; the first test
 * checks that each README block appears in this file word for word (up to indentation).
 */
class ReadmeEngineGuideTest {
    private static final List<Path> SOURCES = List.of(Path.of("src/test/java/org/probity/check/ReadmeEngineGuideTest.java"),
        Path.of("src/test/java/org/probity/junit/ReadmeSoftmaxTest.java"));

    @Test
    void everyJavaBlockOfTheGuideIsCompiledHere() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String guide = readme.substring(readme.indexOf("## The property engine"), readme.indexOf("## What is inside"));
        StringBuilder all = new StringBuilder();
        for (Path p : SOURCES) {
            all.append(squash(Files.readString(p, StandardCharsets.UTF_8)));
        }
        String self = all.toString();
        List<String> blocks = new ArrayList<>();
        String[] parts = guide.split("```java\n");
        for (int i = 1; i < parts.length; i++) {
            blocks.add(parts[i].substring(0, parts[i].indexOf("```")));
        }
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(5);
        for (String b : blocks) {
            assertThat(self).as("README block compiled in this test:%n%s", b).contains(squash(b));
        }
    }

    private static String squash(String s) {
        return s.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }

    /** The softmax of the logits, shifted by their maximum. */
    static double[] softmax(double[] z) {
        double m = java.util.Arrays.stream(z).max().orElse(0);
        double[] e = java.util.Arrays.stream(z).map(x -> Math.exp(x - m)).toArray();
        double s = NeumaierSum.sum(e);
        return java.util.Arrays.stream(e).map(x -> x / s).toArray();
    }

    @Test
    void generatorsAndComposites() {
        // README: generators
        Gen<double[]> logits = Gens.doubles(-30, 30).arrays(1, 16);
        Gen<List<Integer>> counts = Gens.lists(Gens.integers(0, 1000), 0, 50);
        Gen<double[]> p = Gens.probabilityVectors(Gens.integers(2, 8));
        // A composite draws its parts in order; each part shrinks on its own.
        Gen<Pair<double[], Integer>> labelled = c -> {
            double[] z = logits.generate(c);
            int label = Gens.integers(0, z.length - 1).generate(c);
            return new Pair<>(z, label);
        };
        // end
        Property.holds("label inside", labelled, zl -> zl.second() < zl.first().length).assertHolds(RunConfig.ofSeed(1));
        Property.holds("counts", counts, l -> l.size() <= 50).assertHolds(RunConfig.ofSeed(1));
        Property.holds("p", p, v -> v.length >= 2).assertHolds(RunConfig.ofSeed(1));
    }

    @Test
    void recursion() {
        // README: recursion
        Gen<String> digit = Gens.integers(0, 9).map(String::valueOf);
        Gen<String> expr = Gens.recursive(digit, self -> Gens.oneOf(digit,
            Gens.combine(self, self, (a, b) -> "(" + a + " + " + b + ")"),
            Gens.combine(self, self, (a, b) -> "(" + a + " / " + b + ")")));
        // end
        PropertyResult r = Property.holds("no division", expr, e -> !e.contains("/")).check(RunConfig.ofSeed(1));
        assertThat(r.failure().get().counterexample()).isEqualTo("(0 / 0)");
    }

    @Test
    void assumptionsStatisticsAndTargets() {
        // README: property
        Property<double[]> sumsToOne = Property.forAll("softmax sums to 1", Gens.doubles(-30, 30).arrays(1, 16), z -> {
            Property.assume(z.length > 1, "two logits or more");
            Property.label(z.length < 4 ? "2-3 logits" : "4-16 logits");
            double[] p = softmax(z);
            return Verdict.close("sum of softmax = 1", NeumaierSum.sum(p), 1.0, Tolerance.ulps(4));
        }).targeting("err/tol", Verdict::usage);
        PropertyResult r = sumsToOne.check(RunConfig.defaults());
        // r.report(): the histogram of labels and the largest err/tol found; r.toJson() has both
        // end
        assertThat(r.passed()).as(r.report()).isTrue();
        assertThat(r.statistics().get("label")).containsOnlyKeys("2-3 logits", "4-16 logits");
        assertThat(r.targets()).containsKey("err/tol");
        assertThat(r.discards()).isPositive();
    }

    @Test
    void aFailureReport() {
        // README: failure
        // Binary cross-entropy written with the second term dropped.
        Property<Pair<Double, Double>> p = Property.forAll("binary cross-entropy = -E_q log p",
            Gens.zip(Gens.probabilities(), Gens.doubles(0, 1).exclusive()),
            qp -> {
                double q = qp.first(), pr = qp.second();
                double formula = -q * Math.log(pr);                 // bug: -(1 - q) log(1 - p) is missing
                double expectation = -(q * Math.log(pr) + (1 - q) * Math.log1p(-pr));
                return Verdict.close("H(q, p) = -E_q log p", formula, expectation, Tolerance.ulps(8));
            });
        PropertyResult r = p.check(RunConfig.ofSeed(42));   // p.assertHolds() in a JUnit test
        // end
        assertThat(r.failure().get().counterexample()).isEqualTo("(0.0, 0.5)");
        System.out.println(r.report());
    }
}
