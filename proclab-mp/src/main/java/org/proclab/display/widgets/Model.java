package org.proclab.display.widgets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which JavaScript classes draw a widget: the model and view, each named with the npm module that
 * defines it and that module's version, as ipywidgets 8 front ends expect them in every widget's
 * state ({@code _model_name}, {@code _model_module}, ...).
 */
record Model(String module, String version, String name, String viewModule, String viewVersion, String viewName) {
    private static final String CONTROLS = "@jupyter-widgets/controls";
    private static final String BASE = "@jupyter-widgets/base";
    private static final String OUTPUT = "@jupyter-widgets/output";
    private static final String CONTROLS_VERSION = "2.0.0";
    private static final String BASE_VERSION = "2.0.0";
    private static final String OUTPUT_VERSION = "1.0.0";

    /** A model of {@code @jupyter-widgets/controls} drawn by a view of the same module. */
    static Model controls(String name, String viewName) {
        return new Model(CONTROLS, CONTROLS_VERSION, name, CONTROLS, CONTROLS_VERSION, viewName);
    }

    /** A style model: defined by {@code @jupyter-widgets/controls}, applied by the base module's {@code StyleView}. */
    static Model style(String name) {
        return new Model(CONTROLS, CONTROLS_VERSION, name, BASE, BASE_VERSION, "StyleView");
    }

    /** The layout every control has, from {@code @jupyter-widgets/base}. */
    static Model layout() {
        return new Model(BASE, BASE_VERSION, "LayoutModel", BASE, BASE_VERSION, "LayoutView");
    }

    /** The output area of {@code @jupyter-widgets/output}. */
    static Model output() {
        return new Model(OUTPUT, OUTPUT_VERSION, "OutputModel", OUTPUT, OUTPUT_VERSION, "OutputView");
    }

    /** The state keys that name the model and view, which the front end reads first and never changes. */
    Map<String, Object> keys() {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("_model_module", module);
        keys.put("_model_module_version", version);
        keys.put("_model_name", name);
        keys.put("_view_count", null);
        keys.put("_view_module", viewModule);
        keys.put("_view_module_version", viewVersion);
        keys.put("_view_name", viewName);
        return keys;
    }
}
