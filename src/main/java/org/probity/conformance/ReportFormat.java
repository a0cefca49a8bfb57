package org.probity.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.probity.conformance.internal.Wire;
import org.probity.math.Counts;

/**
 * Renders a {@link ConformanceReport}: the text check-impl prints (a table per op, then each
 * finding), Markdown ({@code summary.md}) and JSON ({@code summary.json}, schema in
 * docs/adapters.md).
 */
public final class ReportFormat {
    private ReportFormat() {
    }

    private static String usage(double u) {
        return Double.isInfinite(u) ? "∞" : String.format(Locale.ROOT, "%.3g", u);
    }

    private static String ulps(long u) {
        return u == Long.MAX_VALUE ? "∞" : Long.toString(u);
    }

    /** The verdict of an op that describe lists but this Probity does not know. */
    static final String UNKNOWN = "not checked (unknown to this Probity)";

    /** What describe declared beyond name, ops and precision, for the report's header; empty if nothing. */
    static String declared(Description d) {
        StringBuilder sb = new StringBuilder();
        if (!d.limits().isNone()) {
            sb.append("limits ").append(d.limits());
        }
        d.schedules().ifPresent(s -> sb.append(sb.length() > 0 ? "; " : "").append("schedules ").append(s));
        if (!d.variants().isEmpty()) {
            sb.append(sb.length() > 0 ? "; " : "").append("variants ").append(d.variants());
        }
        return sb.toString();
    }

