package org.probity.check;

/**
 * The largest value a targeted search observed for one label ({@link Property#target}).
 *
 * @param label what was maximised, e.g. "err/tol"
 * @param value the largest value observed over the run's tries
 * @param input the input that produced it, rendered
 * @param tries how many tries reported a value for this label
 */
public record Target(String label, double value, String input, int tries) {
}
