package org.probity.report;

import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Renders a {@link RunReport} as JUnit XML ({@code junit.xml}), the format CI servers (Jenkins,
 * GitLab, GitHub Actions test reporters, Azure DevOps) display: a {@code testsuites} root, one
 * {@code testsuite} per family with the seed and tries as {@code properties}, one
 * {@code testcase} per checked item ({@code classname} {@code probity.FAMILY}), and for a failure
 * a {@code failure} element whose {@code message} is the counterexample's first line and whose
 * text is the full counterexample with the seed and the replay command; a check that could not be
 * checked is a {@code skipped} testcase whose {@code message} is the reason.
 */
public final class JUnitXml {
    /** The {@code type} attribute of every {@code failure} element. */
    public static final String FAILURE_TYPE = "org.probity.PropertyFailure";

    private JUnitXml() {
    }

    /**
     * @param report the run
     * @return the XML document (UTF-8 declared), ending with a newline
     */
    public static String render(RunReport report) {
        Map<String, List<CheckRecord>> byFamily = new LinkedHashMap<>();
        for (CheckRecord c : report.checks()) {
            byFamily.computeIfAbsent(c.family(), k -> new ArrayList<>()).add(c);
        }
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            nl(x, 0);
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "probity " + report.command());
            x.writeAttribute("tests", Integer.toString(report.checks().size()));
            x.writeAttribute("failures", Long.toString(report.failures()));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", Integer.toString(report.notChecked().size()));
            x.writeAttribute("time", time(report.elapsed()));
            for (Map.Entry<String, List<CheckRecord>> e : byFamily.entrySet()) {
                writeSuite(x, report, e.getKey(), e.getValue());
            }
            nl(x, 0);
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return out + "\n";
    }

    private static void writeSuite(XMLStreamWriter x, RunReport report, String family, List<CheckRecord> checks)
            throws XMLStreamException {
        Duration total = checks.stream().map(CheckRecord::elapsed).reduce(Duration.ZERO, Duration::plus);
        nl(x, 1);
        x.writeStartElement("testsuite");
        x.writeAttribute("name", "probity." + family);
        x.writeAttribute("tests", Integer.toString(checks.size()));
        x.writeAttribute("failures", Long.toString(checks.stream().filter(CheckRecord::failed).count()));
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", Long.toString(checks.stream().filter(CheckRecord::notChecked).count()));
        x.writeAttribute("time", time(total));
        nl(x, 2);
        x.writeStartElement("properties");
        property(x, "probity.seed", Long.toString(report.seed()));
        property(x, "probity.tries", Integer.toString(report.tries()));
        property(x, "probity.shard", report.shard().toString());
        nl(x, 2);
        x.writeEndElement();
        for (CheckRecord c : checks) {
            nl(x, 2);
            x.writeStartElement("testcase");
            x.writeAttribute("name", clean(c.name()));
            x.writeAttribute("classname", "probity." + clean(family));
            x.writeAttribute("time", time(c.elapsed()));
            if (c.notChecked()) {
                nl(x, 3);
                x.writeEmptyElement("skipped");
                x.writeAttribute("message", clean("not checked: " + c.reason()));
                nl(x, 2);
            }
            if (c.failed()) {
                nl(x, 3);
                x.writeStartElement("failure");
                x.writeAttribute("message", clean(c.counterexampleHeadline()));
                x.writeAttribute("type", FAILURE_TYPE);
                x.writeCharacters(clean(c.counterexample().strip() + "\nseed: " + c.seed() + "\nreplay: " + c.replay()));
                x.writeEndElement();
                nl(x, 2);
            }
            x.writeEndElement();
        }
        nl(x, 1);
        x.writeEndElement();
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        nl(x, 3);
        x.writeEmptyElement("property");
        x.writeAttribute("name", name);
        x.writeAttribute("value", value);
    }

    private static void nl(XMLStreamWriter x, int depth) throws XMLStreamException {
        x.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static String time(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }

    /** Drops the characters XML 1.0 cannot hold (control characters other than tab, CR, LF). */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(cp -> cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000).forEach(b::appendCodePoint);
        return b.toString();
    }
}
