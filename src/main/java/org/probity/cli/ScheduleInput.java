package org.probity.cli;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.probity.diffusion.NamedSchedule;
import org.probity.diffusion.NoiseSchedule;
import org.probity.diffusion.Schedules;

/**
 * The schedule that {@code probity schedule NAME|FILE} examines: a named schedule (the protocol's
 * {@code linear}, {@code linear_scaled}, {@code scaled_linear}, {@code cosine} of
 * {@link NamedSchedule}, or {@code sigmoid}; {@code scaled-linear} is accepted for
 * {@code scaled_linear}; each optionally with the suffix {@code -zero-snr}) with T steps, or a file of
 * β values, one per line ({@code #} comments and blank lines allowed) or a JSON array of numbers.
 */
final class ScheduleInput {
    static final String SIGMOID = "sigmoid";
    static final String ZERO_SNR = "-zero-snr";
    /** The earlier spelling of {@code scaled_linear}, still accepted. */
    static final String SCALED_LINEAR_ALIAS = "scaled-linear";

    private static final String MSG_UNKNOWN = "unknown schedule '%s' (expected one of " + NamedSchedule.names()
            + ", sigmoid, optionally with the suffix -zero-snr, or a file of beta values)";
    private static final String MSG_NO_FILE = "cannot read schedule file '%s': no such file";
    private static final String MSG_READ = "cannot read schedule file '%s': %s";
    private static final String MSG_LINE = "%s:%d: expected a beta value, a number in (0, 1], found '%s'";
    private static final String MSG_JSON_ITEM = "%s: element %d of the JSON array: expected a beta value, a number in (0, 1], found %s";
    private static final String MSG_JSON = "%s:%d:%d: expected a JSON array of beta values, found %s";
    private static final String MSG_EMPTY = "%s: expected at least one beta value, found none";
    private static final String MSG_T_WITH_FILE = "option '--T' applies to named schedules; the file '%s' has its own steps";

    private ScheduleInput() {
    }

    /** A resolved schedule, the name to show and, for a named schedule, its definition and source (else null). */
    record Resolved(String name, NoiseSchedule schedule, String definition) {
    }

    /**
     * @param spec     a schedule name or a file path
     * @param steps    T for a named schedule, or null for the default 1000 (must be null for a file)
     * @param zeroSnr  whether to apply the zero-terminal-SNR rescale
     * @return the schedule
     * @throws BadInputException with a one-line message for an unknown name or a bad file
     */
    static Resolved resolve(String spec, Integer steps, boolean zeroSnr) {
        String base = spec.endsWith(ZERO_SNR) ? spec.substring(0, spec.length() - ZERO_SNR.length()) : spec;
        boolean rescale = zeroSnr || spec.endsWith(ZERO_SNR);
        Path path = Path.of(spec);
        NoiseSchedule s;
        String name;
        String definition = null;
        String known = base.equals(SCALED_LINEAR_ALIAS) ? NamedSchedule.SCALED_LINEAR.wireName() : base;
        if (isName(known) && !Files.exists(path)) {
            int t = steps == null ? 1000 : steps;
            s = named(known, t);
            name = known + " (T = " + t + ")";
            if (!known.equals(SIGMOID)) {
                NamedSchedule n = NamedSchedule.of(known);
                definition = n.definition() + "; " + n.source();
            }
        } else if (Files.exists(path) || spec.contains("/") || spec.contains(".")) {
            if (steps != null) {
                throw new BadInputException(String.format(Locale.ROOT, MSG_T_WITH_FILE, spec));
            }
            s = fromFile(path);
            name = spec;
        } else {
            throw new BadInputException(String.format(Locale.ROOT, MSG_UNKNOWN, spec));
        }
        if (rescale) {
            try {
                s = Schedules.zeroTerminalSnr(s);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            name = name + ", zero terminal SNR";
        }
        return new Resolved(name, s, definition);
    }

    private static boolean isName(String name) {
        return name.equals(SIGMOID) || Arrays.stream(NamedSchedule.values()).anyMatch(n -> n.wireName().equals(name));
    }

    private static NoiseSchedule named(String name, int steps) {
        try {
            return name.equals(SIGMOID) ? Schedules.sigmoid(steps) : NamedSchedule.of(name).schedule(steps);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    /**
     * @param file a file of β values (one per line, or a JSON array)
     * @return the schedule
     * @throws BadInputException naming the file, the line and the offending text
     */
    static NoiseSchedule fromFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException(String.format(Locale.ROOT, MSG_NO_FILE, file), e);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(String.format(Locale.ROOT, MSG_READ, file,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        double[] betas = text.strip().startsWith("[") ? json(text, file) : lines(text, file);
        if (betas.length == 0) {
            throw new BadInputException(String.format(Locale.ROOT, MSG_EMPTY, file));
        }
        return NoiseSchedule.of(betas);
    }

    private static double[] lines(String text, Path file) {
        List<Double> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            int hash = l.indexOf('#');
            String v = (hash >= 0 ? l.substring(0, hash) : l).strip();
            if (v.isEmpty()) {
                continue;
            }
            Double beta = beta(v);
            if (beta == null) {
                throw new BadInputException(String.format(Locale.ROOT, MSG_LINE, file, i + 1, v));
            }
            out.add(beta);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] json(String text, Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonParseException e) {
            throw new BadInputException(String.format(Locale.ROOT, MSG_JSON, file, e.getLocation().getLineNr(),
                    e.getLocation().getColumnNr(), e.getOriginalMessage().split("\n")[0]), e);
        } catch (IOException e) {
            throw new BadInputException(String.format(Locale.ROOT, MSG_READ, file, e.getMessage().split("\n")[0]), e);
        }
        if (!root.isArray()) {
            throw new BadInputException(String.format(Locale.ROOT, MSG_JSON, file, 1, 1, root.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        double[] out = new double[root.size()];
        for (int i = 0; i < root.size(); i++) {
            JsonNode n = root.get(i);
            Double beta = n.isNumber() ? beta(n.asText()) : null;
            if (beta == null) {
                throw new BadInputException(String.format(Locale.ROOT, MSG_JSON_ITEM, file, i + 1, n.toString()));
            }
            out[i] = beta;
        }
        return out;
    }

    /** A β value in (0, 1], or null. */
    private static Double beta(String s) {
        try {
            double b = Double.parseDouble(s);
            if (b > 0 && b <= 1) {
                return b;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        return null;
    }
}
