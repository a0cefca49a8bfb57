package org.probity.conformance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.probity.conformance.AdapterFault;
import org.probity.conformance.Description;
import org.probity.conformance.Op;
import org.probity.conformance.Precision;
import org.probity.conformance.StepLimits;

/**
 * Decodes an adapter's answer to {@code describe} (PROTOCOL.md, "Messages") into a
 * {@link Description}: {@code name}, {@code ops}, {@code precision} and the optional version-2 fields
 * {@code schedules}, {@code limits} and {@code variants}. An op name this Probity does not know is
 * kept as unknown (reported as not checked), never refused; every other malformed field is an
 * {@link AdapterFault} of kind {@link AdapterFault.Kind#BAD_DESCRIPTION} naming the field, what was
 * expected and what came.
 */
public final class DescribeAnswer {
    private final AdapterChannel channel;

    private DescribeAnswer(AdapterChannel channel) {
        this.channel = channel;
    }

    /**
     * @param r the {@code result} of the describe response
     * @param channel the adapter's channel (its command names an unnamed adapter; faults carry its stderr)
     * @return the description
     * @throws AdapterFault if a field is malformed
     */
    public static Description parse(JsonNode r, AdapterChannel channel) {
        return new DescribeAnswer(channel).description(r);
    }

    private Description description(JsonNode r) {
        if (!r.isObject()) {
            throw channel.fail(AdapterFault.Kind.BAD_DESCRIPTION, "describe: expected an object {name, ops, precision}, got "
                + AdapterChannel.abbreviate(r.toString()));
        }
        String name = r.hasNonNull("name") && !r.get("name").asText().isBlank() ? r.get("name").asText() : AdapterChannel.oneLine(channel.command());
        JsonNode ops = r.get("ops");
        if (ops == null || !ops.isArray()) {
            throw channel.fail(AdapterFault.Kind.BAD_DESCRIPTION, "describe: expected \"ops\" to be an array of op names, got "
                + (ops == null ? "nothing" : AdapterChannel.abbreviate(ops.toString())));
        }
        Set<Op> set = EnumSet.noneOf(Op.class);
        List<String> unknown = new ArrayList<>();
        for (String o : strings(ops, "ops")) {
            Op.fromWireName(o).ifPresentOrElse(set::add, () -> unknown.add(o));
        }
        String prec = r.hasNonNull("precision") ? r.get("precision").asText() : "float64";
        Precision precision = Precision.fromWireName(prec).orElseThrow(() -> channel.fail(AdapterFault.Kind.BAD_DESCRIPTION,
            "describe: precision must be \"float64\" or \"float32\", got \"" + prec + "\""));
        Description d = Description.of(name, set, precision).withUnknownOps(unknown);
        if (r.hasNonNull("schedules")) {
            d = d.withSchedules(strings(r.get("schedules"), "schedules"));
        }
        if (r.hasNonNull("limits")) {
            d = d.withLimits(limits(r.get("limits")));
        }
        if (r.hasNonNull("variants")) {
            JsonNode v = r.get("variants");
            if (!v.isObject()) {
                throw fault("\"variants\" to be an object {op: [values]}", v);
            }
            Map<String, List<String>> byKey = new LinkedHashMap<>();
            v.fields().forEachRemaining(e -> byKey.put(e.getKey(), strings(e.getValue(), "variants." + e.getKey())));
            d = d.withVariants(byKey);
        }
        return d;
    }

    private List<String> strings(JsonNode a, String field) {
        if (!a.isArray()) {
            throw fault("\"" + field + "\" to be an array of strings", a);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode x : a) {
            if (!x.isTextual()) {
                throw fault("\"" + field + "\" to be an array of strings", a);
            }
            out.add(x.textValue());
        }
        return out;
    }

    private StepLimits limits(JsonNode l) {
        if (!l.isObject()) {
            throw fault("\"limits\" to be an object {\"min_T\": n, \"max_T\": n}", l);
        }
        int min = 1;
        int max = Integer.MAX_VALUE;
        for (String f : new String[] {"min_T", "max_T"}) {
            JsonNode n = l.get(f);
            if (n == null || n.isNull()) {
                continue;
            }
            if (!n.canConvertToInt() || !(n.isIntegralNumber() || n.isNumber() && n.doubleValue() == Math.rint(n.doubleValue()))
                || n.asInt() < 1) {
                throw fault("\"limits\".\"" + f + "\" to be an integer >= 1", n);
            }
            if (f.equals("min_T")) {
                min = n.asInt();
            } else {
                max = n.asInt();
            }
        }
        if (min > max) {
            throw fault("\"limits\" to have min_T <= max_T", l);
        }
        return new StepLimits(min, max);
    }

    private AdapterFault fault(String expected, JsonNode got) {
        return channel.fail(AdapterFault.Kind.BAD_DESCRIPTION, "describe: expected " + expected + ", got "
            + AdapterChannel.abbreviate(got.toString()));
    }
}
