package org.probity.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.probity.spec.Spec;
import org.probity.spec.SpecSyntaxException;

/** Finding, selecting and parsing {@code .prob} files for {@code verify} and {@code check}. */
final class SpecFiles {
    static final String EXTENSION = ".prob";

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

    static Spec parse(Path f) {
        if (!Files.exists(f)) {
            throw new BadInputException("cannot read spec file '" + f + "': no such file");
        }
        try {
            return Spec.parse(f);
        } catch (SpecSyntaxException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }
}
