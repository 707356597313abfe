package org.proclab.mp.spawn;

import java.util.List;

/**
 * How a child JVM is started: which java, with which options, on which class path. JVMs started
 * alike are interchangeable, whatever context asked for them; a {@link Reservoir} holds JVMs of
 * one launch.
 */
record JvmLaunch(String javaCommand, List<String> options, String classPath) {
    /** As children start with {@code settings}. */
    static JvmLaunch of(ChildSettings settings) {
        return new JvmLaunch(settings.javaCommand(), settings.launchOptions(), settings.joinedClassPath());
    }
}
