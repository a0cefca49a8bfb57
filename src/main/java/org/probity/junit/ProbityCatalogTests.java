package org.probity.junit;

import java.nio.file.Path;
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
import org.probity.identities.Catalog;
import org.probity.identities.Identity;
import org.probity.spec.Spec;
import org.probity.spec.SpecResult;
import org.probity.spec.SpecSyntaxException;

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
     * Probity's whole identity catalog ({@link Catalog#all()}) as dynamic tests, one container per
     * family, run with {@link RunConfig#defaults()}.
     *
     * @return one {@link DynamicContainer} per family
     */
    public static Stream<DynamicNode> catalog() {
        return identities(Catalog.all(), RunConfig.defaults());
    }

    /**
     * The catalog run with {@code cfg}.
     *
     * @param cfg the run configuration (tries, seed, shard)
     * @return one {@link DynamicContainer} per family
     */
    public static Stream<DynamicNode> catalog(RunConfig cfg) {
        return identities(Catalog.all(), cfg);
    }

    /**
     * A {@code .prob} file as dynamic tests: one test per claim, derivation step and whole chain
     * per model family, named as {@code probity check} prints them. The file is checked once, when
     * its first test runs; a test fails with the item's report (line, text, shrunk model instance,
     * both sides, difference, tolerance, seed); an item that could not be checked (NOT CHECKED) is aborted
     * with its reason, which JUnit reports as skipped. A file that cannot be read or parsed gives one failing
     * test with the {@code file:line:column} message.
     *
     * @param file    the spec file
     * @param options seed, tries, shard
     * @return one container named after the file
     */
    public static Stream<DynamicNode> spec(Path file, RunConfig options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        String name = String.valueOf(file.getFileName());
        Spec spec;
        try {
            spec = Spec.parse(file);
        } catch (SpecSyntaxException e) {
            return Stream.of(DynamicContainer.dynamicContainer(name, Stream.of(failing("parse " + name, e.getMessage()))));
        }
        // The checker runs every item of a file in one pass; items are enumerated from that pass.
        SpecResult result = spec.check(options);
        List<DynamicNode> tests = new ArrayList<>();
        for (SpecResult.Item item : result.items()) {
            String display = item.name() + " [" + item.family() + "]";
            tests.add(DynamicTest.dynamicTest(display, () -> {
                if (item.notChecked()) {
                    throw new org.opentest4j.TestAbortedException("not checked: " + item.reason());
                }
                if (item.failed()) {
                    throw new org.opentest4j.AssertionFailedError(item.render() + "\n      seed: " + item.seed()
                            + " (rerun with -Dprobity.seed=" + item.seed() + " or probity check --seed " + item.seed()
                            + " " + file + ")");
                }
            }));
        }
        return Stream.of(DynamicContainer.dynamicContainer(name, tests.stream()));
    }

    /**
     * @param file the spec file
     * @return {@link #spec(Path, RunConfig)} with the seed of {@link RunConfig#defaults()} and
     *         {@link Spec#DEFAULT_TRIES} tries, or {@code -Dprobity.tries} when set (so the
     *         same system properties steer identities and specs)
     */
    public static Stream<DynamicNode> spec(Path file) {
        // No example database for specs: claim labels repeat across files; a spec is rerun by its seed.
        RunConfig cfg = RunConfig.defaults().withDatabase(null);
        int tries = System.getProperty("probity.tries") == null ? Spec.DEFAULT_TRIES : cfg.tries();
        return spec(file, cfg.withTries(tries));
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
