package org.probity.identities;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every variational-diffusion-model identity on 1000 generated instances, and on 20 other seeds (50 tries each). */
class VdmIdentitiesProperties {
    @TestFactory
    Stream<DynamicTest> eachIdentityHoldsOnAThousandInstances() {
        return IdentityRuns.thousandInstances(VdmIdentities.all());
    }

    @TestFactory
    Stream<DynamicTest> eachIdentityHoldsUnderTwentySeeds() {
        return IdentityRuns.twentySeeds(VdmIdentities.all());
    }
}
