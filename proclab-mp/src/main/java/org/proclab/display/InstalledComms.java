package org.proclab.display;

import java.util.Map;
import java.util.function.BiConsumer;

/** Holds the channel {@link CommChannel#install} chose, and the one for a JVM without a front end. */
final class InstalledComms {
    /** Where no kernel talks to a front end: every use says why it cannot work. */
    static final CommChannel NONE = new CommChannel() {
        @Override
        public void open(Comm comm, Map<String, ?> data, Map<String, ?> metadata) {
            throw new CommsUnavailableException();
        }

        @Override
        public void send(Comm comm, Map<String, ?> data, Map<String, ?> metadata) {
            throw new CommsUnavailableException();
        }

        @Override
        public void close(Comm comm, Map<String, ?> data) {
            throw new CommsUnavailableException();
        }

        @Override
        public String currentRequestId() {
            throw new CommsUnavailableException();
        }

        @Override
        public void registerTarget(String targetName, BiConsumer<Comm, Map<String, Object>> opened) {
            throw new CommsUnavailableException();
        }
    };

    static volatile CommChannel current = NONE;

    private InstalledComms() {
    }
}
