package org.probity.check.internal;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * Derives an independent random stream for every try from the run's seed, with random access, so
 * that a run is determined by its seed and any shard of it can be run alone. The seed of try
 * {@code i} is the {@code i}-th output of SplitMix64 seeded with the run's seed; that seed then
 * initialises a xoroshiro128++ generator, its two state words being the first two outputs of
 * SplitMix64 seeded with it — exactly what {@code RandomSource.XO_RO_SHI_RO_128_PP.create(trySeed)}
 * builds (its expansion of a {@code long} seed), constructed here directly because
 * {@code RandomSource.create} converts the seed and calls the constructor reflectively, which cost
 * as much as a whole try of a simple property.
 */
public final class TrySeeds {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private TrySeeds() {
    }

    /** The random stream of try {@code tryIndex} of the run with seed {@code seed}. */
    public static UniformRandomProvider stream(long seed, int tryIndex) {
        long trySeed = new SplitMix64(seed + GOLDEN_GAMMA * tryIndex).nextLong();
        SplitMix64 expand = new SplitMix64(trySeed);
        long s0 = expand.nextLong();
        return new XoRoShiRo128PlusPlus(s0, expand.nextLong());
    }
}
