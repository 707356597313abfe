package org.proclab.engine.io;

/** The two output streams of the Jupyter protocol, with their wire names. */
public enum StreamName {
    STDOUT("stdout"), STDERR("stderr");

    private final String wireName;

    StreamName(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
