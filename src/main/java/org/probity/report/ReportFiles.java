package org.probity.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every report of a run into one directory: {@value #JSON}, {@value #MARKDOWN},
 * {@value #JUNIT} and, when schedules were examined, the charts ({@link Charts}). What each file
 * holds is documented in {@code reports/README.md}.
 */
public final class ReportFiles {
    /** Machine-readable summary, schema {@link JsonSummary#SCHEMA}. */
    public static final String JSON = "summary.json";
    /** Human-readable summary. */
    public static final String MARKDOWN = "summary.md";
    /** JUnit XML for CI servers. */
    public static final String JUNIT = "junit.xml";

    private ReportFiles() {
    }

    /**
     * @param report the run
     * @param curves the schedule curves to chart (no charts when empty)
     * @param dir    the directory, created if missing
     * @return the names of the files written, in order
     * @throws IOException if the directory or a file cannot be written
     */
    public static List<String> write(RunReport report, List<ScheduleCurve> curves, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> charts = curves.isEmpty() ? List.of() : Charts.write(curves, dir);
        Files.writeString(dir.resolve(JSON), JsonSummary.render(report), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(MARKDOWN), MarkdownSummary.render(report, charts), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(JUNIT), JUnitXml.render(report), StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>(List.of(JSON, MARKDOWN, JUNIT));
        names.addAll(charts);
        return names;
    }
}
