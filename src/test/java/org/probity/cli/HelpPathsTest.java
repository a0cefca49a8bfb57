package org.probity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The help texts name the contracts by a path that exists in a fresh clone (docs/contracts/...), never by a bare
 * file name a new user cannot find ("(PROTOCOL.md)").
 */
class HelpPathsTest {
    /** A document in capitals (a contract), with whatever path precedes it. */
    private static final Pattern CONTRACT = Pattern.compile("[\\w./-]*[A-Z][A-Z-]+\\.md");

    @Test
    void everyContractTheHelpNamesIsAPathOfTheRepository() {
        List<String> named = new ArrayList<>();
        String[][] runs = {{"--help"}, {"verify", "--help"}, {"check", "--help"}, {"check-impl", "--help"},
            {"check-impl", "--list-ops"}, {"schedule", "--help"}};
        for (String[] args : runs) {
            CliRunner.Result r = CliRunner.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
            // picocli wraps help at 80 columns: join the wrapped lines before looking for paths
            Matcher m = CONTRACT.matcher(r.out().replaceAll("\\n\\s+", " "));
            while (m.find()) {
                named.add(m.group());
            }
        }
        assertThat(named).as("the help names the contracts").contains("docs/contracts/PROTOCOL.md",
            "docs/contracts/SPEC-LANGUAGE.md", "docs/contracts/DERIVATIONS.md");
        for (String path : named) {
            assertThat(Files.isRegularFile(Path.of(path))).as("'%s' named in the help is a file of the repository", path)
                .isTrue();
        }
    }
}
