package org.proclab.mp.spawn;

import java.io.Serializable;

/**
 * What a child sends when a task throws: the exception itself when it can be serialized, and
 * always its type, message and stack trace as text, so the parent can report it even when it
 * cannot rebuild the exception object.
 */
record RemoteFailure(String processName, long pid, String typeName, String message, String trace,
                     byte[] exception) implements Serializable {
}
