package org.probity.junit;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.probity.check.Gen;
import org.probity.check.Property;
import org.probity.check.RunConfig;
import org.probity.check.Verdict;

/**
 * Runs a {@link PropertyTest} method as a property. It is a Jupiter extension rather than a JUnit
 * Platform test engine so that a property is an ordinary Jupiter test: Surefire, Gradle and IDEs
 * discover, report and rerun it with no engine of their own, and Jupiter's lifecycle, nesting,
 * tags, conditions and other extensions keep working.
 *
 * <p>Jupiter resolves a test method's parameters before it calls it; this extension resolves the
 * generated ones to placeholders, then intercepts the call, runs the property (one reflective call
 * of the method per try, with generated arguments and JUnit's own for {@code TestInfo} and
 * {@code TestReporter}) and fails the test with the property's report.
 */
public final class PropertyTestExtension implements ParameterResolver, InvocationInterceptor {
    private static final String MSG_EXAMPLES = "@PropertyTest %s: examples = \"%s\" expected a method without parameters "
        + "returning an Iterable<Object[]>, an Object[][] or (one parameter) an Iterable of values, found %s";
    private static final String MSG_SEED = "@PropertyTest %s: seed expected a decimal integer, got '%s'";

    /** Creates the extension (JUnit does, through {@link PropertyTest}'s {@code @ExtendWith}). */
    public PropertyTestExtension() {
    }

    private static boolean byJunit(Class<?> type) {
        return type == TestInfo.class || type == TestReporter.class;
    }

    @Override
    public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
        return pc.getDeclaringExecutable() instanceof Method m
            && AnnotationSupport.isAnnotated(m, PropertyTest.class) && !byJunit(pc.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
        // A placeholder: the property calls the method itself with generated arguments.
        Class<?> t = pc.getParameter().getType();
        if (!t.isPrimitive()) {
            return null;
        }
        return java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(t, 1), 0);
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> ctx, ExtensionContext ec) {
        invocation.skip();
        Method method = ctx.getExecutable();
        Object target = ctx.getTarget().orElse(null);
        List<Object> resolved = ctx.getArguments();
        PropertyTest settings = AnnotationSupport.findAnnotation(method, PropertyTest.class).orElseThrow();
        Parameter[] params = method.getParameters();
        String[] names = new String[params.length];
        List<Gen<?>> gens = new ArrayList<>();
        for (int i = 0; i < params.length; i++) {
            names[i] = params[i].isNamePresent() ? params[i].getName() : null;
            gens.add(byJunit(params[i].getType()) ? null : ParameterGens.of(method, i, target));
        }
        Object label = new Object();
        Gen<Arguments> gen = c -> {
            c.beginSpan(label);
            Object[] values = new Object[params.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = gens.get(i) == null ? resolved.get(i) : gens.get(i).generate(c);
            }
            c.endSpan();
            return new Arguments(names, values);
        };
        String name = ParameterGens.name(method);
        Property<Arguments> p = Property.forAll(name, gen, a -> {
            ReflectionSupport.invokeMethod(method, target, a.values());
            return Verdict.pass();
        });
        if (!settings.examples().isEmpty()) {
            p = p.withExamples(examples(method, settings.examples(), target, names));
        }
        p.assertHolds(config(settings, name));
    }

    private static RunConfig config(PropertyTest settings, String name) {
        RunConfig cfg = RunConfig.defaults();
        if (settings.tries() > 0) {
            cfg = cfg.withTries(settings.tries());
        }
        if (!settings.seed().isBlank()) {
            try {
                cfg = cfg.withSeed(Long.parseLong(settings.seed().strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_SEED, name, settings.seed()), e);
            }
        }
        return settings.database() ? cfg : cfg.withDatabase(null);
    }

    private static List<Arguments> examples(Method method, String provider, Object target, String[] names) {
        String name = ParameterGens.name(method);
        Optional<Method> m = ReflectionSupport.findMethod(method.getDeclaringClass(), provider);
        Object v = m.map(x -> ReflectionSupport.invokeMethod(x, java.lang.reflect.Modifier.isStatic(x.getModifiers()) ? null : target))
            .orElse(null);
        List<Object[]> lists = new ArrayList<>();
        if (v instanceof Object[][] rows) {
            lists.addAll(List.of(rows));
        } else if (v instanceof Iterable<?> it) {
            for (Object row : it) {
                lists.add(row instanceof Object[] a && a.length == names.length ? a : new Object[] {row});
            }
        } else {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_EXAMPLES, name, provider,
                m.map(Method::toString).orElse("none")));
        }
        List<Arguments> out = new ArrayList<>();
        for (Object[] row : lists) {
            Object[] values = row.clone();
            if (values.length != names.length) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "@PropertyTest %s: an example has %d values for %d parameters", name, values.length, names.length));
            }
            out.add(new Arguments(names, values));
        }
        return out;
    }
}
