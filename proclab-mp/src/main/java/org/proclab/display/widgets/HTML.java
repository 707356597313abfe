package org.proclab.display.widgets;

import java.util.Map;

/**
 * An HTML fragment as a widget (ipywidgets' {@code HTML}): unlike {@link org.proclab.display.Html},
 * which shows a fragment once, its value can change and the page follows:
 * {@code var board = new HTML("<b>0</b> done"); ... board.setValue("<b>5</b> done");}. The fragment
 * is shown as given: escape untrusted text with {@link org.proclab.display.Html#escape}.
 */
public final class HTML extends StringWidget {
    private static final Model MODEL = Model.controls("HTMLModel", "HTMLView");

    /** An empty fragment. */
    public HTML() {
        this("");
    }

    /** The fragment {@code html}. */
    public HTML(String html) {
        super(MODEL, withValue(Map.of(), html), Style.html(), "");
    }
}
