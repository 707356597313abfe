package org.proclab.display.widgets;

import java.util.function.Consumer;
import java.util.function.Function;
import org.proclab.display.Display;

/**
 * Controls that re-run code, like ipywidgets' {@code interact}:
 *
 * <pre>{@code
 * Widgets.interact(new IntSlider("n", 0, 20, 5), n -> System.out.println(n + "! = " + factorial(n)))
 * Widgets.interactShowing(new IntSlider("n", 0, 20, 5), n -> factorial(n))
 * }</pre>
 *
 * The function runs at once and again after every change of the control; each run replaces
 * what the previous one printed. Both return the control above an {@link Output} holding the
 * function's output, in a {@link VBox} that shows where a cell shows it (end the cell with it, or
 * {@code display} it). Runs for the user's changes happen in a thread of the cell that made the
 * control, also while another cell runs; an exception the function throws shows in that cell.
 */
public final class Widgets {
    private Widgets() {
    }

    /** Runs {@code action} with the control's value now and after every change; what it prints or displays shows under the control. */
    public static <T> VBox interact(ValueWidget<T> control, Consumer<? super T> action) {
        Output output = new Output();
        control.onChange(value -> run(output, action, value));
        run(output, action, control.value());
        return new VBox(control, output);
    }

    /**
     * As {@link #interact}, showing what {@code function} returns (as a cell shows its last
     * value; nothing for null) besides what it prints.
     */
    public static <T> VBox interactShowing(ValueWidget<T> control, Function<? super T, ?> function) {
        return interact(control, value -> {
            Object shown = function.apply(value);
            if (shown != null) {
                Display.display(shown);
            }
        });
    }

    private static <T> void run(Output output, Consumer<? super T> action, T value) {
        output.clear();
        output.capture(() -> action.accept(value));
    }
}