    /** The plain-text report. */
    public static String text(ConformanceReport r) {
        StringBuilder sb = new StringBuilder();
        if (r.isReplay()) {
            sb.append(String.format(Locale.ROOT, "check-impl: %s, precision %s, replaying one input (--replay %s)%n",
                r.implementation().name(), r.implementation().precision().wireName(), r.replay()));
        } else {
            sb.append(String.format(Locale.ROOT, "check-impl: %s, precision %s, seed %d, %s per property%n",
                r.implementation().name(), r.implementation().precision().wireName(), r.seed(), Counts.of(r.tries(), "case")));
        }
        String declared = declared(r.implementation());
        if (!declared.isEmpty()) {
            sb.append("declared: ").append(declared).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%-36s %5s %6s %8s %12s %10s  %s%n", "op", "props", "cases", "points",
            "max ulps", "err/tol", "verdict"));
        for (OpResult o : r.ops()) {
            if (!o.checked() && r.isReplay()) {
                continue;
            }
            if (!o.checked()) {
                sb.append(String.format(Locale.ROOT, "%-36s %5s %6s %8s %12s %10s  %s%n", o.op().wireName(), "-", "-", "-", "-", "-",
                    !o.listed() ? "not checked (not listed by describe)"
                        : o.skipped().isEmpty() ? "not checked (no property of this op yet)" : "not checked (properties need ops not listed)"));
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%-36s %5d %6d %8d %12s %10s  %s%n", o.op().wireName(), o.runs().size(),
                o.cases(), o.points(), ulps(o.maxUlps()), usage(o.maxUsage()), o.verdict()));
        }
        for (String unknown : r.isReplay() ? List.<String>of() : r.implementation().unknownOps()) {
            sb.append(String.format(Locale.ROOT, "%-36s %5s %6s %8s %12s %10s  %s%n", unknown, "-", "-", "-", "-", "-", UNKNOWN));
        }
        for (OpResult o : r.isReplay() ? List.<OpResult>of() : r.ops()) {
            for (String s : o.skipped()) {
                sb.append("  skipped for ").append(o.op().wireName()).append(": ").append(s).append('\n');
            }
        }
        for (Finding f : r.findings()) {
            sb.append('\n').append(f.render(r.isReplay())).append('\n');
        }
        for (NotCheckable n : r.notCheckable()) {
            sb.append('\n').append(n.render()).append('\n');
        }
        String regions = r.notCheckable().isEmpty() ? ""
            : String.format(Locale.ROOT, ", %s with values not checkable at %s",
                Counts.of(r.notCheckable().size(), "property", "properties"),
                r.implementation().precision().wireName());
        sb.append(String.format(Locale.ROOT, "%n%s: %s%s; %s in %s, %.2f s",
            r.passed() ? "PASS" : "FAIL", Counts.of(r.findings().size(), "finding"), regions,
            Counts.of(r.points(), "element-wise evaluation"), Counts.of(r.requests(), "request"), r.elapsed().toNanos() / 1e9));
        if (r.requests() > 0) {
            sb.append(String.format(Locale.ROOT, " (%.2f s waiting on the adapter: %.0f us per request, %.1f us per evaluation)",
                r.requestNanos() / 1e9, r.requestNanos() / 1e3 / r.requests(), r.requestNanos() / 1e3 / Math.max(1, r.points())));
        }
        sb.append(System.lineSeparator());
        return sb.toString();
    }

    /** Markdown: a table per op and a section per finding. */
    public static String markdown(ConformanceReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# check-impl: ").append(r.implementation().name()).append("\n\n");
        sb.append(String.format(Locale.ROOT, "Precision %s, seed %d, %s per property, verdict **%s**.%n%n",
            r.implementation().precision().wireName(), r.seed(), Counts.of(r.tries(), "case"), r.passed() ? "pass" : "FAIL"));
        sb.append("| op | property | kind | cases | points | max ulps | err/tol | verdict |\n");
        sb.append("| --- | --- | --- | ---: | ---: | ---: | ---: | --- |\n");
        for (OpResult o : r.ops()) {
            if (!o.checked()) {
                sb.append("| `").append(o.op().wireName()).append("` | — | — | — | — | — | — | not checked |\n");
            }
            for (PropertyRun p : o.runs()) {
                sb.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %d | %d | %s | %s | %s |%n", o.op().wireName(),
                    p.property().replace("|", "\\|"), p.selfConsistency() ? "self" : "reference", p.cases(), p.points(),
                    ulps(p.maxUlps()), usage(p.maxUsage()), p.blamedOn().isPresent() && !p.failsOwnOp()
                        ? "FAIL because `" + p.blamedOn().get().wireName() + "` is wrong" : !p.passed() ? "FAIL"
                        : p.notCheckable().map(n -> "pass, " + n.count() + " not checkable").orElse("pass")));
            }
        }
        for (String unknown : r.implementation().unknownOps()) {
            sb.append("| `").append(unknown.replace("|", "\\|").replace("`", "")).append("` | — | — | — | — | — | — | ")
                .append(UNKNOWN).append(" |\n");
        }
        for (Finding f : r.findings()) {
            sb.append("\n## ").append(f.op().wireName()).append(": ").append(f.property()).append("\n\n");
            sb.append("- input: `").append(f.input()).append("`\n");
            sb.append("- ").append(f.detail()).append('\n');
            sb.append("- rerun this input: `--replay ").append(f.replayToken()).append("`\n");
        }
        for (NotCheckable n : r.notCheckable()) {
            sb.append("\n## not checkable: ").append(n.op().wireName()).append(": ").append(n.property()).append("\n\n");
            sb.append(String.format(Locale.ROOT, "- %d of %s%n", n.count(), Counts.of(n.compared(), "value")));
            sb.append("- input: `").append(n.input()).append("`\n");
            sb.append("- ").append(n.quantity()).append(": ").append(n.reason()).append('\n');
        }
        return sb.toString();
    }

    /** JSON (schema in docs/adapters.md). */
    public static String json(ConformanceReport r) {
        ObjectNode root = Wire.object();
        root.put("implementation", r.implementation().name());
        root.put("precision", r.implementation().precision().wireName());
        root.put("seed", r.seed());
        if (r.isReplay()) {
            root.put("replay", r.replay());
        }
        root.put("tries", r.tries());
        root.put("passed", r.passed());
        root.put("elapsed_seconds", r.elapsed().toNanos() / 1e9);
        root.put("requests", r.requests());
        root.put("points", r.points());
        ArrayNode ops = root.putArray("ops");
        for (OpResult o : r.ops()) {
            ObjectNode n = ops.addObject();
            n.put("op", o.op().wireName());
            n.put("verdict", o.verdict());
            ArrayNode props = n.putArray("properties");
            for (PropertyRun p : o.runs()) {
                ObjectNode pn = props.addObject();
                pn.put("name", p.property());
                pn.put("kind", p.selfConsistency() ? "self" : "reference");
                pn.put("cases", p.cases());
                pn.put("points", p.points());
                pn.set("max_ulps", p.maxUlps() == Long.MAX_VALUE ? Wire.number(Double.POSITIVE_INFINITY) : pn.numberNode(p.maxUlps()));
                pn.set("max_error_over_tolerance", Wire.number(p.maxUsage()));
                pn.put("passed", p.passed());
                p.blamedOn().ifPresent(b -> pn.put("fails_because_of", b.wireName()));
                pn.put("not_checkable", p.notCheckable().map(NotCheckable::count).orElse(0L));
            }
            ArrayNode skipped = n.putArray("skipped");
            o.skipped().forEach(skipped::add);
        }
        for (String unknown : r.implementation().unknownOps()) {
            ObjectNode n = ops.addObject();
            n.put("op", unknown);
            n.put("verdict", "not checked");
            n.putArray("properties");
            n.putArray("skipped").add("unknown to this Probity");
        }
        ArrayNode fs = root.putArray("findings");
        for (Finding f : r.findings()) {
            ObjectNode n = fs.addObject();
            n.put("op", f.op().wireName());
            n.put("property", f.property());
            n.put("input", f.input());
            n.put("quantity", f.quantity());
            n.set("implementation", Wire.number(f.implementation()));
            n.set("expected", Wire.number(f.expected()));
            n.set("difference", Wire.number(f.difference()));
            n.put("tolerance", f.tolerance());
            n.put("detail", f.detail());
            n.put("shrink_steps", f.shrinkSteps());
            n.put("replay_token", f.replayToken());
        }
        ArrayNode ncs = root.putArray("not_checkable");
        for (NotCheckable nc : r.notCheckable()) {
            ObjectNode n = ncs.addObject();
            n.put("op", nc.op().wireName());
            n.put("property", nc.property());
            n.put("input", nc.input());
            n.put("quantity", nc.quantity());
            n.set("implementation", Wire.number(nc.implementation()));
            n.set("expected", Wire.number(nc.expected()));
            n.put("reason", nc.reason());
            n.put("count", nc.count());
            n.put("compared", nc.compared());
            n.put("replay_token", nc.replayToken());
        }
        try {
            return Wire.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
