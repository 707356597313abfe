package org.proclab.mp.spawn;

import java.io.Serializable;
import java.util.List;

/**
 * A value type as a task might capture or return. Top-level, so that a copy defined by another
 * class loader does not need access to an enclosing class.
 */
record SampleValue(String name, int count, List<Integer> numbers) implements Serializable {
}
