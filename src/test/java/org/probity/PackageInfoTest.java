package org.probity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package has a {@code package-info.java} saying what it owns, what it follows and what it may
 * use (DESIGN.md); a layer's "May use:" sentence names exactly the layers that
 * {@link ArchitectureTest#LAYERS} lets it use, so the documentation and the enforced rule agree.
 */
class PackageInfoTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path TEST = Path.of("src/test/java");
    private static final Pattern MAY_USE = Pattern.compile("May use:(.*?)(?:\\*/|<p>)", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("\\{@code ([a-z.]+)}");

    @Test
    void everyPackageHasAPackageInfoThatSaysWhatItMayUse() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path dir : packages(MAIN)) {
            if (!Files.exists(dir.resolve("package-info.java"))) {
                missing.add(dir.toString());
            } else if (!Files.readString(dir.resolve("package-info.java")).contains("May use:")) {
                missing.add(dir + "/package-info.java (no \"May use:\" sentence)");
            }
        }
        for (Path dir : packages(TEST)) {
            Path main = MAIN.resolve(TEST.relativize(dir).toString());
            boolean testOnly = !Files.isDirectory(main);
            if (testOnly && !Files.exists(dir.resolve("package-info.java"))) {
                missing.add(dir + " (a test-only package)");
            }
        }
        assertThat(missing).as("packages without a package-info.java that says what they may use").isEmpty();
    }

    @Test
    void eachLayerDocumentsExactlyTheLayersItMayUse() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : ArchitectureTest.LAYERS.entrySet()) {
            Path info = MAIN.resolve("org/probity").resolve(e.getKey()).resolve("package-info.java");
            if (!Files.exists(info)) {
                continue; // reported by the other test
            }
            Matcher m = MAY_USE.matcher(Files.readString(info));
            Set<String> documented = new LinkedHashSet<>();
            if (m.find()) {
                Matcher c = CODE.matcher(m.group(1));
                while (c.find()) {
                    String name = c.group(1);
                    if (ArchitectureTest.LAYERS.containsKey(name) && !name.equals(e.getKey())) {
                        documented.add(name);
                    }
                }
            }
            if (!documented.equals(new LinkedHashSet<>(e.getValue()))) {
                wrong.add(e.getKey() + ": package-info says " + documented + ", ArchitectureTest.LAYERS says "
                        + e.getValue());
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** The directories under {@code root} that hold Java sources. */
    private static List<Path> packages(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).map(Path::getParent).distinct().sorted().toList();
        }
    }
}
