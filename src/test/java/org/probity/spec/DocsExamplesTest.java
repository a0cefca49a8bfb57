package org.probity.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code prob} block of docs/spec-language.md parses and checks with the verdict written on
 * each claim or step line ({@code # expect: PASS | FAIL | NOT CHECKED}); every claim and step line
 * carries one.
 */
class DocsExamplesTest {
    private static final Path PAGE = Path.of("docs", "spec-language.md");
    private static final Pattern BLOCK = Pattern.compile("```prob\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*(PASS|FAIL|NOT CHECKED)\\s*$");

    @TestFactory
    Stream<DynamicTest> everyExampleChecksAsDocumented() throws IOException {
        String page = Files.readString(PAGE);
        Matcher m = BLOCK.matcher(page);
        List<DynamicTest> tests = new ArrayList<>();
        int n = 0;
        while (m.find()) {
            String source = m.group(1);
            int line = (int) page.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 2;
            n++;
            tests.add(DynamicTest.dynamicTest("example " + n + " (docs/spec-language.md line " + line + ")",
                () -> check(source)));
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }

    private static void check(String source) {
        SpecResult r = Spec.parse(source, "example.prob").check(Spec.options(org.probity.check.RunConfig.DEFAULT_SEED).withTries(50));
        String[] lines = source.split("\n", -1);
        assertThat(r.items()).as(r.render()).isNotEmpty();
        for (SpecResult.Item i : r.items()) {
            if (i.kind().equals("chain")) {
                continue;
            }
            Matcher e = EXPECT.matcher(lines[i.line() - 1]);
            assertThat(e.find()).as("line %d has no '# expect:' comment: %s", i.line(), lines[i.line() - 1]).isTrue();
            assertThat(i.status().label()).as(i.render()).isEqualTo(e.group(1));
        }
    }
}
