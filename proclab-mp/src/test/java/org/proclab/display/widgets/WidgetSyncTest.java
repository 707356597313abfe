package org.proclab.display.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.proclab.display.MimeBundle;

/** Two-way sync of a widget's state with the front end, over a channel that records what it would send. */
class WidgetSyncTest {
    @RegisterExtension
    final RecordingComms comms = new RecordingComms();

    // The user moves the slider: the value changes, observers and onChange actions run once each with it, and
    // the update is echoed back as protocol 2.1 asks; nothing else is sent.
    @Test
    void anUpdateFromTheFrontEndChangesTheValueAndRunsObserversOnce() {
        IntSlider slider = new IntSlider("n", 0, 10, 5);
        List<Change> changes = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        slider.observe(changes::add);
        slider.onChange(values::add);
        comms.forget();
        comms.fromFrontEnd(slider, Map.of("method", "update", "state", Map.of("value", 7), "buffer_paths", List.of()));
        assertEquals(7, slider.value());
        assertEquals(List.of(new Change(slider, "value", 5, 7)), changes);
        assertEquals(List.of(7), values);
        List<RecordingComms.Sent> sent = comms.messagesOf(slider);
        assertEquals(1, sent.size(), sent.toString());
        assertEquals("echo_update", sent.get(0).method());
        assertEquals(Map.of("value", 7), sent.get(0).state());
    }

    // A value beyond the bounds from the front end is clamped, and the front end is told the value kept.
    @Test
    void aValueBeyondTheBoundsIsClampedAndTheFrontEndCorrected() {
        IntSlider slider = new IntSlider("n", 0, 10, 5);
        comms.forget();
        comms.fromFrontEnd(slider, Map.of("method", "update", "state", Map.of("value", 50)));
        assertEquals(10, slider.value());
        List<RecordingComms.Sent> sent = comms.messagesOf(slider);
        assertEquals(List.of("echo_update", "update"), sent.stream().map(RecordingComms.Sent::method).toList());
        assertEquals(Map.of("value", 10), sent.get(1).state());
    }

    // A change in Java sends one update with the changed key only; setting the same value again sends nothing
    // and runs no observer.
    @Test
    void aJavaChangeSendsOneUpdate() {
        FloatSlider slider = new FloatSlider("rate", 0.0, 1.0, 0.5);
        List<Object> seen = new ArrayList<>();
        slider.observe("value", change -> seen.add(change.newValue()));
        comms.forget();
        slider.setValue(0.25);
        slider.setValue(0.25);
        List<RecordingComms.Sent> sent = comms.messagesOf(slider);
        assertEquals(1, sent.size(), sent.toString());
        assertEquals(Map.of("method", "update", "state", Map.of("value", 0.25), "buffer_paths", List.of()),
                sent.get(0).data());
        assertEquals(List.of(0.25), seen);
    }

    // Moving a bound moves a value that falls outside it; a minimum above the maximum is refused.
    @Test
    void boundsKeepTheValueInside() {
        IntProgress progress = new IntProgress("done", 0, 10, 8);
        progress.setMax(5);
        assertEquals(5, progress.value());
        assertThrows(IllegalArgumentException.class, () -> progress.setMin(6));
        assertThrows(IllegalArgumentException.class, () -> new IntSlider(5, 1));
    }

    // The front end asks for the state (a page reloaded): the widget answers with all of it.
    @Test
    void requestStateIsAnsweredWithTheWholeState() {
        Checkbox box = new Checkbox("verbose", true);
        comms.forget();
        comms.fromFrontEnd(box, Map.of("method", "request_state"));
        List<RecordingComms.Sent> sent = comms.messagesOf(box);
        assertEquals(1, sent.size());
        assertEquals("update", sent.get(0).method());
        assertEquals(box.state(), sent.get(0).state());
        assertEquals(true, sent.get(0).state().get("value"));
    }

    // A click arrives as a custom message; each onClick action runs once per click.
    @Test
    void aClickRunsTheClickActions() {
        Button button = new Button("Stop");
        List<String> clicked = new ArrayList<>();
        button.onClick(() -> clicked.add("first"));
        button.onClick(() -> clicked.add("second"));
        comms.fromFrontEnd(button, Map.of("method", "custom", "content", Map.of("event", "click")));
        assertEquals(List.of("first", "second"), clicked);
    }

