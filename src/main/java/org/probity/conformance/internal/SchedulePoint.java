package org.probity.conformance.internal;

/**
 * One element of a schedule batch: a timestep and the per-element arguments of the schedule ops
 * (each op uses the ones it needs).
 *
 * @param t the 1-based timestep
 * @param x0 the data value (on the 256-level grid when the case needs the decoder)
 * @param xt a noisy value
 * @param eps a noise value
 * @param modelMean a model mean
 * @param modelLogVariance a model log-variance
 */
public record SchedulePoint(int t, double x0, double xt, double eps, double modelMean, double modelLogVariance) {
}
