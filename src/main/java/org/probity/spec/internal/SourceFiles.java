package org.probity.spec.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.probity.spec.SpecSyntaxException;

/** Reading a derivation's source file, for both readers ({@code .prob} and Markdown/LaTeX). */
public final class SourceFiles {
    private SourceFiles() {
    }

    /**
     * The file's text, decoded as UTF-8.
     *
     * @throws SpecSyntaxException {@code file:1:1: expected a readable UTF-8 file, found EXCEPTION message}
     *     when it cannot be read or decoded
     */
    public static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new SpecSyntaxException(path.toString(), 1, 1, "a readable UTF-8 file",
                e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }
}
