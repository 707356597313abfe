/**
 * Rich output from cells: {@link org.proclab.display.Display#display(Object)} and
 * {@link org.proclab.display.Display#updateDisplay(DisplayId, Object)} (callable without a prefix in
 * the kernel), the {@link org.proclab.display.Markdown}, {@link org.proclab.display.Html},
 * {@link org.proclab.display.Svg} and {@link org.proclab.display.Table} helpers, and
 * {@link org.proclab.display.Renderers}, which decides how any value looks, also when it is the value
 * of a cell's last expression. Every output is a {@link org.proclab.display.MimeBundle} with a
 * {@code text/plain} form, so consoles, terminals and child processes can always show something.
 */
package org.proclab.display;
