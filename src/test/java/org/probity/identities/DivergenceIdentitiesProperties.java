package org.probity.identities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.probity.check.PropertyResult;
import org.probity.check.RunConfig;

/** Every divergence identity on 1000 generated instances against Probity's implementation. */
class DivergenceIdentitiesProperties {
    @TestFactory
    Stream<DynamicTest> eachIdentityHoldsOnAThousandInstances() {
        return DivergenceIdentities.all().stream().map(id -> DynamicTest.dynamicTest(id.name(), () -> {
            PropertyResult r = id.property().check(RunConfig.defaults().withTries(1000));
            assertThat(r.passed()).as(r.report()).isTrue();
            assertThat(r.tries()).isGreaterThanOrEqualTo(1000);
            System.out.printf("%s: %d tries, %d discards, %s, largest difference %.3g%n", id.name(), r.tries(),
                r.discards(), r.elapsed(), r.largestDifference());
        }));
    }
}
