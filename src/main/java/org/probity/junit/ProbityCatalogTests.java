package org.probity.junit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.probity.check.PropertyTests;
import org.probity.check.RunConfig;
import org.probity.identities.Identity;

/**
 * The JUnit 5 entry for JVM projects: Probity's identity catalog and {@code .prob} spec files as
 * dynamic tests of their own {@code mvn test}, one test per identity (grouped by family) and one
 * per spec claim or derivation step, each failing with the shrunk counterexample, the seed and
 * the replay option.
 *
 * <pre>{@code
 * class ProbityGateTest {
 *     @TestFactory
 *     Stream<DynamicNode> catalog() {
 *         return ProbityCatalogTests.catalog();
 *     }
 *
 *     @TestFactory
 *     Stream<DynamicNode> myDerivation() {
 *         return ProbityCatalogTests.spec(Path.of("src/test/resources/my-derivation.prob"));
 *     }
 * }
 * }</pre>
 *
 * <p>Runs use {@link RunConfig#defaults()}: {@value RunConfig#DEFAULT_TRIES} tries and the fixed
 * seed {@link RunConfig#DEFAULT_SEED}, overridden by {@code -Dprobity.tries=N},
 * {@code -Dprobity.seed=N} and {@code -Dprobity.replay=TOKEN} (the token a failure prints).
 */
public final class ProbityCatalogTests {
    private ProbityCatalogTests() {
    }

    /**
     * The given identities as dynamic tests, one container per family (in first-seen order).
     *
     * @param identities the identities
     * @param cfg        the run configuration
     * @return one {@link DynamicContainer} per family
     */
    public static Stream<DynamicNode> identities(List<Identity> identities, RunConfig cfg) {
        Objects.requireNonNull(cfg, "cfg");
        Map<String, List<Identity>> byFamily = new LinkedHashMap<>();
        for (Identity id : identities) {
            byFamily.computeIfAbsent(id.family(), k -> new ArrayList<>()).add(id);
        }
        return byFamily.entrySet().stream().map(e -> DynamicContainer.dynamicContainer(e.getKey(),
                PropertyTests.dynamicTests(e.getValue().stream().map(Identity::property).toList(), cfg)
                        .map(DynamicNode.class::cast)));
    }

    /**
     * @param identities the identities
     * @return {@link #identities(List, RunConfig)} with {@link RunConfig#defaults()}
     */
    public static Stream<DynamicNode> identities(List<Identity> identities) {
        return identities(identities, RunConfig.defaults());
    }

    /** A test that fails with {@code message} (for inputs that cannot be checked at all). */
    static DynamicTest failing(String name, String message) {
        return DynamicTest.dynamicTest(name, () -> {
            throw new org.opentest4j.AssertionFailedError(message);
        });
    }
}
