package org.probity.identities.gen;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.probity.check.Choices;
import org.probity.check.Property;
import org.probity.check.PropertyResult;
import org.probity.check.RunConfig;
import org.probity.check.Verdict;
import org.probity.diffusion.DiscreteDiffusion;

class ChainGensTest {
    private static Choices random(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        return max -> max == Long.MAX_VALUE ? rng.nextLong() & Long.MAX_VALUE : rng.nextLong(max + 1);
    }

    @Test
    void chainPairsCoverEveryShapeWithZerosAndTEqualOne() {
        Choices c = random(1);
        int[] byK = new int[ChainGens.MAX_STATES + 1];
        int tOne = 0;
        int withZero = 0;
        int n = 1000;
        for (int i = 0; i < n; i++) {
            ChainPair pair = ChainGens.chainPairs().generate(c);
            byK[pair.states()]++;
            tOne += pair.steps() == 1 ? 1 : 0;
            assertThat(Math.pow(pair.states(), pair.steps() + 1)).isLessThanOrEqualTo(ChainGens.MAX_PATHS);
            boolean zero = false;
            for (int t = 1; t <= pair.steps(); t++) {
                for (double[] row : pair.forward().transition(t)) {
                    for (double x : row) {
                        zero |= x == 0;
                    }
                }
            }
            withZero += zero ? 1 : 0;
        }
        for (int k = 2; k <= ChainGens.MAX_STATES; k++) {
            assertThat(byK[k]).as("K = %d", k).isGreaterThan(n / 20);
        }
        assertThat(tOne).isGreaterThan(n / 20);
        assertThat(withZero).isGreaterThan(n / 10);
        System.out.printf("chainPairs: T = 1 in %d of %d, a zero in q in %d%n", tOne, n, withZero);
    }

    @Test
    void d3pmInstancesCoverEveryFamily() {
        Choices c = random(2);
        int[] byFamily = new int[3];
        int tOne = 0;
        for (int i = 0; i < 500; i++) {
            D3pmInstance inst = ChainGens.d3pmInstances().generate(c);
            byFamily[inst.diffusion().family().ordinal()]++;
            tOne += inst.steps() == 1 ? 1 : 0;
        }
        for (DiscreteDiffusion.Family f : DiscreteDiffusion.Family.values()) {
            assertThat(byFamily[f.ordinal()]).as(f.name()).isGreaterThan(50);
        }
        assertThat(tOne).isGreaterThan(25);
    }

    /** A property that fails on every instance shrinks to the smallest instance: K = 2, T = 1. */
    @Test
    void failuresShrinkTowardTwoStatesAndOneStep() {
        PropertyResult r = Property.forAll("always fails", ChainGens.chainPairs(), pair -> Verdict.fail("on purpose"))
            .check(RunConfig.defaults().withTries(10));
        assertThat(r.failure()).isPresent();
        assertThat(r.failure().get().counterexample()).startsWith("K=2, T=1\n");
        PropertyResult d = Property.forAll("always fails", ChainGens.d3pmInstances(), inst -> Verdict.fail("on purpose"))
            .check(RunConfig.defaults().withTries(10));
        assertThat(d.failure().get().counterexample()).startsWith("DiscreteDiffusion[UNIFORM, K=2, T=1,");
    }
}
