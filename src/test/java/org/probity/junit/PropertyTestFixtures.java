package org.probity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.probity.check.Gen;
import org.probity.check.Gens;

/** @PropertyTest methods that fail on purpose, run by {@link PropertyTestExtensionTest} through the JUnit launcher. */
class PropertyTestFixtures {
    @PropertyTest(seed = "7", database = false)
    void sumsStayBelowAHundred(@Integers(min = 0, max = 1000) int a, @Integers(min = 0, max = 1000) int b) {
        assertThat(a + b).isLessThan(100);
    }

    @PropertyTest(seed = "7", database = false)
    void listsAreShort(@Size(max = 50) List<@Integers(min = 0, max = 9) Integer> xs) {
        assertThat(xs).hasSizeLessThan(3);
    }

    Gen<String> words() {
        return Gens.elements("a", "bb", "ccc");
    }

    @PropertyTest(seed = "7", database = false)
    void wordsAreShort(@From("words") String w) {
        assertThat(w).hasSizeLessThan(3);
    }

    static List<Object[]> badExample() {
        return List.<Object[]>of(new Object[] {-1});
    }

    @PropertyTest(seed = "7", database = false, examples = "badExample")
    void examplesRunFirst(@Integers(min = 0, max = 10) int x) {
        assertThat(x).isNotNegative();
    }

    @PropertyTest(database = false)
    void unsupportedType(Thread t) {
    }
}
