package org.probity.conformance.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON encoding of the adapter protocol: numbers written exactly (shortest round-trip decimal),
 * non-finite numbers as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}; read
 * back the same way and only that way. Lines are strict JSON (RFC 8259): bare {@code NaN} /
 * {@code Infinity} tokens, which Python's {@code json} writes by default, do not parse;
 * {@link #parsesWithNonFiniteTokens(String)} tells that case apart so the fault can say so.
 */
public final class Wire {
    /** The mapper used for every line: strict JSON. */
    public static final ObjectMapper MAPPER = JsonMapper.builder().build();
    /** Only to recognise a line that is JSON but for bare non-finite tokens. */
    private static final ObjectMapper LENIENT = JsonMapper.builder()
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .build();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Wire() {
    }

    /** A new empty object. */
    public static ObjectNode object() {
        return F.objectNode();
    }

    /** One number, non-finite as a string. */
    public static JsonNode number(double x) {
        if (Double.isNaN(x)) {
            return F.textNode("NaN");
        }
        if (Double.isInfinite(x)) {
            return F.textNode(x > 0 ? "Infinity" : "-Infinity");
        }
        return F.numberNode(x);
    }

    /** A flat array of numbers. */
    public static ArrayNode array(double[] xs) {
        ArrayNode a = F.arrayNode(xs.length);
        for (double x : xs) {
            a.add(number(x));
        }
        return a;
    }

    /** A flat array of integers. */
    public static ArrayNode array(int[] xs) {
        ArrayNode a = F.arrayNode(xs.length);
        for (int x : xs) {
            a.add(x);
        }
        return a;
    }

    /** An array of rows. */
    public static ArrayNode matrix(double[][] rows) {
        ArrayNode a = F.arrayNode(rows.length);
        for (double[] row : rows) {
            a.add(array(row));
        }
        return a;
    }

    /**
     * Reads one number: a JSON number or one of the strings for non-finite values.
     *
     * @return the value, or null if the node is neither
     */
    public static Double toDouble(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isTextual()) {
            switch (n.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    return null;
            }
        }
        return null;
    }

    /** Serializes a node to one line. */
    public static String line(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a tree of plain nodes", e);
        }
    }

    /**
     * @param line a line that {@link #parse(String)} refused
     * @return whether it parses once bare {@code NaN} / {@code Infinity} tokens are allowed
     */
    public static boolean parsesWithNonFiniteTokens(String line) {
        try {
            LENIENT.readTree(line);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** Parses one line; throws {@link JsonProcessingException} when it is not JSON. */
    public static JsonNode parse(String line) throws JsonProcessingException {
        return MAPPER.readTree(line);
    }
}
