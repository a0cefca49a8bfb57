package org.probity.identities;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog of every identity Probity checks: divergences, finite chains, D3PM and Gaussian
 * diffusion, in that order. The CLI ({@code probity verify}), JUnit ({@code CatalogTest}) and
 * reports run the same values.
 *
 * <p>The sections are the {@code all()} methods of {@link #SECTIONS}; a section whose class is not
 * part of this build is skipped (so the catalog is assembled from whichever identity classes the
 * build contains), but an exception thrown by a section that exists is propagated. Names are unique.
 */
public final class Catalog {
    /** The identity classes, each with a {@code public static List<Identity> all()}. */
    public static final List<String> SECTIONS = List.of(
        "org.probity.identities.DivergenceIdentities",
        "org.probity.identities.ChainIdentities",
        "org.probity.identities.D3pmIdentities",
        "org.probity.identities.GaussianDiffusionIdentities");
    private static final String MSG_DUPLICATE = "Catalog: identity name %s appears twice; expected unique names";

    private Catalog() {
    }

    /**
     * Every identity of every section present in this build, in section order.
     *
     * @return an unmodifiable list
     * @throws IllegalStateException if two identities share a name, or a section cannot be called
     */
    public static List<Identity> all() {
        List<Identity> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (String section : SECTIONS) {
            for (Identity id : section(section)) {
                if (!names.add(id.name())) {
                    throw new IllegalStateException(String.format(Locale.ROOT, MSG_DUPLICATE, id.name()));
                }
                out.add(id);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The identities of one family ("finite-chain", "d3pm", ...), in catalog order. */
    public static List<Identity> family(String family) {
        return all().stream().filter(id -> id.family().equals(family)).toList();
    }

    /** The families present, in catalog order. */
    public static List<String> families() {
        return all().stream().map(Identity::family).distinct().toList();
    }

    /** The identity with this exact name, if any. */
    public static Optional<Identity> named(String name) {
        return all().stream().filter(id -> id.name().equals(name)).findFirst();
    }

    /** The section classes present in this build. */
    public static List<String> presentSections() {
        return SECTIONS.stream().filter(Catalog::present).toList();
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Catalog.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Identity> section(String className) {
        Class<?> c;
        try {
            c = Class.forName(className, true, Catalog.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return List.of();
        }
        try {
            Method all = c.getMethod("all");
            return (List<Identity>) all.invoke(null);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(className + ".all() failed", cause);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(className + ": expected a public static List<Identity> all()", e);
        }
    }
}
