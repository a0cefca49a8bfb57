/**
 * Result records and their renderings: {@link CheckRecord} and {@link RunReport}, rendered as
 * {@code summary.json} ({@link JsonSummary}), {@code summary.md} ({@link MarkdownSummary}),
 * {@code junit.xml} ({@link JUnitXml}), a terminal table ({@link TextTable}) and PNG charts
 * ({@link Charts}); schedule profiles ({@link ScheduleProfile}). It renders and never runs:
 * {@link IdentityCheck} and {@link SpecCheck} turn results that the front end obtained into
 * records.
 *
 * <p>Follows: the JUnit XML conventions of CI servers; {@code reports/README.md} (the schema of each
 * file); XChart for the charts.
 *
 * <p>May use: {@code identities}, {@code spec}, {@code conformance}, {@code check}, {@code chain},
 * {@code diffusion}, {@code divergence}, {@code dist}, {@code math}.
 */
package org.probity.report;
