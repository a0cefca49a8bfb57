package org.probity.identities;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every D3PM identity on 1000 generated instances, and on 20 other seeds (50 tries each). */
class D3pmIdentitiesProperties {
    @TestFactory
    Stream<DynamicTest> eachIdentityHoldsOnAThousandInstances() {
        return IdentityRuns.thousandInstances(D3pmIdentities.all());
    }

    @TestFactory
    Stream<DynamicTest> eachIdentityHoldsUnderTwentySeeds() {
        return IdentityRuns.twentySeeds(D3pmIdentities.all());
    }
}
