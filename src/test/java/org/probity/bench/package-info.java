/**
 * Benchmarks (JMH, offline; never timed tests): the hot paths of the library measured side by side
 * with their alternatives. Run outside {@code mvn test}; see each benchmark's Javadoc.
 *
 * <p>May use: any Probity package, internals included (a benchmark measures the implementation).
 */
package org.probity.bench;
