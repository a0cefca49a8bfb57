package org.probity.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the text files the commands take (spec files, schedule files) with the messages of the
 * command line: one line naming the file (and, for bytes that are not UTF-8, the line and column),
 * the reason in words and never a Java class name; and a size limit, so that a huge or endless
 * input ({@code /dev/zero}) is refused instead of exhausting the memory.
 */
final class TextFiles {
    /** The largest file read: 16 MiB (a spec or a schedule of 100 000 steps is far smaller). */
    static final int MAX_BYTES = 16 << 20;

    private static final String MSG_CANNOT = "cannot read %s '%s': %s";
    private static final String MSG_TOO_LARGE = "%s: expected a %s of at most 16 MiB, found a larger one";
    private static final String MSG_CANNOT_WRITE = "cannot write %s into '%s': %s";
    private static final String MSG_NOT_UTF8 = "%s:%d:%d: expected UTF-8 text, found the byte 0x%02x (is it a binary file?)";

    private TextFiles() {
    }

    /**
     * @param file the file
     * @param what what it is, for messages ("spec file", "schedule file")
     * @return its text
     * @throws BadInputException with a one-line message if it cannot be read, is larger than
     *     {@link #MAX_BYTES} or is not UTF-8
     */
    static String read(Path file, String what) {
        if (Files.isDirectory(file)) {
            throw new BadInputException(String.format(Locale.ROOT, MSG_CANNOT, what, file, "it is a directory"));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new BadInputException(String.format(Locale.ROOT, MSG_CANNOT, what, file, reason(e)), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new BadInputException(String.format(Locale.ROOT, MSG_TOO_LARGE, file, what));
        }
        return decode(bytes, file);
    }

    /** The 1-based line and column of {@code offset} in {@code text} (a line ends at '\n'). */
    static int[] lineColumn(CharSequence text, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

    /** Strict UTF-8 decoding that names the line and column of the first byte that is not UTF-8. */
    private static String decode(byte[] bytes, Path file) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            int[] at = lineColumn(out.duplicate().flip(), out.position());
            throw new BadInputException(String.format(Locale.ROOT, MSG_NOT_UTF8, file, at[0], at[1],
                    bytes[in.position()] & 0xff));
        }
        d.flush(out);
        return out.flip().toString();
    }

    /**
     * @param what what was written ("the reports", "the charts")
     * @param dir  where (the option's value)
     * @param e    why it failed
     * @return the one-line error: {@code cannot write the reports into 'DIR': not a directory}
     */
    static BadInputException cannotWrite(String what, Path dir, IOException e) {
        return new BadInputException(String.format(Locale.ROOT, MSG_CANNOT_WRITE, what, dir, reason(e)), e);
    }

    /**
     * Creates {@code dir} (and its parents) before a command runs, so that a directory that cannot
     * be written stops the command at once instead of after the run.
     *
     * @param what what will be written there ("the reports", "the charts")
     * @param dir  the directory
     * @throws BadInputException {@code cannot write the reports into 'DIR': not a directory}
     */
    static void prepareDirectory(String what, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw cannotWrite(what, dir, e);
        }
        if (!Files.isWritable(dir)) {
            throw new BadInputException(String.format(Locale.ROOT, MSG_CANNOT_WRITE, what, dir, "permission denied"));
        }
    }

    /**
     * The reason of an I/O error in words, without Java class names: "no such file or directory",
     * "permission denied", "not a directory", ... (the operating system's wording where it gives
     * one).
     *
     * @param e the error
     * @return the reason
     */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the directory is not empty";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            String why = ((FileSystemException) e).getReason();
            return why.isEmpty() ? "I/O error" : Character.toLowerCase(why.charAt(0)) + why.substring(1);
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "I/O error" : m.strip().split("\n")[0];
    }
}
