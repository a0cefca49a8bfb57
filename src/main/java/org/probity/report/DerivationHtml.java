package org.probity.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.probity.math.Counts;
import org.probity.spec.SpecResult;
import org.probity.spec.latex.DocumentResult;
import org.probity.spec.latex.Place;

/**
 * {@code derivation.html}: each checked document's displays rendered with MathJax (copied from the
 * {@code org.webjars.npm:mathjax} webjar into the report directory, so the page works offline), a
 * verdict beside every step, the counterexample of a failing step expandable under it, and the
 * readings the reader inferred.
 */
public final class DerivationHtml {
    /** The page's file name. */
    public static final String FILE = "derivation.html";
    /** Where MathJax is copied, relative to the report directory. */
    public static final String MATHJAX = "mathjax/tex-svg-full.js";
    private static final String WEBJAR = "/META-INF/resources/webjars/mathjax/";
    private static final String POM = "/META-INF/maven/org.webjars.npm/mathjax/pom.properties";

    private DerivationHtml() {
    }

    /**
     * Writes the page and MathJax into {@code dir}.
     *
     * @param documents the checked documents, in order
     * @param dir an existing directory
     * @return the files written, relative to {@code dir}
     * @throws IOException when a file cannot be written or MathJax is missing from the class path
     */
    public static List<String> write(List<DocumentResult> documents, Path dir) throws IOException {
        Path js = dir.resolve(MATHJAX);
        Files.createDirectories(js.getParent());
        try (InputStream in = DerivationHtml.class.getResourceAsStream(WEBJAR + mathJaxVersion() + "/es5/tex-svg-full.js")) {
            if (in == null) {
                throw new IOException("MathJax (org.webjars.npm:mathjax) is not on the class path");
            }
            Files.copy(in, js, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(dir.resolve(FILE), page(documents), StandardCharsets.UTF_8);
        return List.of(FILE, MATHJAX);
    }

    static String mathJaxVersion() throws IOException {
        try (InputStream in = DerivationHtml.class.getResourceAsStream(POM)) {
            if (in == null) {
                throw new IOException("MathJax (org.webjars.npm:mathjax) is not on the class path");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        }
    }

    /** The HTML of the page. */
    static String page(List<DocumentResult> documents) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Probity: annotated derivation")
            .append("</title>\n<style>\n")
            .append("body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}\n")
            .append(".display{border:1px solid #ddd;border-radius:6px;margin:1rem 0;padding:.5rem 1rem}\n")
            .append(".row{display:flex;align-items:center;gap:1rem;border-top:1px dotted #eee;padding:.3rem 0}\n")
            .append(".row:first-of-type{border-top:none}.math{flex:1;overflow-x:auto}\n")
            .append(".verdict{font-weight:bold;font-size:.8rem;padding:.15rem .5rem;border-radius:4px;white-space:nowrap}\n")
            .append(".PASS{background:#d8f3dc;color:#1b4332}.FAIL{background:#ffd6d6;color:#7f1d1d}")
            .append(".NOT-CHECKED{background:#fff1c2;color:#6b4f00}.DEFINITION{background:#e0e7ff;color:#1e3a8a}\n")
            .append(".meta{font-size:.8rem;color:#555;margin:.1rem 0 .3rem 0}pre{font-size:.75rem;background:#f7f7f7;")
            .append("padding:.5rem;overflow-x:auto}details{margin:.2rem 0 .5rem 0}h2{font-size:1.1rem}\n")
            .append("</style>\n<script>\nwindow.MathJax = {tex: {inlineMath: [['\\\\(', '\\\\)']], displayMath: ")
            .append("[['\\\\[', '\\\\]']], packages: {'[+]': ['mathtools', 'boldsymbol']}, macros: {bm: ['\\\\boldsymbol{#1}', 1]}},")
            .append(" svg: {fontCache: 'global'}};\n</script>\n<script src=\"").append(MATHJAX).append("\"></script>\n")
            .append("</head>\n<body>\n");
        for (DocumentResult d : documents) {
            document(d, sb);
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    private static void document(DocumentResult d, StringBuilder sb) {
        sb.append("<h1>").append(esc(d.fileName())).append("</h1>\n<p class=\"meta\">").append(esc(d.options().toString()))
            .append("</p>\n");
        for (String m : d.modelReadings()) {
            sb.append("<p class=\"meta\">").append(esc(m)).append("</p>\n");
        }
        long pass = count(d, "PASS");
        long fail = count(d, "FAIL");
        sb.append(String.format(Locale.ROOT, "<p><b>%s</b>: %d PASS, %d FAIL, %d NOT CHECKED, %s, %d ms</p>%n",
            fail == 0 ? "PASS" : "FAIL", pass, fail, count(d, "NOT CHECKED"), Counts.of(count(d, "DEFINITION"), "definition"),
            d.elapsed().toMillis()));
        Map<String, List<DocumentResult.Entry>> groups = new LinkedHashMap<>();
        for (DocumentResult.Entry e : d.entries()) {
            Place p = e.place();
            String key = p.display() > 0 ? "display " + p.display() : "inline math, line " + p.line();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<String, List<DocumentResult.Entry>> g : groups.entrySet()) {
            sb.append("<div class=\"display\"><h2>").append(esc(g.getKey())).append(" (line ")
                .append(g.getValue().get(0).place().line()).append(")</h2>\n");
            for (DocumentResult.Entry e : g.getValue()) {
                row(e, sb);
            }
            sb.append("</div>\n");
        }
    }

    private static long count(DocumentResult d, String verdict) {
        return d.entries().stream().filter(e -> e.verdict().equals(verdict)).count();
    }

    private static void row(DocumentResult.Entry e, StringBuilder sb) {
        String v = e.verdict();
        sb.append("<div class=\"row\"><div class=\"math\">");
        if (e.kind() == DocumentResult.Kind.CHAIN) {
            sb.append("whole chain, ").append(esc(e.place().describe())).append(' ').append(esc(e.place().latex()));
        } else {
            sb.append("\\[\\begin{aligned}").append(esc(e.place().latex().replace("\\\\", " "))).append("\\end{aligned}\\]");
        }
        sb.append("</div><span class=\"verdict ").append(v.replace(' ', '-')).append("\">").append(v).append("</span></div>\n");
        sb.append("<div class=\"meta\">").append(esc(e.place().describe()));
        if (e.reason() != null) {
            sb.append(" — reason: ").append(esc(e.reason()));
        }
        if (e.kind() == DocumentResult.Kind.DEFINITION || e.kind() == DocumentResult.Kind.NOT_CHECKED) {
            sb.append("<br>").append(esc(e.detail()));
        } else if (e.detail() != null) {
            sb.append("<br>note: ").append(esc(e.detail()));
        }
        for (String r : e.readings()) {
            sb.append("<br>reading: ").append(esc(r));
        }
        for (SpecResult.Item i : e.items()) {
            sb.append("<br>").append(esc(i.family())).append(": ").append(i.status().label()).append(", ")
                .append(i.instances()).append(" instances");
            if (!Double.isNaN(i.largestDiscrepancy())) {
                sb.append(String.format(Locale.ROOT, ", largest discrepancy %.3g", i.largestDiscrepancy()));
            }
            if (i.notChecked()) {
                sb.append(" — ").append(esc(i.reason()));
            }
        }
        sb.append("</div>\n");
        for (SpecResult.Item i : e.items()) {
            if (i.failed()) {
                sb.append("<details><summary>counterexample (").append(esc(i.family())).append(")</summary><pre>")
                    .append(esc(i.counterexample())).append("</pre></details>\n");
            }
        }
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
