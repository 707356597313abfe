package org.proclab.display;

/** Holds the channel {@link DisplayChannel#install} chose (interfaces cannot have mutable fields). */
final class InstalledChannel {
    static volatile DisplayChannel current = PrintedDisplays.INSTANCE;

    private InstalledChannel() {
    }
}
