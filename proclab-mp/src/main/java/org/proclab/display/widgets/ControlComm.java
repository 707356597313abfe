package org.proclab.display.widgets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.proclab.display.Comm;

/**
 * The kernel's side of ipywidgets' control comm (target {@code jupyter.widget.control}, control
 * protocol 1.0.0). A widget manager that connects to a kernel whose widgets it has not seen (a
 * reloaded page, a second tab) opens a comm to this target and sends {@code request_states}; the
 * answer, {@code update_states}, holds every live widget's model name, module, module version and
 * whole state, so the front end restores them all in one round trip instead of asking each widget's
 * comm for its state ({@code request_state}, which {@link Widget} answers too).
 *
 * <p>The answer goes on the comm the request came on, so two front ends that connect at once each
 * get theirs. An unknown method is logged and ignored. Our widgets' states are JSON only, so the
 * answer's {@code buffer_paths} is always empty and it carries no binary buffers.
 */
final class ControlComm {
    /** The comm target ipywidgets 8 front ends open on connecting. */
    static final String TARGET = "jupyter.widget.control";
    private static final System.Logger LOG = System.getLogger(ControlComm.class.getName());

    private ControlComm() {
    }

    /** The target's handler: answers each request on the comm the front end opened. */
    static void opened(Comm comm, Map<String, Object> data) {
        comm.onMessage(message -> receive(comm, message));
    }

    private static void receive(Comm comm, Map<String, Object> message) {
        Object method = message.get("method");
        if ("request_states".equals(method)) {
            comm.send(updateStates(LiveWidgets.all()));
        } else {
            LOG.log(System.Logger.Level.WARNING, "unknown method " + method + " on the widget control comm " + comm.id());
        }
    }

    /** The {@code update_states} message for {@code widgets}: by model id, each one's model and whole state. */
    static Map<String, Object> updateStates(List<Widget> widgets) {
        Map<String, Object> states = new LinkedHashMap<>();
        for (Widget widget : widgets) {
            Map<String, Object> state = widget.state();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("model_name", state.get("_model_name"));
            entry.put("model_module", state.get("_model_module"));
            entry.put("model_module_version", state.get("_model_module_version"));
            entry.put("state", state);
            states.put(widget.modelId(), entry);
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("method", "update_states");
        message.put("states", states);
        message.put("buffer_paths", List.of());
        return message;
    }
}
