package org.proclab.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** display/updateDisplay hand bundles and ids to the installed channel, or print the text without one. */
class DisplayTest {
    record Sent(String kind, MimeBundle bundle, String id) {
    }

    @AfterEach
    void restore() {
        DisplayChannel.install(null);
    }

    // display renders the value, gives it a fresh id and updateDisplay reuses that id.
    @Test
    void displaysGoToTheInstalledChannel() {
        List<Sent> sent = new ArrayList<>();
        DisplayChannel.install(new DisplayChannel() {
            @Override
            public void show(MimeBundle bundle, String displayId) {
                sent.add(new Sent("show", bundle, displayId));
            }

            @Override
            public void update(MimeBundle bundle, String displayId) {
                sent.add(new Sent("update", bundle, displayId));
            }
        });
        DisplayId first = Display.display(Markdown.of("*a*"));
        DisplayId second = Display.display("text/html", "<b>b</b>");
        Display.updateDisplay(first, "plain now");
        Display.updateDisplay(second, "text/markdown", "**c**");
        assertNotEquals(first, second);
        assertEquals(List.of(
                new Sent("show", Markdown.of("*a*").toMimeBundle(), first.value()),
                new Sent("show", MimeBundle.of("text/html", "<b>b</b>"), second.value()),
                new Sent("update", MimeBundle.plain("plain now"), first.value()),
                new Sent("update", MimeBundle.of("text/markdown", "**c**"), second.value())), sent);
    }

    // Without a channel (a plain program, a child process) the text form is printed, one line each.
    @Test
    void withoutAChannelTheTextIsPrinted() {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            DisplayId id = Display.display(Html.of("<p>hello</p>"));
            Display.updateDisplay(id, Table.of(List.of(List.of("a"), List.of("1"))));
        } finally {
            System.setOut(original);
        }
        assertEquals("hello\na\n1\n", printed.toString(StandardCharsets.UTF_8));
    }
}
