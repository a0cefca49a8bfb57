package org.probity.identities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.probity.check.PropertyResult;
import org.probity.check.RunConfig;

class CatalogTest {
    @Test
    void namesAreUniqueAndNonBlank() {
        List<Identity> all = Catalog.all();
        Set<String> names = new HashSet<>();
        for (Identity id : all) {
            assertThat(names.add(id.name())).as("duplicate name %s", id.name()).isTrue();
            assertThat(id.statement()).isNotBlank();
            assertThat(id.property().name()).isEqualTo(id.name());
        }
    }

    @Test
    void containsEverySectionOnce() {
        List<String> names = Catalog.all().stream().map(Identity::name).toList();
        assertThat(names).containsAll(ChainIdentities.all().stream().map(Identity::name).toList());
        assertThat(names).containsAll(D3pmIdentities.all().stream().map(Identity::name).toList());
        assertThat(Catalog.family(ChainIdentities.FAMILY)).hasSize(ChainIdentities.all().size());
        assertThat(Catalog.family(D3pmIdentities.FAMILY)).hasSize(D3pmIdentities.all().size());
        assertThat(names).containsAll(DivergenceIdentities.all().stream().map(Identity::name).toList());
        assertThat(names).containsAll(GaussianDiffusionIdentities.all().stream().map(Identity::name).toList());
        assertThat(names).containsAll(VdmIdentities.all().stream().map(Identity::name).toList());
        assertThat(names).hasSize(DivergenceIdentities.all().size() + ChainIdentities.all().size()
            + D3pmIdentities.all().size() + GaussianDiffusionIdentities.all().size() + VdmIdentities.all().size());
        assertThat(Catalog.families()).contains(ChainIdentities.FAMILY, D3pmIdentities.FAMILY, GaussianDiffusionIdentities.FAMILY,
            VdmIdentities.FAMILY);
        assertThat(Catalog.named("no such identity")).isEmpty();
    }

    /** Every entry runs through the engine and holds (a short run: the *Properties tests do 1000 tries). */
    @TestFactory
    Stream<DynamicTest> everyEntryRuns() {
        return Catalog.all().stream().map(id -> DynamicTest.dynamicTest(id.family() + ": " + id.name(), () -> {
            PropertyResult r = id.property().check(RunConfig.defaults().withTries(20));
            assertThat(r.passed()).as(r.report()).isTrue();
            assertThat(r.tries()).isGreaterThanOrEqualTo(1);
        }));
    }
}
