package org.proclab.display.widgets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.proclab.display.Comm;
import org.proclab.display.CommChannel;
import org.proclab.display.CommsUnavailableException;
import org.proclab.display.Displayable;
import org.proclab.display.MimeBundle;
import org.proclab.mp.spawn.CurrentProcess;

/**
 * An interactive widget, speaking the ipywidgets 8 model (widget message protocol 2.1): a state of
 * JSON values kept in step with a model in the notebook's front end, which draws it as a slider,
 * a button, a text box...
 *
 * <p>The widget opens a comm to the front end's {@code jupyter.widget} target with its whole state.
 * A change made in Java ({@link #set}, or a control's typed setters) is sent as an {@code update};
 * a change the user makes in the front end arrives as one, is applied, echoed back (protocol 2.1)
 * and given to the observers ({@link #observe}), also while a cell runs. A front end that connects
 * later (a reloaded page) gets every open widget back through ipywidgets' control comm. Showing a widget
 * ({@code display(widget)}, or a cell ending in it) sends its view with a text form beside it, which
 * {@code jupyter console} and {@code proclab run} print.
 *
 * <p>Without a front end ({@code proclab run}, a plain program) a widget still keeps its state and
 * tells its observers about changes made in Java; showing it prints its text. A child process cannot
 * own a widget: creating one there throws {@link CommsUnavailableException}, which says so.
 *
 * <p>Thread-safe: any thread may read and change a widget; observers run in the thread that made
 * the change (for the front end's changes, a thread of the cell that created the widget).
 */
public abstract class Widget implements Displayable {
    /** The MIME type of a widget's view in {@code display_data}. */
    public static final String VIEW_MIME_TYPE = "application/vnd.jupyter.widget-view+json";
    /** The comm target of every ipywidgets model. */
    static final String TARGET = "jupyter.widget";
    /** The widget message protocol spoken here, sent as the {@code comm_open}'s metadata. */
    static final String PROTOCOL_VERSION = "2.1.0";
    /** How the state refers to another widget: this prefix and its model id. */
    static final String REFERENCE_PREFIX = "IPY_MODEL_";
    /** Keys that refer to other widgets: Java sets them, the front end does not. */
    private static final Set<String> REFERENCE_KEYS = Set.of("layout", "style", "children");

    private final List<Observer> observers = new CopyOnWriteArrayList<>();
    private final List<Consumer<Map<String, Object>>> customHandlers = new CopyOnWriteArrayList<>();
    /** Values in JSON form, except that references hold the widgets themselves; guarded by this. */
    private final Map<String, Object> state;
    private final Comm comm;
    private final String id;

    /**
     * Opens the widget's comm with the model's keys and {@code keys}; subclasses build the keys
     * (and the layout and style widgets they refer to) before calling this.
     */
    Widget(Model model, Map<String, Object> keys) {
        Map<String, Object> initial = model.keys();
        initial.putAll(keys);
        state = initial;
        if (CommChannel.available()) {
            comm = Comm.open(TARGET, Map.of("state", json(initial), "buffer_paths", List.of()),
                    Map.of("version", PROTOCOL_VERSION));
            comm.onMessage(this::receive).onClose(data -> LiveWidgets.remove(this));
            id = comm.id();
            LiveWidgets.add(this);
        } else if (CurrentProcess.role() != null) {
            throw new CommsUnavailableException();
        } else {
            comm = null;
            id = UUID.randomUUID().toString().replace("-", "");
        }
    }

    /** The id of the widget's model, as the front end knows it (its comm's id). */
    public final String modelId() {
        return id;
    }

    /** The value of the state key {@code name}; references to other widgets are those widgets. */
    public Object get(String name) {
        synchronized (this) {
            requireKey(name);
            return state.get(name);
        }
    }

    /**
     * Sets the state key {@code name} (as ipywidgets names it, e.g. {@code "value"},
     * {@code "description"}, or a layout's {@code "width"}) to a JSON value: null, a string, a
     * number, a boolean, a list or a map of those; a widget stands for a reference to it. A value
     * that differs from the current one is sent to the front end and given to the observers.
     *
     * @throws IllegalArgumentException for a key the widget does not have, or a value it refuses
     */
    public void set(String name, Object value) {
        change(name, value, false);
    }

    /** The whole state as the front end gets it: JSON values, other widgets as {@code IPY_MODEL_} references. */
    public Map<String, Object> state() {
        synchronized (this) {
            return Collections.unmodifiableMap(json(state));
        }
    }

    /** Runs {@code observer} after every change of the state, made in Java or in the front end. */
    public void observe(Consumer<Change> observer) {
        observers.add(new Observer(null, Objects.requireNonNull(observer, "observer")));
    }

    /** Runs {@code observer} after every change of the state key {@code name}. */
    public void observe(String name, Consumer<Change> observer) {
        synchronized (this) {
            requireKey(name);
        }
        observers.add(new Observer(name, Objects.requireNonNull(observer, "observer")));
    }

    /** Closes the widget's comm: the front end removes its views. Later changes stay in Java. */
    public void close() {
        if (comm != null) {
            comm.close();
            LiveWidgets.remove(this);
        }
    }

    /** The view (while the front end knows the widget) and the text form. */
    @Override
    public MimeBundle toMimeBundle() {
        MimeBundle text = MimeBundle.plain(toString());
        if (!isLive()) {
            return text;
        }
        return text.with(VIEW_MIME_TYPE, "{\"model_id\": \"" + id + "\", \"version_major\": 2, \"version_minor\": 0}");
    }

