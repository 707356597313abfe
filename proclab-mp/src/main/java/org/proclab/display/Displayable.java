package org.proclab.display;

/**
 * A value that knows how it looks in a notebook. Implement it on your own classes to make
 * {@code display(value)}, and a cell ending in such a value, show the bundle you build:
 *
 * <pre>{@code
 * record Temperature(double celsius) implements Displayable {
 *     public MimeBundle toMimeBundle() {
 *         return Html.of("<b>" + celsius + " °C</b>").toMimeBundle();
 *     }
 * }
 * }</pre>
 *
 * A renderer registered with {@link Renderers#register} for the class takes precedence.
 */
public interface Displayable {
    /** This value's forms; must include {@code text/plain}. */
    MimeBundle toMimeBundle();
}
