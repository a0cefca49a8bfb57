/**
 * The property engine: generators built from a recorded sequence of primitive choices
 * ({@link Gen}, {@link Gens}, {@link DoubleGen}), properties with coverage requirements
 * ({@link Property}), deterministic seeded runs with shards and replay ({@link RunConfig}),
 * shrinking of the first failure, verdicts with both sides, difference and tolerance
 * ({@link Verdict}, {@link PropertyResult}, {@link Failure}), and the JUnit 5 bridge
 * ({@link PropertyTests}).
 *
 * <p>Follows: Hypothesis' choice-sequence engine (MacIver &amp; Donaldson, ECOOP 2020): shrinking
 * edits the choice sequence (delete spans, lower values, sort) in shortlex order; SplitMix64 try
 * seeds and xoroshiro128++ streams (Commons RNG); floating point across magnitudes (DESIGN.md).
 *
 * <p>May use: {@code math}. Its implementation lives in {@code check.internal}, which only this
 * package uses.
 */
package org.probity.check;
