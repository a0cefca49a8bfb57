/**
 * The implementation of {@code org.probity.diffusion}'s schedules: double-double arithmetic
 * ({@link DoubleDouble}; Dekker 1971, Hida–Li–Bailey 2001) and the derived tables of a noise
 * schedule computed in it and rounded once ({@link ScheduleTables}); the continuous log-SNR
 * schedules ({@link LinearLogSnr}, {@link CosineLogSnr}) and the cancellation-free moments of
 * VDM's closed-form loss ({@link RationalIntegrals}).
 *
 * <p>May use: {@code org.probity.diffusion} and what it may use. Used only by
 * {@code org.probity.diffusion}.
 */
package org.probity.diffusion.internal;
