package org.probity.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.probity.math.ShortestDouble;

/**
 * Renders a {@link RunReport} as {@code summary.json}, schema {@value #SCHEMA} (documented field by
 * field in {@code reports/README.md}). Fields appear in a fixed order, doubles as the shortest
 * decimal that round-trips ({@link ShortestDouble}), infinite doubles as the strings
 * {@code "Infinity"} and {@code "-Infinity"}, "not evaluated" as {@code null}; lines end with
 * {@code \n}. Wall-clock
 * times appear only in objects named {@code "timing"}, so two runs with the same seed, tries,
 * shard and inputs give byte-identical files once the {@code "timing"} objects are removed.
 */
public final class JsonSummary {
    /** The schema identifier written in the {@code "schema"} field. */
    public static final String SCHEMA = "probity.summary/2";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private JsonSummary() {
    }

    /**
     * @param report the run
     * @return the JSON text, ending with a newline
     */
    public static String render(RunReport report) {
        StringWriter out = new StringWriter();
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try (JsonGenerator g = FACTORY.createGenerator(out).setPrettyPrinter(pretty)) {
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeStringField("command", report.command());
            g.writeStringField("version", report.version());
            g.writeNumberField("seed", report.seed());
            g.writeNumberField("tries", report.tries());
            g.writeObjectFieldStart("shard");
            g.writeNumberField("index", report.shard().number());
            g.writeNumberField("count", report.shard().count());
            g.writeEndObject();
            g.writeStringField("verdict", report.passed() ? "PASS" : "FAIL");
            g.writeObjectFieldStart("counts");
            g.writeNumberField("checks", report.checks().size());
            g.writeNumberField("passed", report.passes());
            g.writeNumberField("failed", report.failures());
            g.writeNumberField("notChecked", report.notChecked().size());
            g.writeEndObject();
            g.writeArrayFieldStart("checks");
            for (CheckRecord c : report.checks()) {
                writeCheck(g, c);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("schedules");
            for (ScheduleSummary s : report.schedules()) {
                writeSchedule(g, s);
            }
            g.writeEndArray();
            writeTiming(g, report.elapsed());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    private static void writeCheck(JsonGenerator g, CheckRecord c) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", c.name());
        g.writeStringField("family", c.family());
        g.writeStringField("kind", c.kind());
        g.writeStringField("statement", c.statement());
        g.writeStringField("verdict", c.verdict());
        g.writeNumberField("instances", c.instances());
        if (Double.isNaN(c.largestDiscrepancy())) {
            g.writeNullField("largestDiscrepancy");
        } else {
            g.writeNumberField("largestDiscrepancy", c.largestDiscrepancy());
        }
        g.writeStringField("tolerance", c.tolerance());
        if (Double.isNaN(c.worstErrOverTol())) {
            g.writeNullField("worstErrOverTol");
        } else {
            g.writeNumberField("worstErrOverTol", c.worstErrOverTol());
        }
        g.writeNumberField("seed", c.seed());
        if (c.failed()) {
            g.writeStringField("counterexample", c.counterexample());
        } else {
            g.writeNullField("counterexample");
        }
        if (c.notChecked()) {
            g.writeStringField("reason", c.reason());
        } else {
            g.writeNullField("reason");
        }
        g.writeStringField("replay", c.replay());
        writeTiming(g, c.elapsed());
        g.writeEndObject();
    }

    private static void writeSchedule(JsonGenerator g, ScheduleSummary s) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        g.writeNumberField("steps", s.steps());
        g.writeNumberField("alphaBarT", s.alphaBarT());
        g.writeNumberField("snrFirst", s.snrFirst());
        g.writeNumberField("snrLast", s.snrLast());
        g.writeBooleanField("zeroTerminalSnr", s.zeroTerminalSnr());
        g.writeNumberField("priorKlBitsPerDimMean", s.priorKlBitsMean());
        g.writeNumberField("priorKlBitsPerDimEdge", s.priorKlBitsEdge());
        g.writeBooleanField("betaNonDecreasing", s.betaNonDecreasing());
        g.writeBooleanField("alphaBarDecreasing", s.alphaBarDecreasing());
        g.writeArrayFieldStart("clippedSteps");
        for (int t : s.clippedSteps()) {
            g.writeNumber(t);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeTiming(JsonGenerator g, Duration d) throws IOException {
        g.writeObjectFieldStart("timing");
        g.writeNumberField("seconds", d.toNanos() / 1e9);
        g.writeEndObject();
    }
}
