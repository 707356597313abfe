package org.proclab.display.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.proclab.display.Display;

/** Widgets where no front end is connected, as in {@code proclab run}: state kept in Java, text printed. */
class WidgetWithoutFrontEndTest {
    // Values are set and read, observers run, and showing a widget prints its text form only.
    @Test
    void aWidgetKeepsItsStateAndShowsItsText() {
        IntSlider slider = new IntSlider(0, 10);
        List<Integer> seen = new ArrayList<>();
        slider.onChange(seen::add);
        slider.setValue(5);
        assertEquals(List.of(5), seen);
        assertEquals(List.of("text/plain"), List.copyOf(slider.toMimeBundle().data().keySet()));
        assertEquals("IntSlider(value=5, min=0, max=10)\n", printed(() -> Display.display(slider)));
    }

    // interact prints what the function prints, at once and after each change, as a terminal shows it.
    @Test
    void interactPrintsEachRun() {
        IntSlider slider = new IntSlider("n", 0, 10, 2);
        String text = printed(() -> {
            Widgets.interact(slider, n -> System.out.println(n + " squared is " + n * n));
            slider.setValue(3);
        });
        assertEquals("2 squared is 4\n3 squared is 9\n", text);
    }

    private static String printed(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