    // Enter in a text box arrives as a custom submit message, with the text typed before it.
    @Test
    void aSubmitRunsTheSubmitActions() {
        Text name = new Text("name", "");
        List<String> submitted = new ArrayList<>();
        name.onSubmit(submitted::add);
        comms.fromFrontEnd(name, Map.of("method", "update", "state", Map.of("value", "Ada")));
        comms.fromFrontEnd(name, Map.of("method", "custom", "content", Map.of("event", "submit")));
        assertEquals(List.of("Ada"), submitted);
    }

    // The front end chooses by index; Java reads and sets the option's label.
    @Test
    void aDropdownIsChosenByIndexAndReadByLabel() {
        Dropdown method = new Dropdown("start", List.of("SPAWN", "WARM"), "WARM");
        assertEquals(1, comms.openOf(method.modelId()).state().get("index"));
        List<String> chosen = new ArrayList<>();
        method.onChange(chosen::add);
        comms.fromFrontEnd(method, Map.of("method", "update", "state", Map.of("index", 0)));
        assertEquals("SPAWN", method.value());
        method.setValue("WARM");
        assertEquals(List.of("SPAWN", "WARM"), chosen);
        assertThrows(IllegalArgumentException.class, () -> method.setValue("FORK"));
        method.setOptions(List.of("FORK", "WARM"));
        assertEquals("WARM", method.value());
        assertEquals(1, method.index());
    }

    // Boxes refer to their children by model id; an update from the front end cannot replace references.
    @Test
    void boxesReferToTheirChildren() {
        IntSlider slider = new IntSlider();
        Label label = new Label("hi");
        HBox box = new HBox(slider, label);
        assertEquals(List.of("IPY_MODEL_" + slider.modelId(), "IPY_MODEL_" + label.modelId()),
                comms.openOf(box.modelId()).state().get("children"));
        comms.fromFrontEnd(box, Map.of("method", "update", "state", Map.of("children", List.of())));
        assertEquals(List.of(slider, label), box.children());
        assertEquals("HBox(children=[IntSlider(value=0, min=0, max=100), Label(value=\"hi\")])", box.toString());
    }

    // Shown, a widget gives its view (model id, protocol 2.0 of the view format) and its text form.
    @Test
    void aWidgetShowsItsViewAndItsText() {
        IntSlider slider = new IntSlider("n", 0, 10, 5);
        MimeBundle bundle = slider.toMimeBundle();
        assertEquals("IntSlider(description=\"n\", value=5, min=0, max=10)", bundle.text());
        assertEquals("{\"model_id\": \"" + slider.modelId() + "\", \"version_major\": 2, \"version_minor\": 0}",
                bundle.data().get(Widget.VIEW_MIME_TYPE));
        slider.close();
        assertFalse(slider.toMimeBundle().data().containsKey(Widget.VIEW_MIME_TYPE));
        assertTrue(comms.sent.stream().anyMatch(s -> s.kind().equals("close") && s.comm().id().equals(slider.modelId())));
    }

    // A capture points the output widget at the request whose output it takes, and lets go when it ends,
    // also when captures nest; clearing sends an empty list of outputs even when the widget thinks it is empty.
    @Test
    void anOutputCapturesUnderTheCurrentRequest() {
        Output output = new Output();
        comms.forget();
        try (Output.Capture outer = output.capture()) {
            output.capture(() -> assertEquals("request-1", output.get("msg_id")));
        }
        output.clear();
        List<Map<String, Object>> states = comms.messagesOf(output).stream().map(RecordingComms.Sent::state).toList();
        assertEquals(List.of(Map.of("msg_id", "request-1"), Map.of("msg_id", ""), Map.of("outputs", List.of())), states);
    }

    // interact runs the function at once, captured in its output widget, and again after each change of the
    // control, clearing what the previous run left.
    @Test
    void interactRunsNowAndAfterEveryChange() {
        IntSlider slider = new IntSlider("n", 0, 10, 2);
        List<Integer> runs = new ArrayList<>();
        VBox box = Widgets.interact(slider, runs::add);
        Output output = (Output) box.children().get(1);
        assertEquals(slider, box.children().get(0));
        comms.forget();
        comms.fromFrontEnd(slider, Map.of("method", "update", "state", Map.of("value", 3)));
        assertEquals(List.of(2, 3), runs);
        List<Map<String, Object>> states = comms.messagesOf(output).stream().map(RecordingComms.Sent::state).toList();
        assertEquals(List.of(Map.of("outputs", List.of()), Map.of("msg_id", "request-1"), Map.of("msg_id", "")), states);
    }
}
