/**
 * Rendered explanations of what processes did: plain text for consoles and terminals, Markdown for
 * notebooks, both built from the recorded process events.
 */
package org.proclab.render;
