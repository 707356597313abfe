package org.proclab.display.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code comm_open} of every widget, checked against the ipywidgets 8 model: model and view
 * names, modules and versions, the protocol version, and the keys of its state and of its style
 * (the keys ipywidgets 8.1's {@code get_state()} gives, written out here).
 */
class WidgetProtocolTest {
    private static final String CONTROLS = "@jupyter-widgets/controls";
    private static final String COMMON = "_dom_classes layout tabbable tooltip";
    private static final String DESCRIBED = COMMON + " description description_allow_html style";
    private static final String SLIDER = DESCRIBED
            + " behavior continuous_update disabled max min orientation readout readout_format step value";
    private static final String FONT = " font_family font_size font_style font_variant font_weight text_color text_decoration";

    @RegisterExtension
    final RecordingComms comms = new RecordingComms();

    static Stream<Arguments> widgets() {
        return Stream.of(
                widget(IntSlider::new, "IntSliderModel", "IntSliderView", CONTROLS, SLIDER,
                        "SliderStyleModel", "description_width handle_color"),
                widget(FloatSlider::new, "FloatSliderModel", "FloatSliderView", CONTROLS, SLIDER,
                        "SliderStyleModel", "description_width handle_color"),
                widget(() -> new Dropdown(List.of("a", "b")), "DropdownModel", "DropdownView", CONTROLS,
                        DESCRIBED + " _options_labels disabled index", "DescriptionStyleModel", "description_width"),
                widget(Button::new, "ButtonModel", "ButtonView", CONTROLS,
                        COMMON + " button_style description disabled icon style", "ButtonStyleModel", "button_color" + FONT),
                widget(Checkbox::new, "CheckboxModel", "CheckboxView", CONTROLS, DESCRIBED + " disabled indent value",
                        "CheckboxStyleModel", "background description_width"),
                widget(Text::new, "TextModel", "TextView", CONTROLS,
                        DESCRIBED + " continuous_update disabled placeholder value",
                        "TextStyleModel", "background description_width font_size text_color"),
                widget(() -> new IntProgress(0, 10), "IntProgressModel", "ProgressView", CONTROLS,
                        DESCRIBED + " bar_style max min orientation value", "ProgressStyleModel", "bar_color description_width"),
                widget(Label::new, "LabelModel", "LabelView", CONTROLS, DESCRIBED + " placeholder value",
                        "LabelStyleModel", "background description_width" + FONT),
                widget(HTML::new, "HTMLModel", "HTMLView", CONTROLS, DESCRIBED + " placeholder value",
                        "HTMLStyleModel", "background description_width font_size text_color"),
                widget(Output::new, "OutputModel", "OutputView", "@jupyter-widgets/output", COMMON + " msg_id outputs",
                        null, null),
                widget(HBox::new, "HBoxModel", "HBoxView", CONTROLS, COMMON + " box_style children", null, null),
                widget(VBox::new, "VBoxModel", "VBoxView", CONTROLS, COMMON + " box_style children", null, null));
    }

    private static Arguments widget(Supplier<Widget> create, String model, String view, String module, String keys,
                                    String styleModel, String styleKeys) {
        return Arguments.of(create, model, view, module, keys, styleModel, styleKeys);
    }

    // A widget opens a comm to jupyter.widget with protocol 2.1.0, its whole state and no buffers; the state names
    // the model and view as ipywidgets 8 does and has the keys its model has there; its layout and style are
    // widgets of their own, opened before it so that the front end can resolve the references.
    @ParameterizedTest(name = "{1}")
    @MethodSource("widgets")
    void aWidgetOpensItsModelAsIpywidgets8Does(Supplier<Widget> create, String model, String view, String module,
                                               String keys, String styleModel, String styleKeys) {
        Widget widget = create.get();
        RecordingComms.Sent open = comms.openOf(widget.modelId());
        assertEquals("jupyter.widget", open.comm().targetName());
        assertEquals(Map.of("version", "2.1.0"), open.metadata());
        assertEquals(List.of(), open.data().get("buffer_paths"));
        Map<String, Object> state = open.state();
        assertEquals(model, state.get("_model_name"));
        assertEquals(view, state.get("_view_name"));
        assertEquals(module, state.get("_model_module"));
        assertEquals(module, state.get("_view_module"));
        String version = module.equals(CONTROLS) ? "2.0.0" : "1.0.0";
        assertEquals(version, state.get("_model_module_version"));
        assertEquals(version, state.get("_view_module_version"));
        assertEquals(keySet(keys), ownKeys(state));
        assertEquals(state, widget.state());

        Map<String, Object> layout = referenced(state, "layout", open);
        assertEquals("LayoutModel", layout.get("_model_name"));
        assertEquals("@jupyter-widgets/base", layout.get("_model_module"));
        assertEquals("2.0.0", layout.get("_model_module_version"));
        assertTrue(layout.containsKey("width") && layout.get("width") == null, layout.toString());
        if (styleModel != null) {
            Map<String, Object> style = referenced(state, "style", open);
            assertEquals(styleModel, style.get("_model_name"));
            assertEquals(CONTROLS, style.get("_model_module"));
            assertEquals("StyleView", style.get("_view_name"));
            assertEquals("@jupyter-widgets/base", style.get("_view_module"));
            assertEquals(keySet(styleKeys), ownKeys(style));
        }
    }

    /** The state of the widget that {@code key} refers to, which must have been opened before {@code referrer}. */
    private Map<String, Object> referenced(Map<String, Object> state, String key, RecordingComms.Sent referrer) {
        String reference = (String) state.get(key);
        assertTrue(reference.startsWith("IPY_MODEL_"), reference);
        RecordingComms.Sent open = comms.openOf(reference.substring("IPY_MODEL_".length()));
        assertTrue(comms.sent.indexOf(open) < comms.sent.indexOf(referrer), key + " must be opened first");
        return open.state();
    }

    private static Set<String> keySet(String keys) {
        return new TreeSet<>(Arrays.asList(keys.split(" ")));
    }

    /** The keys besides those naming the model and view. */
    private static Set<String> ownKeys(Map<String, Object> state) {
        return state.keySet().stream().filter(key -> !key.startsWith("_model_") && !key.startsWith("_view_"))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
