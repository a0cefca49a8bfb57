package org.probity.cli;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import org.probity.identities.Identity;

/**
 * Where {@code probity verify} gets the identity catalog: {@code org.probity.identities.Catalog.all()}.
 * Looked up by name while the catalog is being written in parallel (it is owned by another part of
 * the project); replaced by a direct call once it is on main.
 */
final class CatalogSource {
    private CatalogSource() {
    }

    @SuppressWarnings("unchecked")
    static List<Identity> all() {
        try {
            return (List<Identity>) Class.forName("org.probity.identities.Catalog").getMethod("all").invoke(null);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new IllegalStateException("the identity catalog org.probity.identities.Catalog.all() is missing", e);
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException ? (RuntimeException) c : new IllegalStateException(c);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
