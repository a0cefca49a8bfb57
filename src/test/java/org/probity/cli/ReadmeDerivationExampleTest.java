package org.probity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README.md's Markdown derivation example: the document it shows gives the verdict lines it shows. */
class ReadmeDerivationExampleTest {
    private static final String MARKER = "<!-- readme-derivation-example -->";

    @TempDir
    Path dir;

    @Test
    void theReadmeExampleGivesTheOutputItShows() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int at = readme.indexOf(MARKER);
        assertThat(at).as("README.md has the derivation example").isPositive();
        int docStart = readme.indexOf("```markdown\n", at) + "```markdown\n".length();
        int docEnd = readme.indexOf("```\n", docStart);
        Path doc = Files.writeString(dir.resolve("swapped.md"), readme.substring(docStart, docEnd));
        int outStart = readme.indexOf("$ ./probity check swapped.md\n", docEnd) + "$ ./probity check swapped.md\n".length();
        String shown = readme.substring(outStart, readme.indexOf("```", outStart));
        CliRunner.Result r = CliRunner.run("check", doc.toString());
        assertThat(r.exitCode()).as(r.out()).isEqualTo(1);
        for (String line : shown.strip().split("\n")) {
            assertThat(r.out()).as(r.out()).contains(line);
        }
        assertThat(r.out()).contains("model instance (shrunk");
    }
}
