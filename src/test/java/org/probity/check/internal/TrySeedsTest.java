package org.probity.check.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The per-try streams are those of the documented recipe, built through Commons RNG's own factory:
 * a run's seeds, tries and replay tokens stay what they were before the streams were constructed
 * directly.
 */
class TrySeedsTest {
    @Test
    void streamsAreTheFactoryBuiltXoroshiro128PlusPlusOfTheSplitMixSeed() {
        long[] seeds = {0, 1, -1, 42, Long.MIN_VALUE, Long.MAX_VALUE, 0x9e3779b97f4a7c15L, 20261130L};
        int[] tries = {0, 1, 2, 999, 1000, 123_456, Integer.MAX_VALUE};
        for (long seed : seeds) {
            for (int i : tries) {
                long trySeed = new SplitMix64(seed + 0x9e3779b97f4a7c15L * i).nextLong();
                UniformRandomProvider expected = RandomSource.XO_RO_SHI_RO_128_PP.create(trySeed);
                UniformRandomProvider actual = TrySeeds.stream(seed, i);
                for (int k = 0; k < 64; k++) {
                    assertThat(actual.nextLong()).as("seed %d, try %d, output %d", seed, i, k).isEqualTo(expected.nextLong());
                }
            }
        }
    }

    @Test
    void differentTriesGetDifferentStreams() {
        assertThat(TrySeeds.stream(1, 0).nextLong()).isNotEqualTo(TrySeeds.stream(1, 1).nextLong());
        assertThat(TrySeeds.stream(1, 0).nextLong()).isNotEqualTo(TrySeeds.stream(2, 0).nextLong());
    }
}
