/**
 * Checks foreign implementations: the JSON-lines adapter protocol of PROTOCOL.md
 * ({@link SubprocessImplementation}, {@link AdapterFault}), the op catalog ({@link Op}), what an
 * implementation says about itself ({@link Description}), the properties of the implementation
 * alone and its agreement with Probity's reference ({@link ConformanceChecker}), and the report of
 * what was found ({@link ConformanceReport}, {@link ReportFormat}).
 *
 * <p>Follows: PROTOCOL.md (versions 1 and 2); tolerances derived from the conditioning of each
 * quantity at the declared precision ({@link Precision}); the reference is Probity's own
 * {@code diffusion} and {@code divergence}.
 *
 * <p>May use: {@code check}, {@code chain}, {@code diffusion}, {@code divergence}, {@code dist},
 * {@code math}. Its implementation lives in {@code conformance.internal}.
 */
package org.probity.conformance;
