package org.proclab.display;

import java.util.Objects;

/**
 * Names one display so it can be replaced in place: keep what {@code display(...)} returns and pass
 * it to {@code updateDisplay}. A cell ending in a {@code display(...)} call does not show the id.
 *
 * @param value the {@code display_id} Jupyter knows the display by
 */
public record DisplayId(String value) {
    public DisplayId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
