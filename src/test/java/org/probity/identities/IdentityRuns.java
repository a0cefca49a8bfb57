package org.probity.identities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.probity.check.PropertyResult;
import org.probity.check.RunConfig;

/** The two runs every family of identities gets: 1000 instances, and 20 other seeds of 50 tries. */
final class IdentityRuns {
    static final int TRIES = 1000;
    static final int SEEDS = 20;
    static final int TRIES_PER_SEED = 50;

    private IdentityRuns() {
    }

    /** One test per identity: it holds on {@value #TRIES} generated instances (default seed). */
    static Stream<DynamicTest> thousandInstances(List<Identity> ids) {
        return ids.stream().map(id -> DynamicTest.dynamicTest(id.name(), () -> {
            PropertyResult r = id.property().check(RunConfig.defaults().withTries(TRIES));
            assertThat(r.passed()).as(r.report()).isTrue();
            assertThat(r.tries()).isGreaterThanOrEqualTo(TRIES);
            System.out.printf("%s: %d tries, %d discards, %s, largest difference %.3g%n", id.name(), r.tries(),
                r.discards(), r.elapsed(), r.largestDifference());
        }));
    }

    /** One test per identity: it holds under {@value #SEEDS} different seeds. */
    static Stream<DynamicTest> twentySeeds(List<Identity> ids) {
        return ids.stream().map(id -> DynamicTest.dynamicTest(id.name() + " x " + SEEDS + " seeds", () -> {
            for (int s = 1; s <= SEEDS; s++) {
                long seed = 0x9E3779B97F4A7C15L * s;
                PropertyResult r = id.property().check(RunConfig.defaults().withSeed(seed).withTries(TRIES_PER_SEED));
                assertThat(r.passed()).as("seed %d: %s", seed, r.report()).isTrue();
            }
        }));
    }
}
