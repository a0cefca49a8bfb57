package org.probity.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an implementation says about itself (the answer to {@code describe}, PROTOCOL.md): its name, the
 * ops it supports and the precision it computes in, and optionally the named schedules its
 * {@code beta_schedule} builds, the schedule lengths it accepts ({@link StepLimits}) and the values of
 * each op's enumerated argument it supports ({@code variants}). Ops not listed are skipped and reported
 * as not checked; ops this Probity does not know are kept by name ({@link #unknownOps()}) and
 * reported as not checked too. Immutable: {@code withX} returns a copy.
 */
public final class Description {
    private static final String MSG_BLANK = "name: expected a non-blank implementation name, got '%s'";

    private final String name;
    private final Set<Op> ops;
    private final Precision precision;
    private final List<String> unknownOps;
    private final List<String> schedules; // null: not declared (every name Probity knows)
    private final StepLimits limits;
    private final Map<String, List<String>> variants;

    private Description(String name, Set<Op> ops, Precision precision, List<String> unknownOps, List<String> schedules,
                        StepLimits limits, Map<String, List<String>> variants) {
        this.name = name;
        this.ops = ops;
        this.precision = precision;
        this.unknownOps = unknownOps;
        this.schedules = schedules;
        this.limits = limits;
        this.variants = variants;
    }

    /**
     * A description without schedules, limits or variants.
     *
     * @param name the implementation's name, non-blank
     * @param ops the ops it supports (copied)
     * @param precision the arithmetic it computes in
     * @return the description
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Description of(String name, Set<Op> ops, Precision precision) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ops, "ops");
        Objects.requireNonNull(precision, "precision");
        if (name.isBlank()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_BLANK, name));
        }
        Set<Op> copy = ops.isEmpty() ? EnumSet.noneOf(Op.class) : EnumSet.copyOf(ops);
        return new Description(name, Collections.unmodifiableSet(copy), precision, List.of(), null, StepLimits.NONE, Map.of());
    }

    /** A copy that also lists op names this Probity does not know (skipped, reported as not checked). */
    public Description withUnknownOps(List<String> names) {
        return new Description(name, ops, precision, List.copyOf(names), schedules, limits, variants);
    }

    /** A copy declaring the named schedules {@code beta_schedule} supports. */
    public Description withSchedules(List<String> names) {
        return new Description(name, ops, precision, unknownOps, List.copyOf(names), limits, variants);
    }

    /** A copy declaring the schedule lengths the implementation accepts. */
    public Description withLimits(StepLimits stepLimits) {
        return new Description(name, ops, precision, unknownOps, schedules, Objects.requireNonNull(stepLimits, "limits"), variants);
    }

    /**
     * A copy declaring the supported values of enumerated arguments, keyed by op name (or
     * {@code "d3pm"} for the three D3PM ops), e.g. {@code {"inference_timesteps": ["trailing"]}}.
     */
    public Description withVariants(Map<String, List<String>> byKey) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        byKey.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return new Description(name, ops, precision, unknownOps, schedules, limits, Collections.unmodifiableMap(copy));
    }

    /** The implementation's name. */
    public String name() {
        return name;
    }

    /** The supported ops this Probity knows, in protocol order (unmodifiable). */
    public Set<Op> ops() {
        return ops;
    }

    /** The declared precision. */
    public Precision precision() {
        return precision;
    }

    /** Whether {@code op} is supported. */
    public boolean supports(Op op) {
        return ops.contains(op);
    }

    /** Listed op names this Probity does not know, in the order listed. */
    public List<String> unknownOps() {
        return unknownOps;
    }

    /** The named schedules {@code beta_schedule} supports, or empty when not declared (every name). */
    public Optional<List<String>> schedules() {
        return Optional.ofNullable(schedules);
    }

    /** The schedule lengths the implementation accepts ({@link StepLimits#NONE} when not declared). */
    public StepLimits limits() {
        return limits;
    }

    /** The declared variants by key (op name or {@code "d3pm"}). */
    public Map<String, List<String>> variants() {
        return variants;
    }

    /**
     * The values of {@code op}'s enumerated argument to check: those of {@code known} that the
     * implementation declares (under the op's name, or {@code "d3pm"} for a D3PM op), all of them when it
     * declares nothing for the op.
     *
     * @param op the op
     * @param known the values this Probity knows, in its order
     * @return the values to check, in the order of {@code known}
     */
    public List<String> variantsOf(Op op, List<String> known) {
        List<String> declared = variants.get(op.wireName());
        if (declared == null && op.wireName().startsWith("d3pm_")) {
            declared = variants.get("d3pm");
        }
        if (declared == null) {
            return known;
        }
        List<String> out = new ArrayList<>();
        for (String k : known) {
            if (declared.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(" (").append(precision.wireName()).append(", ops ").append(ops);
        if (!unknownOps.isEmpty()) {
            sb.append(", unknown ops ").append(unknownOps);
        }
        if (schedules != null) {
            sb.append(", schedules ").append(schedules);
        }
        if (!limits.isNone()) {
            sb.append(", limits ").append(limits);
        }
        if (!variants.isEmpty()) {
            sb.append(", variants ").append(variants);
        }
        return sb.append(')').toString();
    }
}
