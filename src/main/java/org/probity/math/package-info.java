/**
 * Numerical building blocks with known error: compensated summation ({@link NeumaierSum}),
 * log-space helpers ({@link LogSpace}: logSumExp, log1mExp, xlogy), the standard normal in log
 * space ({@link StandardNormal}), Gauss–Legendre rules from 40-digit arithmetic ({@link GaussLegendre}),
 * ulp distance ({@link Ulps}), the {@link Tolerance} value type,
 * 64-digit reference arithmetic ({@link HighPrecision}) and the shortest round-trip decimal of a
 * double ({@link ShortestDouble}); {@link Counts} puts a count's noun in the right number for reports.
 *
 * <p>Follows: Neumaier 1974 and Higham, <i>Accuracy and Stability of Numerical Algorithms</i>
 * §4.3 (compensated sums); Dekker 1971 and Hida–Li–Bailey 2001 (double-double); Cody–Waite
 * argument reduction; Giulietti's Schubfach (shortest decimal); Hipparchus {@code Dfp} and
 * Commons Numbers' error functions. Edge semantics of DESIGN.md: \( 0 \log 0 = 0 \),
 * logSumExp of all \( -\infty \) is \( -\infty \).
 *
 * <p>May use: no other Probity package (the bottom layer); libraries only.
 */
package org.probity.math;
