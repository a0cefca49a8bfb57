package org.probity.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.probity.check.Gen;
import org.probity.check.Gens;
import org.probity.check.Property;
import org.probity.math.NeumaierSum;

/** @PropertyTest methods run as properties: generated parameters, per-method settings, reports on failure. */
class PropertyTestExtensionTest {
    private int beforeEach;

    @BeforeEach
    void countBeforeEach() {
        beforeEach++;
    }

    @PropertyTest(tries = 200)
    void runsOncePerTryWithGeneratedArguments(@Integers(min = 1, max = 12) int k, @Probabilities double p, TestInfo info) {
        assertThat(k).isBetween(1, 12);
        assertThat(p).isBetween(0.0, 1.0);
        assertThat(info.getTestMethod()).isPresent();
        assertThat(beforeEach).as("@BeforeEach runs once per property").isEqualTo(1);
    }

    @PropertyTest(tries = 300)
    void probabilityVectorsSumToOne(@ProbabilityVectors(minSize = 1, maxSize = 6) double[] v) {
        Property.label(v.length == 1 ? "one state" : "several states");
        assertThat(Math.abs(NeumaierSum.sum(v) - 1)).isLessThanOrEqualTo(0x1p-52);
    }

    @PropertyTest(tries = 100)
    void typesWithoutAnnotations(long a, boolean b, double[] xs, List<Integer> ys, Thread.State s) {
        assertThat(s).isNotNull();
        assertThat(xs.length).isLessThanOrEqualTo(20);
        assertThat(ys).hasSizeLessThanOrEqualTo(20);
    }

    Gen<Integer> evens() {
        return Gens.integers(0, 50).map(x -> 2 * x);
    }

    @PropertyTest(tries = 100)
    void providers(@From("evens") int x) {
        Property.assume(x != 0, "x is not 0");
        assertThat(x % 2).isZero();
    }

    /** Runs one fixture method through the JUnit launcher and returns its failure messages. */
    private static List<String> failures(String method) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
            .selectors(selectMethod(PropertyTestFixtures.class, java.util.Arrays.stream(PropertyTestFixtures.class.getDeclaredMethods())
                .filter(m -> m.getName().equals(method)).findFirst().orElseThrow())).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        return summary.getFailures().stream().map(f -> String.valueOf(f.getException().getMessage())).toList();
    }

    @org.junit.jupiter.api.Test
    void aFailingPropertyFailsItsTestWithTheShrunkArguments() {
        List<String> f = failures("sumsStayBelowAHundred");
        assertThat(f).hasSize(1);
        assertThat(f.get(0)).startsWith("Property 'org.probity.junit.PropertyTestFixtures#sumsStayBelowAHundred' FAILED")
            .contains("counterexample (shrunk in").containsPattern("counterexample \\(shrunk in \\d+ steps?\\): \\((a = )?0, (b = )?100\\)")
            .contains("seed: 7 (set by the caller").contains("replay this input: -Dprobity.replay=");
    }

    @org.junit.jupiter.api.Test
    void typeAnnotationsProvidersAndExamples() {
        assertThat(failures("listsAreShort").get(0)).containsPattern("\\(((xs) = )?\\[0, 0, 0\\]\\)")
            .contains("to be less than 3 but was 3");
        assertThat(failures("wordsAreShort").get(0)).containsPattern("\\((w = )?ccc\\)");
        assertThat(failures("examplesRunFirst").get(0)).contains("FAILED after 0 tries and 1 example").containsPattern("\\((x = )?-1\\)");
    }

    @org.junit.jupiter.api.Test
    void aParameterWithoutAGeneratorIsAnErrorNamingIt() {
        assertThat(failures("unsupportedType").get(0)).isEqualTo("@PropertyTest org.probity.junit.PropertyTestFixtures#unsupportedType: "
            + "cannot generate parameter 0 of type class java.lang.Thread; annotate it with @From(\"method\") naming a method "
            + "of the test class that returns a Gen of that type");
    }
}
