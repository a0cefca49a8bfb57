package org.probity;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.TryCatchBlock;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layers of DESIGN.md, enforced on the production classes ({@code src/main}):
 *
 * <pre>
 * cli ──► report ──► identities ──► chain, diffusion ──► dist, divergence ──► math
 *  │                     ▲              ▲                                      ▲
 *  ├──► spec (parser, evaluator) ───────┘                                      │
 *  ├──► conformance (adapter protocol, op catalog, bug zoo)                   │
 *  └──► check (property engine: generators, shrinking, runner, JUnit bridge) ──┘
 * assertions (AssertJ entry point) ──► dist, divergence, math
 * </pre>
 *
 * <p>Three rules, each a failure of {@code mvn -B test}:
 * <ol>
 *   <li><b>Layers.</b> Each top-level package {@code org.probity.X} is a layer and may use only the
 *       layers listed for it in {@link #LAYERS}; its sub-packages ({@code X.internal}, {@code X.ast},
 *       a new {@code X.latex} …) fall under the same rule without being named. A new top-level
 *       package fails until it is given a row in {@link #LAYERS} (and DESIGN.md's diagram).</li>
 *   <li><b>No cycles</b> between packages, where a package and its own {@code internal}
 *       sub-package count as one unit (an implementation and the interfaces it implements).</li>
 *   <li><b>{@code internal} is private to its parent:</b> {@code a.b.internal..} is used only from
 *       {@code a.b} and the packages under it.</li>
 * </ol>
 *
 * <p>Violations that are being removed by other pieces of work are frozen in {@link #ALLOWED}, one
 * commented entry per class-level dependency. An entry that no longer matches a dependency fails
 * the test too, so that the list only shrinks: when your change removes one, delete its line.
 */
@AnalyzeClasses(packages = "org.probity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String ROOT = "org.probity.";

    /**
     * What each layer may use (besides itself and the JDK and libraries): DESIGN.md's arrows, taken
     * transitively. Where the diagram is silent the package table decides: {@code identities} are
     * checked by the engine (a domain generator is a {@code check} generator); {@code conformance}'s
     * reference is the library's own {@code diffusion} and {@code divergence}; {@code report} renders
     * the results of every domain layer; {@code junit} (the engine's JUnit 5 bridge over the catalog
     * and the specs) is a front end like {@code cli}. Within a row, order follows the diagram.
     */
    static final Map<String, List<String>> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("math", List.of());
        LAYERS.put("dist", List.of("math"));
        LAYERS.put("divergence", List.of("dist", "math"));
        LAYERS.put("chain", List.of("divergence", "dist", "math"));
        LAYERS.put("diffusion", List.of("chain", "divergence", "dist", "math"));
        LAYERS.put("check", List.of("math"));
        LAYERS.put("identities", List.of("check", "chain", "diffusion", "divergence", "dist", "math"));
        LAYERS.put("spec", List.of("check", "chain", "diffusion", "divergence", "dist", "math"));
        LAYERS.put("conformance", List.of("check", "chain", "diffusion", "divergence", "dist", "math"));
        LAYERS.put("assertions", List.of("divergence", "dist", "math"));
        LAYERS.put("report", List.of("identities", "spec", "conformance", "check", "chain", "diffusion", "divergence",
                "dist", "math"));
        LAYERS.put("junit", List.of("identities", "spec", "conformance", "check", "assertions", "chain", "diffusion",
                "divergence", "dist", "math"));
        LAYERS.put("cli", List.of("report", "identities", "spec", "conformance", "check", "assertions", "chain",
                "diffusion", "divergence", "dist", "math"));
    }

    /**
     * A frozen violation: a dependency of class {@code origin} on class {@code target} (top-level
     * classes, fully qualified), why it exists and who removes it.
     */
    record Allowed(String origin, String target, String why) {
    }

    /** Frozen violations; each line goes when its change lands (see the class comment). */
    static final List<Allowed> ALLOWED = List.of();

    /** A package and its {@code internal} sub-package (and everything under that) form one unit. */
    private static final SliceAssignment UNITS = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            if (!p.startsWith(ROOT)) {
                return SliceIdentifier.ignore();
            }
            int i = p.indexOf(".internal");
            return SliceIdentifier.of(i < 0 ? p : p.substring(0, i));
        }

        @Override
        public String getDescription() {
            return "packages of org.probity (a package with its internal sub-package as one unit)";
        }
    };

    @ArchTest
    static final ArchRule layers = layers();

    @ArchTest
    static final ArchRule noCycles = slices().assignedFrom(UNITS).should().beFreeOfCycles()
            .because("DESIGN.md: packages form a hierarchy (a package and its internal sub-package are one unit)");

    /** ArchUnit's dependencies leave out the types of catch clauses; this rule covers them. */
    @ArchTest
    static final ArchRule caughtTypesFollowTheRules = ArchRuleDefinition.classes().should(catchOnlyWhatTheirLayerMayUse())
            .because("a catch clause is a dependency too");

    @ArchTest
    static final ArchRule internalIsPrivate = ArchRuleDefinition.classes().should(useInternalsOnlyOfTheirParent())
            .because("DESIGN.md: internal packages are used only by their parent");

    @ArchTest
    static void everyAllowedEntryIsStillNeeded(JavaClasses classes) {
        List<String> stale = new ArrayList<>();
        for (Allowed a : ALLOWED) {
            boolean found = classes.stream().filter(c -> topLevel(c).getName().equals(a.origin()))
                    .anyMatch(c -> usedClasses(c).stream().anyMatch(t -> topLevel(t).getName().equals(a.target())));
            if (!found) {
                stale.add(a.origin() + " -> " + a.target());
            }
        }
        if (!stale.isEmpty()) {
            throw new AssertionError("ArchitectureTest.ALLOWED lists dependencies that no longer exist; delete these "
                    + "entries so the list shrinks: " + stale);
        }
    }

    private static ArchRule layers() {
        LayeredArchitecture arch = layeredArchitecture().consideringOnlyDependenciesInAnyPackage("org.probity..")
                .withOptionalLayers(true);
        for (String layer : LAYERS.keySet()) {
            arch = arch.layer(layer).definedBy(ROOT + layer + "..");
        }
        for (Map.Entry<String, List<String>> e : LAYERS.entrySet()) {
            List<String> uses = e.getValue();
            arch = uses.isEmpty() ? arch.whereLayer(e.getKey()).mayNotAccessAnyLayer()
                    : arch.whereLayer(e.getKey()).mayOnlyAccessLayers(uses.toArray(String[]::new));
        }
        for (Allowed a : ALLOWED) {
            arch = arch.ignoreDependency(nameOrNested(a.origin()), nameOrNested(a.target()));
        }
        return arch.ensureAllClassesAreContainedInArchitecture()
                .because("DESIGN.md's layer diagram (a new top-level package needs a row in ArchitectureTest.LAYERS)");
    }

    private static ArchCondition<JavaClass> useInternalsOnlyOfTheirParent() {
        return new ArchCondition<>("use internal packages only of their own parent") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getPackageName();
                    String parent = internalParent(target);
                    if (parent == null || allowed(c, d.getTargetClass())) {
                        continue;
                    }
                    String origin = c.getPackageName();
                    if (!(origin.equals(parent) || origin.startsWith(parent + "."))) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()
                                + " — " + target + " is internal to " + parent));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> catchOnlyWhatTheirLayerMayUse() {
        return new ArchCondition<>("catch only exception types that their layer may use") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaCodeUnit u : c.getCodeUnits()) {
                    for (TryCatchBlock b : u.getTryCatchBlocks()) {
                        for (JavaClass caught : b.getCaughtThrowables()) {
                            String why = forbidden(c, caught);
                            if (why != null) {
                                events.add(SimpleConditionEvent.violated(b, u.getFullName() + " catches "
                                        + caught.getName() + " in " + b.getSourceCodeLocation() + " — " + why));
                            }
                        }
                    }
                }
            }
        };
    }

    /** Why {@code origin} may not use {@code target} by the layer table or the internal rule, or null. */
    private static String forbidden(JavaClass origin, JavaClass target) {
        String from = origin.getPackageName();
        String to = target.getPackageName();
        if (!to.startsWith(ROOT) || allowed(origin, target)) {
            return null;
        }
        String parent = internalParent(to);
        if (parent != null && !(from.equals(parent) || from.startsWith(parent + "."))) {
            return to + " is internal to " + parent;
        }
        String a = layerOf(from);
        String b = layerOf(to);
        if (!a.equals(b) && !LAYERS.getOrDefault(a, List.of()).contains(b)) {
            return "layer '" + a + "' may not use layer '" + b + "'";
        }
        return null;
    }

    private static String layerOf(String pkg) {
        String rest = pkg.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** The package that owns {@code pkg}'s {@code internal} segment, or null if it has none. */
    private static String internalParent(String pkg) {
        if (!pkg.startsWith(ROOT)) {
            return null;
        }
        String[] parts = pkg.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals("internal")) {
                return String.join(".", java.util.Arrays.asList(parts).subList(0, i));
            }
        }
        return null;
    }

    private static boolean allowed(JavaClass origin, JavaClass target) {
        String o = topLevel(origin).getName();
        String t = topLevel(target).getName();
        return ALLOWED.stream().anyMatch(a -> a.origin().equals(o) && a.target().equals(t));
    }

    /** The classes {@code c} depends on, including the types its catch clauses name. */
    private static List<JavaClass> usedClasses(JavaClass c) {
        List<JavaClass> out = new ArrayList<>();
        c.getDirectDependenciesFromSelf().forEach(d -> out.add(d.getTargetClass()));
        c.getCodeUnits().forEach(u -> u.getTryCatchBlocks().forEach(b -> out.addAll(b.getCaughtThrowables())));
        return out;
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass t = c;
        while (t.getEnclosingClass().isPresent()) {
            t = t.getEnclosingClass().get();
        }
        return t;
    }

    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> nameOrNested(String name) {
        return com.tngtech.archunit.base.DescribedPredicate.describe(name + " (and its nested classes)",
                c -> c.getName().equals(name) || c.getName().startsWith(name + "$"));
    }
}
