/**
 * Helper cells and line magics: {@code %name args} lines and {@code %%name args} cells, found by
 * {@link org.proclab.magic.CellSegments}, looked up in the {@link org.proclab.magic.MagicRegistry}
 * and run by the {@link org.proclab.magic.MagicRunner} between the cell's ordinary Java code.
 */
package org.proclab.magic;
