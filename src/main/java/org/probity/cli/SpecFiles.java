package org.probity.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.probity.spec.Spec;
import org.probity.spec.SpecSyntaxException;
import org.probity.spec.ast.Statement;

/** Finding, selecting and parsing {@code .prob} files for {@code verify} and {@code check}. */
final class SpecFiles {
    static final String EXTENSION = ".prob";
    private static final String MSG_NOTHING = "%s:%d:%d: expected a claim or a derive statement, found the end of the "
            + "file (a file that checks nothing cannot pass)";

    private SpecFiles() {
    }

    /** The {@code *.prob} files directly in {@code dir}, sorted by name; none when it does not exist. */
    static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(p)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The files whose name, name without {@code .prob}, or path is in {@code names}; the names
     * that matched are removed from {@code names}.
     */
    static List<Path> select(List<Path> files, Set<String> names) {
        List<Path> out = new ArrayList<>();
        for (Path f : files) {
            String file = f.getFileName().toString();
            String stem = file.substring(0, file.length() - EXTENSION.length());
            boolean hit = false;
            for (String key : new String[] {file, stem, f.toString()}) {
                hit |= names.remove(key);
            }
            if (hit) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * Parses every file before anything runs, so a bad file stops the run at once.
     *
     * @throws BadInputException with the parser's {@code file:line:column: expected ..., found ...}
     */
    static List<Spec> parse(List<Path> files) {
        List<Spec> out = new ArrayList<>();
        for (Path f : files) {
            out.add(parse(f));
        }
        return out;
    }

    /**
     * Reads and parses one file; a file with no claim and no derivation (empty, only comments, only
     * {@code title}/{@code model}/{@code let}) is refused, since a check of nothing would pass.
     *
     * @throws BadInputException with {@code file:line:column: expected ..., found ...}
     */
    static Spec parse(Path f) {
        String source = TextFiles.read(f, "spec file");
        Spec spec;
        try {
            spec = Spec.parse(source, f.toString());
        } catch (SpecSyntaxException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        boolean checksSomething = spec.statements().stream()
                .anyMatch(s -> s instanceof Statement.Claim || s instanceof Statement.Derive);
        if (!checksSomething) {
            int line = 1 + (int) source.chars().filter(c -> c == '\n').count();
            int column = 1 + source.length() - (source.lastIndexOf('\n') + 1);
            throw new BadInputException(String.format(Locale.ROOT, MSG_NOTHING, f, line, column));
        }
        return spec;
    }
}
