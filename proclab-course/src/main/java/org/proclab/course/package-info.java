/**
 * The course outside Jupyter: reading notebooks, running them in a terminal ({@code proclab run}),
 * and the self-checking exercises ({@link org.proclab.course.Check}, {@code proclab check}).
 */
package org.proclab.course;
