package org.probity.conformance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.probity.conformance.AdapterFault;
import org.probity.conformance.DdimSteps;
import org.probity.conformance.MeanVariance;
import org.probity.conformance.Op;
import org.probity.conformance.OpError;
import org.probity.conformance.ScheduleTable;

/**
 * Sends one op request over an {@link AdapterChannel} and decodes its {@code result} into the shape
 * the op's table row in PROTOCOL.md gives: an array of n numbers, an array of any length (a length
 * the properties check), an object of named arrays ({@code {mean, variance, log_variance}},
 * {@code {mean, std, x_prev}}, {@code {betas, alphas_cumprod}}), integer timesteps, or rows of a
 * matrix. A result of the wrong JSON type or length is an {@link AdapterFault} (a protocol matter);
 * a timestep that is not an integer is an {@link OpError} (the implementation's answer, a finding).
 */
public final class OpAnswers {
    private final AdapterChannel channel;

    /** @param channel the adapter's channel */
    public OpAnswers(AdapterChannel channel) {
        this.channel = channel;
    }

    /** The result of {@code op}: an array of exactly {@code n} numbers. */
    public double[] numbers(Op op, ObjectNode args, int n) {
        return doubles(channel.call(op.wireName(), args, n));
    }

    /** The result of {@code op}: an array of numbers of any length (the length is checked by the properties). */
    public double[] anyLength(Op op, ObjectNode args) {
        return numbers(channel.call(op.wireName(), args, -1), "result", what(op));
    }

    /** The result of {@code op}: {@code {mean, variance, log_variance}}, each of {@code n} numbers. */
    public MeanVariance meanVariance(Op op, ObjectNode args, int n) {
        JsonNode r = object(op, args, "{mean, variance, log_variance}");
        for (String f : new String[] {"mean", "variance", "log_variance"}) {
            channel.checkArray(r.get(f), f, what(op), n);
        }
        return MeanVariance.of(doubles(r.get("mean")), doubles(r.get("variance")), doubles(r.get("log_variance")));
    }

    /** The result of {@code ddim_step}: {@code {mean, std, x_prev}}, each of {@code n} numbers. */
    public DdimSteps ddimSteps(ObjectNode args, int n) {
        Op op = Op.DDIM_STEP;
        JsonNode r = object(op, args, "{mean, std, x_prev}");
        for (String f : new String[] {"mean", "std", "x_prev"}) {
            channel.checkArray(r.get(f), f, what(op), n);
        }
        return DdimSteps.of(doubles(r.get("mean")), doubles(r.get("std")), doubles(r.get("x_prev")));
    }

    /** The result of {@code beta_schedule}: {@code {betas, alphas_cumprod}} of any lengths (the answer to check). */
    public ScheduleTable scheduleTable(ObjectNode args) {
        Op op = Op.BETA_SCHEDULE;
        JsonNode r = object(op, args, "{betas, alphas_cumprod}");
        return ScheduleTable.of(numbers(r.get("betas"), "betas", what(op)), numbers(r.get("alphas_cumprod"), "alphas_cumprod", what(op)));
    }

    /**
     * The result of {@code inference_timesteps}: integers of any length.
     *
     * @throws OpError if a value is not an integer
     */
    public int[] timesteps(ObjectNode args) {
        Op op = Op.INFERENCE_TIMESTEPS;
        double[] xs = anyLength(op, args);
        int[] out = new int[xs.length];
        for (int i = 0; i < xs.length; i++) {
            if (!(xs[i] == Math.rint(xs[i]) && Math.abs(xs[i]) <= Integer.MAX_VALUE)) {
                throw new OpError(op, String.format(Locale.ROOT, "result[%d] = %s is not an integer timestep", i, xs[i]));
            }
            out[i] = (int) xs[i];
        }
        return out;
    }

    /** The result of {@code op}: {@code count} rows of {@code width} numbers. */
    public double[][] rows(Op op, ObjectNode args, int count, int width) {
        JsonNode r = channel.call(op.wireName(), args, -1);
        if (!r.isArray() || r.size() != count) {
            throw channel.fail(r.isArray() ? AdapterFault.Kind.WRONG_LENGTH : AdapterFault.Kind.WRONG_TYPE, String.format(Locale.ROOT,
                "answer to %s: expected %d rows of %d numbers, got %s", what(op), count, width, AdapterChannel.abbreviate(r.toString())));
        }
        double[][] out = new double[count][];
        for (int i = 0; i < count; i++) {
            channel.checkArray(r.get(i), "result[" + i + "]", what(op), width);
            out[i] = doubles(r.get(i));
        }
        return out;
    }

    private JsonNode object(Op op, ObjectNode args, String expected) {
        JsonNode r = channel.call(op.wireName(), args, -1);
        if (!r.isObject()) {
            throw channel.fail(AdapterFault.Kind.WRONG_TYPE, what(op) + ": expected " + expected + ", got "
                + AdapterChannel.abbreviate(r.toString()));
        }
        return r;
    }

    private double[] numbers(JsonNode a, String field, String what) {
        channel.checkArray(a, field, what, a != null && a.isArray() ? a.size() : 0);
        return doubles(a);
    }

    private static String what(Op op) {
        return "the last request (" + op.wireName() + ")";
    }

    private static double[] doubles(JsonNode a) {
        double[] xs = new double[a.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = Wire.toDouble(a.get(i));
        }
        return xs;
    }
}
