/**
 * Interactive widgets for notebooks, speaking the ipywidgets 8 model so that Jupyter Notebook,
 * JupyterLab and VS Code draw them: {@link org.proclab.display.widgets.IntSlider},
 * {@link org.proclab.display.widgets.FloatSlider}, {@link org.proclab.display.widgets.Dropdown},
 * {@link org.proclab.display.widgets.Button}, {@link org.proclab.display.widgets.Checkbox},
 * {@link org.proclab.display.widgets.Text}, {@link org.proclab.display.widgets.IntProgress},
 * {@link org.proclab.display.widgets.Label}, {@link org.proclab.display.widgets.HTML},
 * {@link org.proclab.display.widgets.Output}, {@link org.proclab.display.widgets.HBox} and
 * {@link org.proclab.display.widgets.VBox}, with observers, click actions and
 * {@link org.proclab.display.widgets.Widgets#interact}. Imported in every cell. Built on
 * {@link org.proclab.display.Comm}; see {@link org.proclab.display.widgets.Widget} for how a widget
 * behaves without a front end.
 */
package org.proclab.display.widgets;
