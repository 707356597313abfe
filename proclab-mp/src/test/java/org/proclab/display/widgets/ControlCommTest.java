package org.proclab.display.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.proclab.display.Comm;
import org.proclab.display.CommChannel;

/**
 * ipywidgets' control comm: a front end that connects later opens {@code jupyter.widget.control},
 * sends {@code request_states} and gets {@code update_states} with every open widget's model and
 * current state, as ipywidgets 8's kernel side answers it.
 */
class ControlCommTest {
    @RegisterExtension
    RecordingComms comms = new RecordingComms();

    // Every open widget (the slider's layout and style too) is in the answer, in the order they were opened, with
    // its model's name, module and version and its whole current state; no binary buffers.
    @Test
    void requestStatesIsAnsweredWithEveryOpenWidget() {
        IntSlider slider = new IntSlider("n", 0, 10, 5);
        Checkbox box = new Checkbox("verbose", false);
        slider.setValue(7);
        List<String> opened = openedIds();

        Map<String, Object> answer = requestStates(comms.openFromFrontEnd("control-1", "jupyter.widget.control"));
        assertEquals("update_states", answer.get("method"));
        assertEquals(List.of(), answer.get("buffer_paths"));
        Map<String, Map<String, Object>> states = states(answer);
        assertEquals(opened, new ArrayList<>(states.keySet()));
        Map<String, Object> sliderEntry = states.get(slider.modelId());
        assertEquals("IntSliderModel", sliderEntry.get("model_name"));
        assertEquals("@jupyter-widgets/controls", sliderEntry.get("model_module"));
        assertEquals("2.0.0", sliderEntry.get("model_module_version"));
        assertEquals(slider.state(), sliderEntry.get("state"));
        assertEquals(7, state(sliderEntry).get("value"));
        assertEquals(box.state(), states.get(box.modelId()).get("state"));
        String layout = ((String) slider.state().get("layout")).substring("IPY_MODEL_".length());
        assertEquals("LayoutModel", states.get(layout).get("model_name"));
        assertEquals("@jupyter-widgets/base", states.get(layout).get("model_module"));
    }

    // A widget closed by Java or by the front end is left out.
    @Test
    void closedWidgetsAreLeftOut() {
        Label kept = new Label("kept");
        Label closedInJava = new Label("closed in Java");
        Label closedByFrontEnd = new Label("closed by the front end");
        closedInJava.close();
        comms.closeFromFrontEnd(closedByFrontEnd);

        Map<String, Map<String, Object>> states = states(requestStates(comms.openFromFrontEnd("c", ControlComm.TARGET)));
        assertTrue(states.containsKey(kept.modelId()));
        assertTrue(!states.containsKey(closedInJava.modelId()) && !states.containsKey(closedByFrontEnd.modelId()),
                states.keySet().toString());
    }

    // Two front ends connecting at once each get the answer on their own control comm.
    @Test
    void eachControlCommGetsItsOwnAnswer() {
        Button button = new Button("go");
        Comm first = comms.openFromFrontEnd("first", ControlComm.TARGET);
        Comm second = comms.openFromFrontEnd("second", ControlComm.TARGET);
        first.receive(Map.of("method", "request_states"));
        assertEquals(List.of(), comms.messagesOn(second));
        second.receive(Map.of("method", "request_states"));
        assertEquals(1, comms.messagesOn(first).size());
        assertEquals(1, comms.messagesOn(second).size());
        assertTrue(states(comms.messagesOn(second).get(0).data()).containsKey(button.modelId()));
    }

    // A method the kernel does not know is logged and otherwise ignored: no exception, no answer.
    @Test
    void anUnknownMethodIsIgnored() {
        new Text();
        Comm control = comms.openFromFrontEnd("c", ControlComm.TARGET);
        control.receive(Map.of("method", "request_everything"));
        assertEquals(List.of(), comms.messagesOn(control));
    }

    // Widgets opened on an earlier channel cannot be reached through a new one, so they are not in its answer.
    @Test
    void aNewChannelStartsWithoutTheOldWidgets() {
        IntProgress old = new IntProgress(0, 10);
        comms = new RecordingComms();
        CommChannel.install(comms);
        HTML current = new HTML("now");

        Map<String, Map<String, Object>> states = states(requestStates(comms.openFromFrontEnd("c", ControlComm.TARGET)));
        assertTrue(states.containsKey(current.modelId()));
        assertTrue(!states.containsKey(old.modelId()), states.keySet().toString());
    }

    /** Sends request_states on {@code control} and returns the one message it answered with. */
    private Map<String, Object> requestStates(Comm control) {
        control.receive(Map.of("method", "request_states"));
        List<RecordingComms.Sent> answers = comms.messagesOn(control);
        assertEquals(1, answers.size(), answers.toString());
        return answers.get(0).data();
    }

    private List<String> openedIds() {
        synchronized (comms) {
            return comms.sent.stream().filter(s -> s.kind().equals("open")).map(s -> s.comm().id()).toList();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> states(Map<String, Object> answer) {
        return (Map<String, Map<String, Object>>) answer.get("states");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("state");
    }
}
