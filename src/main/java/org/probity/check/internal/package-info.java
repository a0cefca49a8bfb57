/**
 * The implementation of the property engine: the recording choice source
 * ({@link RecordingChoices}), per-try seeds ({@link TrySeeds}), the shrinker ({@link Shrinker}),
 * replay tokens ({@link ReplayToken}), discards ({@link Discard}), probability-vector drawing and
 * value rendering.
 *
 * <p>May use: {@code org.probity.check} and what it may use. Used only by
 * {@code org.probity.check}; everyone else goes through its public API.
 */
package org.probity.check.internal;
