package org.proclab.display;

import java.awt.image.RenderedImage;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Decides how a value looks, for {@code display(value)} and for the value of a cell's last
 * expression. In order:
 * <ol>
 *   <li>a renderer registered for the value's class, else for its nearest superclass, else for one
 *       of its interfaces, else for {@code Object};</li>
 *   <li>a {@link Displayable} value's own bundle;</li>
 *   <li>an image ({@link java.awt.image.BufferedImage}) as PNG;</li>
 *   <li>a non-empty collection of records of one class as a {@link Table};</li>
 *   <li>otherwise nothing rich: the value shows as text, as it always has.</li>
 * </ol>
 *
 * <p>Register in a cell, then show values of that type:
 * <pre>{@code
 * record Point(int x, int y) {}
 * Renderers.register(Point.class, p -> Svg.of("<svg ...><circle cx='" + p.x() + "' .../></svg>"));
 * new Point(3, 4)          // shows the picture
 * }</pre>
 * A class redefined in a later cell is a new class: register its renderer again. Thread-safe.
 */
public final class Renderers {
    private static final Map<Class<?>, Function<Object, ? extends Displayable>> REGISTERED = new ConcurrentHashMap<>();

    private Renderers() {
    }

    /**
     * Shows values of {@code type} (and its subclasses, unless they have their own) with
     * {@code renderer}; replaces an earlier renderer for the same type. A renderer that returns null
     * leaves the value to the built-in rules.
     */
    public static <T> void register(Class<T> type, Function<? super T, ? extends Displayable> renderer) {
        Objects.requireNonNull(renderer, "renderer");
        REGISTERED.put(Objects.requireNonNull(type, "type"), value -> renderer.apply(type.cast(value)));
    }

    /** Forgets the renderer registered for exactly {@code type}; returns whether there was one. */
    public static boolean remove(Class<?> type) {
        return REGISTERED.remove(type) != null;
    }

    /** The value's rich bundle by the rules above, or empty when it has none and shows as plain text. */
    public static Optional<MimeBundle> rich(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        Function<Object, ? extends Displayable> renderer = registeredFor(value.getClass());
        if (renderer != null) {
            Displayable rendered = renderer.apply(value);
            if (rendered != null) {
                return Optional.of(bundleOf(rendered, value));
            }
        }
        if (value instanceof Displayable displayable) {
            return Optional.of(bundleOf(displayable, value));
        }
        if (value instanceof RenderedImage image) {
            return Optional.of(PngImage.bundle(image));
        }
        if (isRecordsOfOneClass(value)) {
            @SuppressWarnings("unchecked")
            Collection<? extends Record> records = (Collection<? extends Record>) value;
            return Optional.of(Table.ofRecords(records).toMimeBundle());
        }
        return Optional.empty();
    }

    /** The value's bundle: its rich one, or its {@code toString()} as text. */
    public static MimeBundle render(Object value) {
        return rich(value).orElseGet(() -> MimeBundle.plain(String.valueOf(value)));
    }

    private static MimeBundle bundleOf(Displayable displayable, Object value) {
        MimeBundle bundle = displayable.toMimeBundle();
        if (bundle == null) {
            throw new IllegalStateException("the rendering of a " + value.getClass().getSimpleName() + " gave no MIME bundle");
        }
        return bundle;
    }

    /** The classes first (nearest first, Object aside), then interfaces breadth first, then Object. */
    private static Function<Object, ? extends Displayable> registeredFor(Class<?> type) {
        if (REGISTERED.isEmpty()) {
            return null;
        }
        Deque<Class<?>> interfaces = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Function<Object, ? extends Displayable> renderer = REGISTERED.get(c);
            if (renderer != null) {
                return renderer;
            }
            interfaces.addAll(List.of(c.getInterfaces()));
        }
        Set<Class<?>> seen = new HashSet<>();
        while (!interfaces.isEmpty()) {
            Class<?> candidate = interfaces.removeFirst();
            if (!seen.add(candidate)) {
                continue;
            }
            Function<Object, ? extends Displayable> renderer = REGISTERED.get(candidate);
            if (renderer != null) {
                return renderer;
            }
            interfaces.addAll(List.of(candidate.getInterfaces()));
        }
        return REGISTERED.get(Object.class);
    }

    private static boolean isRecordsOfOneClass(Object value) {
        if (!(value instanceof Collection<?> collection) || collection.isEmpty()) {
            return false;
        }
        Class<?> type = null;
        for (Object element : collection) {
            if (!(element instanceof Record) || (type != null && element.getClass() != type)) {
                return false;
            }
            type = element.getClass();
        }
        return true;
    }
}
