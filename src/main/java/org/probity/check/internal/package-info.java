/**
 * The implementation of the property engine: the recording choice source
 * ({@link RecordingChoices}), per-try seeds ({@link TrySeeds}), the run's time budget
 * ({@link Deadline}), the shrinker ({@link Shrinker}: its state in {@code ShrinkTarget}, its pass
 * families {@code SpanPasses}, {@code ReorderPass} and {@code ValuePasses}, numbers lowered by
 * {@code IntegerSearch}),
 * replay tokens ({@link ReplayToken}), discards ({@link Discard}), probability-vector drawing and
 * value rendering.
 *
 * <p>May use: {@code org.probity.check} and what it may use. Used only by
 * {@code org.probity.check}; everyone else goes through its public API.
 */
package org.probity.check.internal;
