package org.probity.junit;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;
import org.junit.platform.commons.support.ReflectionSupport;
import org.probity.check.Gen;
import org.probity.check.Gens;

/** Builds the generator of a {@link PropertyTest} parameter from its annotations and type. */
final class ParameterGens {
    private static final String MSG_TYPE = "@PropertyTest %s: cannot generate parameter %d of type %s; "
        + "annotate it with @From(\"method\") naming a method of the test class that returns a Gen of that type";
    private static final String MSG_FROM = "@PropertyTest %s: @From(\"%s\") expected a method of %s without parameters "
        + "returning a Gen, found %s";

    private ParameterGens() {
    }

    /**
     * The generator of parameter {@code index} of {@code method}.
     *
     * @param target the test instance (null for a static method), whose provider methods {@link From} names
     * @throws IllegalArgumentException for a type without a generator, naming the method, parameter and type
     */
    static Gen<?> of(Method method, int index, Object target) {
        Parameter p = method.getParameters()[index];
        From from = p.getAnnotation(From.class);
        if (from != null) {
            return provided(method, from.value(), target);
        }
        ProbabilityVectors pv = p.getAnnotation(ProbabilityVectors.class);
        if (pv != null && p.getType() == double[].class) {
            Gen<Integer> k = Gens.integers(pv.minSize(), pv.maxSize());
            return pv.positive() ? k.flatMap(Gens::positiveProbabilityVectors) : Gens.probabilityVectors(k);
        }
        Size size = p.getAnnotation(Size.class);
        int min = size == null ? 0 : size.min();
        int max = size == null ? 20 : size.max();
        Class<?> type = p.getType();
        if (type == double[].class) {
            return doubles(p).arrays(min, max);
        }
        if (type == int[].class) {
            Gen<?> e = scalar(int.class, p);
            return Gens.lists(e, min, max).map(l -> l.stream().mapToInt(x -> (Integer) x).toArray());
        }
        if (type == List.class) {
            AnnotatedType element = elementType(p.getAnnotatedType());
            Gen<?> e = element == null ? null : scalar(raw(element.getType()), element);
            if (e == null) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_TYPE, name(method), index, p.getParameterizedType()));
            }
            return Gens.lists(e, min, max);
        }
        Gen<?> g = scalar(type, p);
        if (g == null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_TYPE, name(method), index, p.getParameterizedType()));
        }
        return g;
    }

    private static org.probity.check.DoubleGen doubles(AnnotatedElement a) {
        Probabilities pr = a.getAnnotation(Probabilities.class);
        if (pr != null) {
            return pr.exclusive() ? Gens.probabilities().exclusive() : Gens.probabilities();
        }
        Doubles d = a.getAnnotation(Doubles.class);
        org.probity.check.DoubleGen g = d == null ? Gens.doubles(-Double.MAX_VALUE, Double.MAX_VALUE) : Gens.doubles(d.min(), d.max());
        return d != null && d.exclusive() ? g.exclusive() : g;
    }

    /** The generator of a single value of {@code type} under the annotations of {@code a}; null if none. */
    private static Gen<?> scalar(Class<?> type, AnnotatedElement a) {
        if (type == int.class || type == Integer.class) {
            Integers i = a.getAnnotation(Integers.class);
            return i == null ? Gens.integers(Integer.MIN_VALUE, Integer.MAX_VALUE) : Gens.integers(i.min(), i.max());
        }
        if (type == long.class || type == Long.class) {
            Longs l = a.getAnnotation(Longs.class);
            return l == null ? Gens.longs(Long.MIN_VALUE, Long.MAX_VALUE) : Gens.longs(l.min(), l.max());
        }
        if (type == double.class || type == Double.class) {
            return doubles(a);
        }
        if (type == boolean.class || type == Boolean.class) {
            return Gens.booleans();
        }
        if (type.isEnum()) {
            return Gens.elements(type.getEnumConstants());
        }
        return null;
    }

    private static AnnotatedType elementType(AnnotatedType t) {
        return t instanceof AnnotatedParameterizedType pt && pt.getAnnotatedActualTypeArguments().length == 1
            ? pt.getAnnotatedActualTypeArguments()[0] : null;
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        return t instanceof ParameterizedType pt ? (Class<?>) pt.getRawType() : Object.class;
    }

    private static Gen<?> provided(Method method, String name, Object target) {
        Class<?> testClass = method.getDeclaringClass();
        Method provider = ReflectionSupport.findMethod(testClass, name).orElse(null);
        if (provider == null || !Gen.class.isAssignableFrom(provider.getReturnType())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_FROM, name(method), name, testClass.getName(),
                provider == null ? "none" : provider.toString()));
        }
        Object g = ReflectionSupport.invokeMethod(provider, java.lang.reflect.Modifier.isStatic(provider.getModifiers()) ? null : target);
        if (g == null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, MSG_FROM, name(method), name, testClass.getName(),
                provider + " returning null"));
        }
        return (Gen<?>) g;
    }

    static String name(Method m) {
        return m.getDeclaringClass().getName() + "#" + m.getName();
    }
}
