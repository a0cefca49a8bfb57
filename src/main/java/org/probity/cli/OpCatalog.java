package org.probity.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.probity.conformance.CheckedProperty;
import org.probity.conformance.ConformanceChecker;
import org.probity.conformance.Op;

/**
 * What {@code check-impl --list-ops} prints: every op of the protocol (versions 1 and 2) with its
 * arguments, its result, the values of its enumerated argument, and each property checked for it
 * (of the implementation alone, or against Probity's reference, with the companion ops it needs);
 * as text, or as JSON for tools such as the pytest plugin.
 */
final class OpCatalog {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OpCatalog() {
    }

    static String text() {
        List<CheckedProperty> catalog = ConformanceChecker.catalog();
        StringBuilder sb = new StringBuilder();
        sb.append("Ops of the adapter protocol (docs/contracts/PROTOCOL.md); timesteps 1-based, logs natural, results in nats.\n");
        for (Op op : Op.values()) {
            sb.append(String.format(Locale.ROOT, "%n%s (version %d)%n  args:   %s%n  result: %s%n", op.wireName(), op.version(),
                op.arguments(), op.result()));
            op.enumeratedArgument().ifPresent(a -> sb.append(String.format(Locale.ROOT, "  %s: %s (describe's variants may restrict them)%n",
                a, String.join(", ", op.knownVariants()))));
            if (op == Op.BETA_SCHEDULE) {
                sb.append("  name: ").append(org.probity.diffusion.NamedSchedule.names()).append(" (describe's schedules may restrict them)\n");
            }
            sb.append("  checked:\n");
            for (CheckedProperty p : catalog) {
                if (p.op() == op) {
                    sb.append(String.format(Locale.ROOT, "    - [%s] %s%s%n", p.selfConsistency() ? "self" : "reference", p.name(),
                        p.companions().isEmpty() ? "" : " (also calls " + p.companions().stream().map(Op::wireName).sorted().toList() + ")"));
                }
            }
        }
        return sb.toString();
    }

    static String json() {
        List<CheckedProperty> catalog = ConformanceChecker.catalog();
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode ops = root.putArray("ops");
        for (Op op : Op.values()) {
            ObjectNode n = ops.addObject();
            n.put("op", op.wireName());
            n.put("version", op.version());
            n.put("args", op.arguments());
            n.put("result", op.result());
            op.enumeratedArgument().ifPresent(a -> {
                n.put("enumerated_argument", a);
                ArrayNode values = n.putArray("variants");
                op.knownVariants().forEach(values::add);
            });
            ArrayNode props = n.putArray("properties");
            for (CheckedProperty p : catalog) {
                if (p.op() == op) {
                    ObjectNode pn = props.addObject();
                    pn.put("name", p.name());
                    pn.put("kind", p.selfConsistency() ? "self" : "reference");
                    ArrayNode companions = pn.putArray("companions");
                    p.companions().stream().map(Op::wireName).sorted().forEach(companions::add);
                }
            }
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a tree of plain nodes", e);
        }
    }
}
