package org.probity.identities;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog of every identity Probity checks, in this order: divergences
 * ({@link DivergenceIdentities}), finite chains ({@link ChainIdentities}), D3PM
 * ({@link D3pmIdentities}), Gaussian diffusion ({@link GaussianDiffusionIdentities}) and variational
 * diffusion models in continuous time ({@link VdmIdentities}). The CLI
 * ({@code probity verify}), JUnit ({@code CatalogTest}) and the reports run the same values, each
 * against Probity's own implementation. Names are unique.
 */
public final class Catalog {
    private static final String MSG_DUPLICATE = "Catalog: identity name %s appears twice; expected unique names";

    private Catalog() {
    }

    /**
     * Every identity, in catalog order (a fresh list of fresh values on each call).
     *
     * @return an unmodifiable list
     * @throws IllegalStateException if two identities share a name
     */
    public static List<Identity> all() {
        List<Identity> out = new ArrayList<>();
        out.addAll(DivergenceIdentities.all());
        out.addAll(ChainIdentities.all());
        out.addAll(D3pmIdentities.all());
        out.addAll(GaussianDiffusionIdentities.all());
        out.addAll(VdmIdentities.all());
        Set<String> names = new HashSet<>();
        for (Identity id : out) {
            if (!names.add(id.name())) {
                throw new IllegalStateException(String.format(Locale.ROOT, MSG_DUPLICATE, id.name()));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The identities of one family ("finite-chain", "d3pm", "gaussian-diffusion", ...), in catalog order. */
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
}
