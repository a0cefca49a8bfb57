/**
 * The property engine: generators built from a recorded sequence of primitive choices, biased
 * toward small values, range ends and repeats, marking the spans of their values
 * ({@link Gen}, {@link Gens}, {@link DoubleGen}, {@link Gens#recursive}), properties with coverage
 * requirements, assumptions, statistics and targeted search ({@link Property}), deterministic
 * seeded runs with shards, replay and an example database ({@link RunConfig}), every distinct
 * failure shrunk on its own, verdicts with both sides, difference and tolerance ({@link Verdict},
 * {@link PropertyResult}, {@link Failure}), the public API for callers that evaluate properties
 * themselves ({@link Engine}, {@link Trials}), and the JUnit 5 bridge ({@link PropertyTests}).
 *
 * <p>Follows: Hypothesis' choice-sequence engine (MacIver &amp; Donaldson, ECOOP 2020) and its
 * shrinker's passes (span deletion, reordering, duplicate lowering, redistribution, integer
 * minimisation; {@code internal.Shrinker}) in shortlex order; its example database and target(); SplitMix64 try
 * seeds and xoroshiro128++ streams (Commons RNG); floating point across magnitudes (DESIGN.md).
 *
 * <p>May use: {@code math}. Its implementation lives in {@code check.internal}, which only this
 * package uses.
 */
package org.probity.check;
