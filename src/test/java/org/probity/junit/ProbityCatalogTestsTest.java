package org.probity.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.probity.check.Gens;
import org.probity.check.Property;
import org.probity.check.RunConfig;
import org.probity.check.Verdict;
import org.probity.identities.Identity;
import org.probity.math.Tolerance;
import org.probity.spec.Spec;

class ProbityCatalogTestsTest {
    private static final Identity HOLDS = Identity.of("sqrt squared", "algebra", "sqrt(x)^2 = x",
            Property.forAll("sqrt squared", Gens.doubles(1e-3, 1e3), x -> Verdict.close("sqrt(x)^2 = x",
                    Math.sqrt(x) * Math.sqrt(x), x, Tolerance.ulps(2).named("2 roundings"))));
    private static final Identity BROKEN = Identity.of("naive log1p", "deliberately broken", "log(1 + x) = log1p(x)",
            Property.forAll("naive log1p", Gens.doubles(-0.5, 0.5), x -> Verdict.close("log(1 + x) = log1p(x)",
                    Math.log(1 + x), Math.log1p(x), Tolerance.ulps(4).named("4 ulps"))));

    /** How a JVM user wires it: this factory runs as part of this project's own mvn test. */
    @TestFactory
    Stream<DynamicNode> aCatalogAsDynamicTests() {
        return ProbityCatalogTests.identities(List.of(HOLDS), RunConfig.defaults().withTries(100));
    }

    /** The real catalog, as a JVM user would gate on it (few tries: the full run is probity verify's job). */
    @TestFactory
    Stream<DynamicNode> probitysOwnCatalog() {
        return ProbityCatalogTests.catalog(RunConfig.defaults().withTries(20));
    }

    /** A spec file of this repository as dynamic tests. */
    @TestFactory
    Stream<DynamicNode> aSpecFile() {
        return ProbityCatalogTests.spec(Path.of("specs/cross-entropy.prob"), Spec.options(RunConfig.DEFAULT_SEED).withTries(20));
    }

    @Test
    void aWrongSpecFailsWithItsCounterexampleAndABadOneWithFileLineColumn(@TempDir Path dir) throws Throwable {
        Path wrong = Files.writeString(dir.resolve("wrong.prob"), "title \"w\"\nmodel markov states 2..2 steps 0..1\n"
                + "claim \"symmetric\": KL( q(x_0) || p(x_0) ) == KL( p(x_0) || q(x_0) )\n");
        List<DynamicTest> tests = leaves(ProbityCatalogTests.spec(wrong, Spec.options(RunConfig.DEFAULT_SEED).withTries(20)).toList());
        assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactly("claim \"symmetric\" [markov]");
        assertThatThrownBy(() -> tests.get(0).getExecutable().execute()).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("model instance").hasMessageContaining("left side").hasMessageContaining("seed: ");
        Path bad = Files.writeString(dir.resolve("bad.prob"), "title \"b\"\nclaim \"x\": KL( q(x_0) || ) == 0\n");
        List<DynamicTest> parse = leaves(ProbityCatalogTests.spec(bad).toList());
        assertThatThrownBy(() -> parse.get(0).getExecutable().execute()).isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith(bad + ":2:");
    }

    @Test
    void aStepThatCannotBeEvaluatedIsAbortedWithItsReasonNotFailed(@TempDir Path dir) throws Throwable {
        Path file = Files.writeString(dir.resolve("skip.prob"), "model gaussian steps 1..1\n"
                + "claim \"int of abs\": int_{x_1}( abs(x_1) ) >= 0\n");
        List<DynamicTest> tests = leaves(ProbityCatalogTests.spec(file, Spec.options(RunConfig.DEFAULT_SEED).withTries(3)).toList());
        assertThatThrownBy(() -> tests.get(0).getExecutable().execute())
                .isInstanceOf(org.opentest4j.TestAbortedException.class)
                .hasMessageStartingWith("not checked: line 2, column 32: abs(x_1): cannot be evaluated");
    }

    private static List<DynamicTest> leaves(List<? extends DynamicNode> nodes) {
        List<DynamicTest> out = new ArrayList<>();
        for (DynamicNode n : nodes) {
            if (n instanceof DynamicContainer) {
                out.addAll(leaves(((DynamicContainer) n).getChildren().toList()));
            } else {
                out.add((DynamicTest) n);
            }
        }
        return out;
    }

    @Test
    void oneContainerPerFamilyAndTheBrokenIdentityFailsWithItsCounterexample() throws Throwable {
        List<DynamicNode> nodes = ProbityCatalogTests.identities(List.of(HOLDS, BROKEN), RunConfig.defaults().withTries(100))
                .toList();
        assertThat(nodes).extracting(DynamicNode::getDisplayName).containsExactly("algebra", "deliberately broken");
        List<DynamicTest> tests = new ArrayList<>();
        for (DynamicNode n : nodes) {
            ((DynamicContainer) n).getChildren().forEach(c -> tests.add((DynamicTest) c));
        }
        assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactly("sqrt squared", "naive log1p");
        tests.get(0).getExecutable().execute();
        assertThatThrownBy(() -> tests.get(1).getExecutable().execute()).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("counterexample").hasMessageContaining("log(1 + x) = log1p(x)")
                .hasMessageContaining("seed").hasMessageContaining("-Dprobity.replay=");
    }
}