    /** The text form, such as {@code IntSlider(value=5, min=0, max=10)}, which terminals print. */
    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", getClass().getSimpleName() + "(", ")");
        textFields().forEach((name, value) -> text.add(name + "=" + textOf(value)));
        return text.toString();
    }

    /** The fields the text form shows, in order; read with {@link #get}. */
    abstract Map<String, Object> textFields();

    /**
     * The value to store for {@code name}, checked and put in its canonical form (an int slider's
     * value as a clamped Integer); throws IllegalArgumentException for a value the key cannot take.
     * Called with the widget's lock held, also for values from the front end.
     */
    Object accept(String name, Object value) {
        return canonical(name, value);
    }

    /** Called after {@code name} changed and before the observers run, e.g. to clamp a value into new bounds. */
    void afterChange(String name) {
    }

    /** Whether an update of {@code name} from the front end is echoed back (protocol 2.1); true unless a widget says otherwise. */
    boolean echoes(String name) {
        return true;
    }

    /** Runs {@code handler} with the content of each {@code custom} message from the front end (a click, a submit). */
    void onCustom(Consumer<Map<String, Object>> handler) {
        customHandlers.add(handler);
    }

    /** Whether a front end knows this widget: it was opened on a comm that is still open. */
    boolean isLive() {
        return comm != null && comm.isOpen();
    }

    /** Sends {@code name} with {@code value} even when it equals the current value (an output area's clearing). */
    void resend(String name, Object value) {
        synchronized (this) {
            requireKey(name);
            Object accepted = accept(name, value);
            state.put(name, accepted);
            sendUpdate(name, accepted);
        }
    }

    private void change(String name, Object value, boolean fromFrontEnd) {
        Change change;
        synchronized (this) {
            requireKey(name);
            Object accepted = accept(name, value);
            Object old = state.get(name);
            boolean differs = !sameJson(json(old), json(accepted));
            if (fromFrontEnd ? !sameJson(json(accepted), value) : differs) {
                sendUpdate(name, accepted);
            }
            if (!differs) {
                return;
            }
            state.put(name, accepted);
            change = new Change(this, name, old, accepted);
        }
        afterChange(name);
        for (Observer observer : observers) {
            if (observer.name() == null || observer.name().equals(name)) {
                observer.action().accept(change);
            }
        }
    }

    private void receive(Map<String, Object> data) {
        Object method = data.get("method");
        if ("update".equals(method) && data.get("state") instanceof Map<?, ?> changes) {
            updateFromFrontEnd(jsonObject(changes));
        } else if ("request_state".equals(method)) {
            synchronized (this) {
                send("update", json(state));
            }
        } else if ("custom".equals(method) && data.get("content") instanceof Map<?, ?> content) {
            customHandlers.forEach(handler -> handler.accept(jsonObject(content)));
        }
    }

    /** Echoes the update (so every front end agrees), then applies it key by key; references stay Java's. */
    private void updateFromFrontEnd(Map<String, Object> changes) {
        Map<String, Object> echo = new LinkedHashMap<>();
        synchronized (this) {
            changes.forEach((name, value) -> {
                if (state.containsKey(name) && echoes(name)) {
                    echo.put(name, value);
                }
            });
        }
        if (!echo.isEmpty()) {
            send("echo_update", echo);
        }
        changes.forEach((name, value) -> {
            if (!REFERENCE_KEYS.contains(name) && has(name)) {
                change(name, value, true);
            }
        });
    }

    private synchronized boolean has(String name) {
        return state.containsKey(name);
    }

    private void sendUpdate(String name, Object value) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put(name, json(value));
        send("update", update);
    }

    private void send(String method, Map<String, Object> jsonState) {
        if (isLive()) {
            comm.send(Map.of("method", method, "state", jsonState, "buffer_paths", List.of()));
        }
    }

    private void requireKey(String name) {
        if (!state.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " has no state key \"" + name
                    + "\"; its keys are " + state.keySet());
        }
    }

    /** Lists and maps copied (a caller's later change does not reach the widget) with their values checked. */
    private Object canonical(String name, Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Widget) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(canonical(name, element)));
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> copy.put(String.valueOf(key), canonical(name, element)));
            return Collections.unmodifiableMap(copy);
        }
        throw new IllegalArgumentException(getClass().getSimpleName() + "'s \"" + name
                + "\" must be a JSON value (string, number, boolean, list, map, widget or null), not a "
                + value.getClass().getName());
    }

    /** {@code value} as the front end sees it: each widget replaced by a reference to its model. */
    static Object json(Object value) {
        if (value instanceof Widget widget) {
            return REFERENCE_PREFIX + widget.modelId();
        }
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>(list.size());
            list.forEach(element -> converted.add(json(element)));
            return converted;
        }
        if (value instanceof Map<?, ?> map) {
            return json(jsonObject(map));
        }
        return value;
    }

    private static Map<String, Object> json(Map<String, Object> map) {
        Map<String, Object> converted = new LinkedHashMap<>();
        map.forEach((key, value) -> converted.put(key, json(value)));
        return converted;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonObject(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** Equal as JSON: numbers by value (the front end's 5 is a float slider's 5.0). */
    private static boolean sameJson(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        return Objects.equals(a, b);
    }

    private static String textOf(Object value) {
        if (value instanceof String text) {
            return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
        }
        if (value instanceof List<?> list) {
            StringJoiner joined = new StringJoiner(", ", "[", "]");
            list.forEach(element -> joined.add(textOf(element)));
            return joined.toString();
        }
        return String.valueOf(value);
    }

    /** An observer of one key, or of all (name null). */
    private record Observer(String name, Consumer<Change> action) {
    }
}
