package org.probity.check.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The failing examples of one property, kept between runs (after Hypothesis' example database):
 * one text file per property under the database directory, named after the property and its hash,
 * one line per example — the shrunk choice sequence and how many runs in a row it has passed.
 *
 * <p>A run replays the stored examples before anything else. An example that fails again stays
 * (its count back to 0); one that passes is kept until it has passed {@value #PASSING_RUNS_KEPT}
 * runs in a row, then dropped, so a fixed bug leaves the database after a while and a bug that
 * comes back within that while is caught at once. The file is written to a temporary file and
 * moved into place, so a reader never sees half of it.
 */
public final class ExampleDatabase {
    /** How many runs in a row a stored example may pass before it is dropped. */
    public static final int PASSING_RUNS_KEPT = 5;
    private static final String HEADER = "# probity example database: choices<TAB>runs passed in a row; property: ";
    private static final int NAME_CHARS = 60;

    private final Path dir;
    private final Path file;
    private final String property;
    /** Stored examples (choices as text) with their passing-run counts, in file order. */
    private final Map<String, Integer> entries = new LinkedHashMap<>();
    /** Whether the file existed when opened (a run that stores nothing and found nothing writes nothing). */
    private boolean existed;

    private ExampleDatabase(Path dir, Path file, String property) {
        this.dir = dir;
        this.file = file;
        this.property = property;
    }

    /**
     * The database of the property named {@code property} under {@code dir} (created when first
     * written). An unreadable or foreign file is treated as empty.
     */
    public static ExampleDatabase open(Path dir, String property) {
        StringBuilder safe = new StringBuilder();
        for (int i = 0; i < property.length() && safe.length() < NAME_CHARS; i++) {
            char ch = property.charAt(i);
            boolean plain = ch < 128 && (Character.isLetterOrDigit(ch) || ch == '.' || ch == '_' || ch == '-');
            if (plain) {
                safe.append(ch);
            } else if (safe.length() == 0 || safe.charAt(safe.length() - 1) != '_') {
                safe.append('_');
            }
        }
        ExampleDatabase db = new ExampleDatabase(dir, dir.resolve(safe + "-" + ReplayToken.tag(property) + ".txt"), property);
        db.read();
        return db;
    }

    private void read() {
        existed = Files.isRegularFile(file);
        if (!existed) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return;
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER + property)) {
            return;
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] parts = line.split("\t");
            try {
                parse(parts[0]);
                entries.put(parts[0], parts.length > 1 ? Integer.parseInt(parts[1].strip()) : 0);
            } catch (NumberFormatException e) {
                // a damaged line is dropped
            }
        }
    }

    /** Where the examples are kept. */
    public Path location() {
        return file;
    }

    /** The stored choice sequences, oldest first. */
    public List<long[]> load() {
        return entries.keySet().stream().map(ExampleDatabase::parse).toList();
    }

    /** Notes that the stored example {@code choices} passed in this run. */
    public void passed(long[] choices) {
        entries.computeIfPresent(format(choices), (k, n) -> n + 1);
    }

    /**
     * Writes the database after a run: the examples that failed now are stored with count 0,
     * examples that passed {@value #PASSING_RUNS_KEPT} runs in a row are dropped.
     *
     * @param failing the shrunk choice sequences of this run's failures
     * @throws UncheckedIOException if the directory or file cannot be written
     */
    public void save(List<long[]> failing) {
        if (!existed && failing.isEmpty()) {
            return;
        }
        for (long[] f : failing) {
            entries.put(format(f), 0);
        }
        entries.values().removeIf(n -> n >= PASSING_RUNS_KEPT);
        try {
            if (entries.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            Files.createDirectories(dir);
            List<String> lines = new ArrayList<>();
            lines.add(HEADER + property);
            entries.forEach((k, n) -> lines.add(k + "\t" + n));
            Path tmp = dir.resolve(".write-" + Long.toHexString(System.nanoTime()) + "-" + file.getFileName());
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(String.format(Locale.ROOT,
                "example database: cannot write '%s' (set -Dprobity.database=off to run without one)", file), e);
        }
    }

    private static String format(long[] choices) {
        return Arrays.stream(choices).mapToObj(Long::toString).collect(Collectors.joining(","));
    }

    private static long[] parse(String s) {
        return s.isBlank() ? new long[0] : Arrays.stream(s.split(",")).mapToLong(x -> Long.parseLong(x.strip())).toArray();
    }
}
