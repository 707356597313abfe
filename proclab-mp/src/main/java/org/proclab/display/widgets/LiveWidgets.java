package org.proclab.display.widgets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.proclab.display.Comm;
import org.proclab.display.CommChannel;

/**
 * The widgets a front end knows, by model id, in the order they were opened: what a front end that
 * connects later (a reloaded page) gets back through the {@link ControlComm}. Like ipywidgets'
 * instances, a widget stays here until its comm is closed, by Java or by the front end.
 *
 * <p>The list belongs to the installed {@link CommChannel}: the first widget opened on a channel
 * registers the control comm's target there, and a new channel starts an empty list (the widgets
 * of the old one cannot be reached through it).
 */
final class LiveWidgets {
    /** The channel the widgets below were opened on and the control target is registered on; guarded by the class. */
    private static CommChannel channel;
    private static final Map<String, Widget> widgets = new LinkedHashMap<>();

    private LiveWidgets() {
    }

    /** Adds a widget whose comm was just opened on the installed channel. */
    static synchronized void add(Widget widget) {
        CommChannel current = CommChannel.current();
        if (current != channel) {
            widgets.clear();
            channel = current;
            Comm.registerTarget(ControlComm.TARGET, ControlComm::opened);
        }
        widgets.put(widget.modelId(), widget);
    }

    /** Forgets a widget whose comm was closed. */
    static synchronized void remove(Widget widget) {
        widgets.remove(widget.modelId());
    }

    /** The widgets whose comm is open now, in the order they were opened. */
    static synchronized List<Widget> all() {
        List<Widget> live = new ArrayList<>();
        widgets.values().stream().filter(Widget::isLive).forEach(live::add);
        return live;
    }
}
