/**
 * The implementation of conformance checking: the adapter transport ({@link AdapterChannel},
 * {@link Wire}, {@link StderrTail}) and the decoding of answers
 * ({@link DescribeAnswer}, {@link OpAnswers}), case generators, the properties per op family, Probity's
 * reference values ({@link Reference}) and the property runner.
 *
 * <p>May use: {@code org.probity.conformance} and what it may use. Used only by
 * {@code org.probity.conformance}.
 */
package org.probity.conformance.internal;
