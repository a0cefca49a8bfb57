package org.probity.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
import org.probity.spec.latex.DerivationDocument;

/** Finding, selecting and parsing {@code .prob} files for {@code verify} and {@code check}. */
final class SpecFiles {
    static final String EXTENSION = ".prob";
    private static final String MSG_NOTHING = "%s:%d:%d: expected %s, found the end of the "
            + "file (a file that checks nothing cannot pass)";

    private static final String MSG_EXTENSION = "%s: expected a file ending in .prob, .md, .markdown, .tex or .latex "
            + "(or --format md|tex|prob to say how to read it), found %s";

    private SpecFiles() {
    }

    /**
     * The spec files ({@code *.prob}) and derivations ({@code *.md}, {@code *.tex}; a README.md is
     * documentation, not a derivation) directly in {@code dir}, sorted by name; none when it does not exist.
     */
    static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> checkable(p.getFileName().toString()) && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean checkable(String name) {
        return name.endsWith(EXTENSION) || (DerivationDocument.Format.ofFileName(name) != null
            && !name.equalsIgnoreCase("README.md"));
    }

    /**
     * The files whose name, name without its extension, or path is in {@code names}; the names
     * that matched are removed from {@code names}.
     */
    static List<Path> select(List<Path> files, Set<String> names) {
        List<Path> out = new ArrayList<>();
        for (Path f : files) {
            String file = f.getFileName().toString();
            int dot = file.lastIndexOf('.');
            String stem = dot < 0 ? file : file.substring(0, dot);
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
     * Parses spec files and Markdown/LaTeX derivations (by extension, or in {@code format} when it is
     * given), and standard input for {@code -} in the given format, before anything runs. An input that
     * checks nothing (no claim or step, nothing reported as not checked) is refused, since it would pass.
     *
     * @return a {@link Spec} or a {@link DerivationDocument} per argument
     * @throws BadInputException for a missing or unreadable file, '-' without --format, a parse error, or an
     *     input that checks nothing, or a file whose extension is none of .prob, .md, .markdown, .tex and .latex
     *     without --format (a notes.txt is not guessed to be a spec file)
     */
    static List<Object> parseAny(List<Path> files, String format, InputStream stdin) {
        List<Object> out = new ArrayList<>();
        for (Path f : files) {
            String name = f.toString();
            boolean standardInput = name.equals("-");
            if (standardInput && format == null) {
                throw new BadInputException("check -: expected --format md|tex|prob for standard input");
            }
            // a regular file only: a directory or a missing file gets its own message, and a device or pipe
            // (/dev/null, <(...)) has no extension to go by and is read as .prob
            if (!standardInput && format == null && !name.endsWith(EXTENSION)
                    && DerivationDocument.Format.ofFileName(name) == null && Files.isRegularFile(f)) {
                throw new BadInputException(unknownExtension(f));
            }
            DerivationDocument.Format document = format == null ? DerivationDocument.Format.ofFileName(name)
                : format.equals("md") ? DerivationDocument.Format.MARKDOWN
                : format.equals("tex") ? DerivationDocument.Format.TEX : null;
            String label = standardInput ? "<stdin>" : name;
            String text = standardInput ? readAll(stdin) : TextFiles.read(f, document == null ? "spec file" : "derivation");
            try {
                if (document == null) {
                    out.add(checked(Spec.parse(text, label), text, label));
                } else {
                    DerivationDocument d = DerivationDocument.parse(text, label, document);
                    if (!d.checksSomething()) {
                        throw nothing(text, label, "a display or inline formula stating a relation");
                    }
                    out.add(d);
                }
            } catch (SpecSyntaxException e) {
                throw new BadInputException(e.getMessage(), e);
            }
        }
        return out;
    }

    /** FILE: its extension is not one check reads, and what it accepts. */
    static String unknownExtension(Path f) {
        String file = f.getFileName() == null ? f.toString() : f.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String found = dot <= 0 ? "a name without an extension" : "the extension '" + file.substring(dot) + "'";
        return String.format(Locale.ROOT, MSG_EXTENSION, f, found);
    }

    private static String readAll(InputStream stdin) {
        try {
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("cannot read standard input: " + e.getMessage(), e);
        }
    }

    /** {@code spec} when it has a claim or a derivation; refused otherwise. */
    private static Spec checked(Spec spec, String source, String label) {
        boolean checksSomething = spec.statements().stream()
                .anyMatch(s -> s instanceof Statement.Claim || s instanceof Statement.Derive);
        if (!checksSomething) {
            throw nothing(source, label, "a claim or a derive statement");
        }
        return spec;
    }

    /** At the end of {@code source}: expected {@code what}, found the end of the file. */
    private static BadInputException nothing(String source, String label, String what) {
        int line = 1 + (int) source.chars().filter(c -> c == '\n').count();
        int column = 1 + source.length() - (source.lastIndexOf('\n') + 1);
        return new BadInputException(String.format(Locale.ROOT, MSG_NOTHING, label, line, column, what));
    }

    /**
     * Reads and parses one file; a file with no claim and no derivation (empty, only comments, only
     * {@code title}/{@code model}/{@code let}) is refused, since a check of nothing would pass.
     *
     * @throws BadInputException with {@code file:line:column: expected ..., found ...}
     */
    static Spec parse(Path f) {
        String source = TextFiles.read(f, "spec file");
        try {
            return checked(Spec.parse(source, f.toString()), source, f.toString());
        } catch (SpecSyntaxException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }
}
