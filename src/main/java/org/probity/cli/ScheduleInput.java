package org.probity.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.nio.file.Files;
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
    /** The definition line of {@code sigmoid}, which is not a protocol schedule ({@link NamedSchedule}): {@link Schedules#sigmoid(int)}. */
    static final String SIGMOID_DEFINITION = "abar(t) = (s(3) - s(-3 + 6t/T)) / (s(3) - s(-3)), s the logistic function, "
        + "beta_t = min(1 - abar(t)/abar(t-1), 0.999) (start -3, end 3, tau 1); Chen 2023, \"On the importance of noise "
        + "scheduling\", Algorithm 1";
    static final String ZERO_SNR = "-zero-snr";
    /**
     * The most steps a schedule may have here: 100 000, far beyond the T of published models (≤ 4000)
     * and small enough that every table of the report fits in memory.
     */
    static final int MAX_STEPS = 100_000;
    /** The earlier spelling of {@code scaled_linear}, still accepted. */
    static final String SCALED_LINEAR_ALIAS = "scaled-linear";

    private static final String MSG_UNKNOWN = "unknown schedule '%s' (expected one of " + NamedSchedule.names()
            + ", sigmoid, optionally with the suffix -zero-snr, or a file of beta values)";
    private static final String MSG_READ = "cannot read schedule file '%s': %s";
    private static final String MSG_LINE = "%s:%d: expected a beta value, a number in (0, 1], found '%s'";
    private static final String MSG_JSON_ITEM = "%s: element %d of the JSON array: expected a beta value, a number in (0, 1], found %s";
    private static final String MSG_JSON = "%s:%d:%d: expected %s, found %s";
    private static final String MSG_TOO_MANY = "%s: expected at most %d beta values (the limit of T), found more";
    private static final String MSG_ZERO_SNR = "option '--zero-snr': %s";
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
            if (known.equals(SIGMOID)) {
                definition = SIGMOID_DEFINITION;
            } else {
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
                String why = e.getMessage().replaceFirst("^schedule: ", "");
                throw new BadInputException(String.format(Locale.ROOT, MSG_ZERO_SNR, why), e);
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
        String text = TextFiles.read(file, "schedule file");
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
            checkSteps(file, out.size());
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * A JSON array of numbers, token by token (Jackson's streaming parser), so that every message
     * names the position and the text found there in Probity's words. {@code NaN} and
     * {@code Infinity} are read as numbers and then refused as beta values, like any other number
     * outside (0, 1].
     */
    private static double[] json(String text, Path file) {
        JsonFactory factory = JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
        List<Double> out = new ArrayList<>();
        try (JsonParser p = factory.createParser(text)) {
            p.nextToken(); // '[': the caller saw it
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null) {
                    throw jsonError(file, p.currentLocation(), "a beta value or ']'", "the end of the file");
                }
                Double beta = t.isNumeric() ? beta(p.getText()) : null;
                if (beta == null) {
                    throw new BadInputException(String.format(Locale.ROOT, MSG_JSON_ITEM, file, out.size() + 1,
                            t.isScalarValue() ? p.getText() : t.asString() == null ? t.name() : t.asString()));
                }
                out.add(beta);
                checkSteps(file, out.size());
            }
            if (p.nextToken() != null) {
                throw jsonError(file, p.currentTokenLocation(), "the end of the file after the array", "'" + p.getText() + "'");
            }
        } catch (JsonEOFException e) {
            throw syntaxError(file, text, text.length(), "the end of the file");
        } catch (JsonParseException e) {
            // Jackson's offset is at the offending character or just past the offending word: name the word
            int offset = (int) Math.min(text.length(), Math.max(0, e.getLocation().getCharOffset()));
            if (offset == text.length() || !isWordChar(text.charAt(offset))) {
                offset = offset > 0 && isWordChar(text.charAt(offset - 1)) ? offset - 1 : offset;
            }
            if (offset == text.length()) {
                throw syntaxError(file, text, offset, "the end of the file");
            }
            int from = offset;
            int to = offset + 1;
            while (from > 0 && isWordChar(text.charAt(from - 1)) && isWordChar(text.charAt(offset))) {
                from--;
            }
            while (to < text.length() && isWordChar(text.charAt(to)) && isWordChar(text.charAt(offset))) {
                to++;
            }
            throw syntaxError(file, text, from, "'" + text.substring(from, to) + "'");
        } catch (IOException e) {
            throw new BadInputException(String.format(Locale.ROOT, MSG_READ, file, TextFiles.reason(e)), e);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static BadInputException jsonError(Path file, JsonLocation at, String expected, String found) {
        return new BadInputException(String.format(Locale.ROOT, MSG_JSON, file, at.getLineNr(), at.getColumnNr(),
                expected, found));
    }

    private static boolean isWordChar(char c) {
        return !Character.isWhitespace(c) && ",[]{}:\"".indexOf(c) < 0;
    }

    /** "FILE:LINE:COLUMN: expected a JSON array of beta values, found ..." at {@code offset} of {@code text}. */
    private static BadInputException syntaxError(Path file, String text, int offset, String found) {
        int[] at = TextFiles.lineColumn(text, offset);
        return new BadInputException(String.format(Locale.ROOT, MSG_JSON, file, at[0], at[1],
                "a JSON array of beta values", found));
    }

    /** Refuses a file with more than {@link #MAX_STEPS} beta values. */
    private static void checkSteps(Path file, int count) {
        if (count > MAX_STEPS) {
            throw new BadInputException(String.format(Locale.ROOT, MSG_TOO_MANY, file, MAX_STEPS));
        }
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
